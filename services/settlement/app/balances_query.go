package app

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// BalancesReader is the account ledger projection.
type BalancesReader interface {
	Balances(ctx context.Context) (domain.Ledger, error)
}

// BalancesHandler reads every nostro/vostro/position account's balance: the settlement bank's
// books, for it and the auditor (domain.AuthorizeBalances).
type BalancesHandler struct {
	reader BalancesReader
	pol    Policy
}

func (h BalancesHandler) Handle(ctx context.Context, actor identity.Actor) (domain.Ledger, error) {
	if err := domain.AuthorizeBalances(actor, h.pol.SettlementAgent); err != nil {
		return nil, err
	}
	if h.reader == nil {
		return nil, &domain.Error{Kind: domain.KindNotFound, Msg: "no ledger projection configured"}
	}
	return h.reader.Balances(ctx)
}
