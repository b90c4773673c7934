package app

import (
	"context"

	"github.com/tradefin/tradefin/services/settlement/domain"
)

// BalancesReader is the account ledger projection.
type BalancesReader interface {
	Balances(ctx context.Context) (domain.Ledger, error)
}

// BalancesHandler reads every nostro/vostro/position account's balance.
type BalancesHandler struct{ reader BalancesReader }

func (h BalancesHandler) Handle(ctx context.Context) (domain.Ledger, error) {
	if h.reader == nil {
		return nil, &domain.Error{Kind: domain.KindNotFound, Msg: "no ledger projection configured"}
	}
	return h.reader.Balances(ctx)
}
