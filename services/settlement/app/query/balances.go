package query

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// BalancesReader is the account ledger projection (adapters/store).
type BalancesReader interface {
	Balances(ctx context.Context) (domain.Ledger, error)
}

// BalancesHandler reads every nostro/vostro/position account's balance: the settlement bank's
// books, for it and the auditor (domain.AuthorizeBalances).
type BalancesHandler struct {
	Reader BalancesReader
	Policy command.Policy
}

// Handle returns the balances if actor may read them.
func (h BalancesHandler) Handle(ctx context.Context, actor identity.Actor) (domain.Ledger, error) {
	if err := domain.AuthorizeBalances(actor, h.Policy.SettlementAgent); err != nil {
		return nil, err
	}
	if h.Reader == nil {
		return nil, &domain.Error{Kind: domain.KindNotFound, Msg: "no ledger projection configured"}
	}
	return h.Reader.Balances(ctx)
}
