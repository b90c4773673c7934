package app

import (
	"context"
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/adapters/iso20022"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// ApplyStatusHandler applies a pacs.002 to the payment it reports on (matched by UETR, else by
// the original message ID), reported by the settlement bank or the debtor bank.
type ApplyStatusHandler struct {
	repo Repository
	now  func() time.Time
	pol  Policy
}

func (h ApplyStatusHandler) Handle(ctx context.Context, actor identity.Actor, paymentID string, pacs002 []byte) (*domain.Payment, error) {
	rep, err := iso20022.ParsePacs002(pacs002)
	if err != nil {
		return nil, &domain.Error{Kind: domain.KindInvalid, Msg: err.Error()}
	}
	return h.repo.Update(ctx, paymentID, func(p *domain.Payment) error {
		if err := authorize(actor, domain.ActReportStatus, p.Parties(h.pol.SettlementAgent)); err != nil {
			return err
		}
		if rep.OrgnlMsgID != p.MsgID {
			return &domain.Error{Kind: domain.KindInvalid, Msg: fmt.Sprintf("pacs.002 reports on %s, payment sent %s", rep.OrgnlMsgID, p.MsgID)}
		}
		for _, tx := range rep.Transactions {
			if tx.OrgnlUETR != "" && tx.OrgnlUETR != p.UETR {
				continue
			}
			reason := ""
			if len(tx.Reasons) > 0 {
				reason = tx.Reasons[0]
			}
			return p.ApplyStatus(tx.Status, reason, actor.Stamp(), h.now())
		}
		return &domain.Error{Kind: domain.KindInvalid, Msg: "pacs.002 has no status for UETR " + p.UETR}
	})
}
