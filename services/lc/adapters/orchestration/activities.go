// Package orchestration serves the trade workflow's LC activities on Temporal: the workflow asks,
// the credit decides (contracts.ExpireCreditActivity).
package orchestration

import (
	"context"
	"fmt"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Activities are the LC service's activities.
type Activities struct{ App app.Application }

// ExpireCredit expires the credit as the trade workflow (identity.Workflow), when its
// presentable-until instant has passed, and answers what the credit decided: EXPIRED (lc.expired.v1
// is on its way through the outbox), DEFERRED, EXTENDED with the new instant, or the status of a
// credit that can no longer expire. Asked again it answers the same. A request that breaks the
// contract (a bad trade ID, a credit of another trade or none) can never pass and is not retried;
// anything else (storage down) is, by Temporal.
func (a Activities) ExpireCredit(ctx context.Context, req contracts.ExpireCredit) (contracts.ExpiryOutcome, error) {
	if err := contracts.CheckTradeID(req.TradeID); err != nil {
		return contracts.ExpiryOutcome{}, temporal.NewNonRetryableApplicationError(err.Error(), "BadRequest", err)
	}
	out, err := a.App.Commands.ExpireCredit.Handle(identity.WithActor(ctx, identity.Workflow), req.TradeID, req.LCID)
	if err != nil {
		if domain.KindOf(err) == domain.KindInternal {
			return contracts.ExpiryOutcome{}, fmt.Errorf("expire credit %s: %w", req.LCID, err)
		}
		return contracts.ExpiryOutcome{}, temporal.NewNonRetryableApplicationError(err.Error(), "Refused", err)
	}
	return contracts.ExpiryOutcome{Status: out.Status, PresentableUntil: out.PresentableUntil.UTC().Format(time.RFC3339)}, nil
}

// NewWorker returns a worker serving the activities on contracts.LCTaskQueue.
func NewWorker(c client.Client, a Activities) worker.Worker {
	w := worker.New(c, contracts.LCTaskQueue, worker.Options{})
	a.Register(w)
	return w
}

// Register registers the activities with w under their contract names.
func (a Activities) Register(w worker.ActivityRegistry) {
	w.RegisterActivityWithOptions(a.ExpireCredit, activity.RegisterOptions{Name: contracts.ExpireCreditActivity})
	w.RegisterActivityWithOptions(a.PassExaminationDeadline, activity.RegisterOptions{Name: contracts.PassExaminationDeadlineActivity})
}
