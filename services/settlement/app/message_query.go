package app

import (
	"context"

	"github.com/tradefin/tradefin/services/settlement/adapters/iso20022"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// MessageHandler returns the pacs.009 a payment was instructed with. It is rebuilt from the
// recorded instruction (identifiers, amount, date, creation time), so it is byte-identical to the
// message sent.
type MessageHandler struct{ repo Repository }

func (h MessageHandler) Handle(ctx context.Context, id string) ([]byte, error) {
	p, err := h.repo.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.MsgID == "" {
		return nil, &domain.Error{Kind: domain.KindNotFound, Msg: "payment " + id + " has not been instructed"}
	}
	return iso20022.Pacs009(p, p.InstructedAt)
}
