package orchestration

import (
	"context"
	"fmt"
	"time"

	"go.temporal.io/sdk/temporal"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// PassExaminationDeadline enforces a presentation's examination deadline as the trade workflow
// (identity.Workflow) asks, and answers what the credit decided (contracts.PassExaminationDeadlineActivity).
// A request that breaks the contract is not retried; anything else (storage down) is.
func (a Activities) PassExaminationDeadline(ctx context.Context, req contracts.PassExaminationDeadline) (contracts.ExaminationDeadlineOutcome, error) {
	if err := contracts.CheckTradeID(req.TradeID); err != nil {
		return contracts.ExaminationDeadlineOutcome{}, temporal.NewNonRetryableApplicationError(err.Error(), "BadRequest", err)
	}
	out, err := a.App.Commands.PassDeadline.Handle(identity.WithActor(ctx, identity.Workflow), req.TradeID, req.LCID, req.PresentationID)
	if err != nil {
		if domain.KindOf(err) == domain.KindInternal {
			return contracts.ExaminationDeadlineOutcome{}, fmt.Errorf("examination deadline of %s/%s: %w", req.LCID, req.PresentationID, err)
		}
		return contracts.ExaminationDeadlineOutcome{}, temporal.NewNonRetryableApplicationError(err.Error(), "Refused", err)
	}
	return contracts.ExaminationDeadlineOutcome{Status: out.Status, DeadlineAt: out.DeadlineAt.UTC().Format(time.RFC3339)}, nil
}
