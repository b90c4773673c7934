// Package orchestration serves the trade workflow's settlement activities on Temporal
// (contracts.SettlementTaskQueue).
package orchestration

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Activities are settlement's activities.
type Activities struct{ App app.Application }

// ErrAwaitingApproval: the payment (or its corrected instruction) waits for a four-eyes checker.
var ErrAwaitingApproval = errors.New("payment awaiting four-eyes approval")

// The Temporal application error types of the activity's waiting answers: awaiting approval, and
// awaiting correction (domain.ErrAwaitingCorrection). Both are retryable on purpose: Temporal
// retries the activity under the workflow's retry policy, so the workflow keeps waiting, and the
// first attempt after the person acted finds the payment instructed and reports it. The types
// let the workflow and its operators tell what the trade waits for from the activity's last
// failure (DescribeWorkflowExecution's pending activity).
const (
	ErrorTypeAwaitingApproval   = "AwaitingApproval"
	ErrorTypeAwaitingCorrection = "AwaitingCorrection"
	// ErrorTypeNotRaised: lc.honoured.v1 has not reached settlement yet; retried within
	// notRaisedRetry.
	ErrorTypeNotRaised = "PaymentNotRaised"
)

// notRaisedRetry is how soon an instruction of a payment not raised yet is tried again.
const notRaisedRetry = time.Second

// InstructPayment releases the payment of an honoured presentation as the trade workflow
// (identity.Workflow) and returns its status (contracts.InstructPaymentActivity): the first
// time after the honour, and again after each settlement.payment_failed.v1. A payment instructed
// before (a retry) answers with its status; a failed one whose rejection may pass by itself is
// instructed again at once (a new attempt, a new UETR, a new settlement.payment_initiated.v1);
// one whose rejection needs a person answers ErrAwaitingCorrection until a payments officer
// corrects it; one above the four-eyes threshold ErrAwaitingApproval until a checker approves.
// One not raised yet (lc.honoured.v1 still on its way) fails and is retried.
func (a Activities) InstructPayment(ctx context.Context, ref contracts.PaymentRef) (string, error) {
	id := domain.PaymentID(domain.Obligation{TradeID: ref.TradeID, LCID: ref.LCID, PresentationID: ref.PresentationID})
	if err := domain.CheckPaymentID(id); err != nil {
		return "", temporal.NewNonRetryableApplicationError(err.Error(), "InvalidPaymentRef", err) // never passes
	}
	p, err := a.App.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id})
	switch {
	case errors.Is(err, domain.ErrAwaitingCorrection):
		return "", temporal.NewApplicationErrorWithCause(err.Error(), ErrorTypeAwaitingCorrection, err)
	case domain.KindOf(err) == domain.KindNotFound:
		// The honour is on its way through Kafka (seconds; longer while this service's consumer
		// rejoins its group after a restart): looked for again within notRaisedRetry, not after
		// the workflow's backoff has doubled up to its minute.
		return "", temporal.NewApplicationErrorWithOptions(fmt.Sprintf("payment %s: %v", id, err), ErrorTypeNotRaised,
			temporal.ApplicationErrorOptions{Cause: err, NextRetryDelay: notRaisedRetry})
	case err != nil:
		return "", fmt.Errorf("payment %s: %w", id, err) // disputed, or the store failing: Temporal retries
	case p.Status == domain.StatusAwaitingApproval:
		return "", temporal.NewApplicationErrorWithCause(fmt.Sprintf("payment %s: %v", id, ErrAwaitingApproval), ErrorTypeAwaitingApproval, ErrAwaitingApproval)
	}
	return string(p.Status), nil
}

// Register registers the activities on w under their contract names.
func Register(w worker.ActivityRegistry, a Activities) {
	w.RegisterActivityWithOptions(a.InstructPayment, activity.RegisterOptions{Name: contracts.InstructPaymentActivity})
}

// NewWorker returns a worker serving the activities on contracts.SettlementTaskQueue.
func NewWorker(c client.Client, a Activities) worker.Worker {
	w := worker.New(c, contracts.SettlementTaskQueue, worker.Options{})
	Register(w, a)
	return w
}
