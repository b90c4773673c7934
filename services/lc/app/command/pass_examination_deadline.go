package command

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// PassExaminationDeadlineHandler is the trade workflow's question when a presentation's
// examination deadline timer fired: the credit decides (domain.LetterOfCredit.PassExaminationDeadline).
type PassExaminationDeadlineHandler struct {
	Repo   Repository
	Policy domain.Policy
	Clock  Clock
}

// Handle asks as the context's actor (the trade workflow); a credit of another trade is not found.
func (h PassExaminationDeadlineHandler) Handle(ctx context.Context, tradeID, id, presentationID string) (domain.DeadlineOutcome, error) {
	var out domain.DeadlineOutcome
	_, err := updateAs(ctx, h.Repo, id, domain.ActPassDeadline, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		if lc.TradeID != tradeID {
			return fmt.Errorf("%w: %s is not a credit of trade %s", domain.ErrNotFound, id, tradeID)
		}
		var err error
		out, err = lc.PassExaminationDeadline(presentationID, h.Clock.now(), h.Policy)
		return err
	})
	return out, err
}
