// Package orchestration serves the trade workflow's settlement activities on Temporal.
package orchestration

import (
	"context"
	"fmt"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Activities are settlement's activities.
type Activities struct{ App app.Application }

// ErrAwaitingApproval is the activity's answer while a payment above the four-eyes threshold waits
// for its checker. It is an ordinary (retryable) error on purpose: Temporal retries the activity
// under the workflow's retry policy, so the workflow keeps waiting, and the first attempt after
// the approval finds the payment instructed and reports it.
var ErrAwaitingApproval = fmt.Errorf("payment awaiting four-eyes approval")

// InstructPayment releases the payment of an honoured presentation as the trade workflow
// (identity.Workflow) and returns its status. A payment released before (a retry) answers with
// its status; one not raised yet (lc.honoured.v1 still on its way) fails and is retried.
func (a Activities) InstructPayment(ctx context.Context, ref contracts.PaymentRef) (string, error) {
	id := domain.PaymentID(domain.Obligation{TradeID: ref.TradeID, LCID: ref.LCID, PresentationID: ref.PresentationID})
	p, _, err := a.App.Commands.Release.Handle(ctx, identity.Workflow, id)
	if err != nil {
		return "", fmt.Errorf("payment %s: %w", id, err) // not raised yet, or disputed: Temporal retries
	}
	if p.Status == domain.StatusAwaitingApproval {
		return "", fmt.Errorf("payment %s: %w", id, ErrAwaitingApproval)
	}
	return string(p.Status), nil
}

// NewWorker returns a worker serving the activities on contracts.SettlementTaskQueue.
func NewWorker(c client.Client, a Activities) worker.Worker {
	w := worker.New(c, contracts.SettlementTaskQueue, worker.Options{})
	w.RegisterActivityWithOptions(a.InstructPayment, activity.RegisterOptions{Name: contracts.InstructPaymentActivity})
	return w
}
