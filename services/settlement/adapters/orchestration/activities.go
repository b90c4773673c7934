// Package orchestration serves the trade workflow's settlement activities on Temporal.
package orchestration

import (
	"context"
	"fmt"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Activities are settlement's activities.
type Activities struct{ App app.Application }

// InstructPayment instructs the payment of an honoured presentation and returns its status. A
// payment already past "raised" was instructed before (a retry): its status is the answer.
func (a Activities) InstructPayment(ctx context.Context, ref contracts.PaymentRef) (string, error) {
	id := domain.PaymentID(domain.Obligation{TradeID: ref.TradeID, LCID: ref.LCID, PresentationID: ref.PresentationID})
	p, err := a.App.Queries.Payment.Handle(ctx, id)
	if err != nil {
		return "", fmt.Errorf("payment %s: %w", id, err) // not raised yet: Temporal retries
	}
	if p.Status != domain.StatusRaised {
		return string(p.Status), nil
	}
	if p, _, err = a.App.Commands.Instruct.Handle(ctx, id); err != nil {
		return "", err
	}
	return string(p.Status), nil
}

// NewWorker returns a worker serving the activities on contracts.SettlementTaskQueue.
func NewWorker(c client.Client, a Activities) worker.Worker {
	w := worker.New(c, contracts.SettlementTaskQueue, worker.Options{})
	w.RegisterActivityWithOptions(a.InstructPayment, activity.RegisterOptions{Name: contracts.InstructPaymentActivity})
	return w
}
