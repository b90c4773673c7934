package command

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ExpireCreditHandler is the trade workflow's question when a credit's presentable-until instant
// has passed: the credit decides (domain.LetterOfCredit.Expire). Asked again, it answers the
// same and records nothing.
type ExpireCreditHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle expires the credit id of trade tradeID as the context's actor (the trade workflow) at
// the clock's now. A credit of another trade is not found.
func (h ExpireCreditHandler) Handle(ctx context.Context, tradeID, id string) (domain.ExpiryOutcome, error) {
	var out domain.ExpiryOutcome
	_, err := updateAs(ctx, h.Repo, id, domain.ActExpire, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		if lc.TradeID != tradeID {
			return fmt.Errorf("%w: %s is not a credit of trade %s", domain.ErrNotFound, id, tradeID)
		}
		out = lc.Expire(h.Clock.now())
		return nil
	})
	return out, err
}
