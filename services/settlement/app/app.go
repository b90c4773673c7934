// Package app is settlement's application layer: one type per use case, write side in
// app/command, read side in app/query, listed here.
//
// The rule: 404 for non-parties (a caller who may not see the payment gets, for a read or a
// command, the answer of a missing one word for word), 403 naming the rule for parties without
// the right. The app imports no adapter: the ISO 20022 messages are decoded and rendered by the
// adapters that receive and serve them.
package app

import (
	"time"

	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/app/query"
)

// Application is every use case of the service.
type Application struct {
	Commands Commands
	Queries  Queries
}

// Commands are the write-side use cases.
type Commands struct {
	RaisePayment      command.RaisePaymentHandler
	Release           command.ReleaseHandler
	Approve           command.ApproveHandler
	Correct           command.CorrectHandler
	ApplyStatusReport command.ApplyStatusReportHandler
}

// Queries are the read-side use cases.
type Queries struct {
	Payment  query.PaymentHandler
	Attempt  query.AttemptHandler
	Balances query.BalancesHandler
}

// Policy is the service's configuration of its rules.
type Policy = command.Policy

// New wires the use cases.
func New(repo command.Repository, rates command.RateProvider, ids command.IDs, now func() time.Time, pol command.Policy) Application {
	in := command.Instructor{Rates: rates, IDs: ids, Now: now}
	payments := query.PaymentHandler{Repo: repo, Policy: pol}
	return Application{
		Commands: Commands{
			RaisePayment:      command.RaisePaymentHandler{Repo: repo, Now: now},
			Release:           command.ReleaseHandler{Repo: repo, Instructor: in, Policy: pol},
			Approve:           command.ApproveHandler{Repo: repo, Instructor: in, Policy: pol},
			Correct:           command.CorrectHandler{Repo: repo, Instructor: in, Policy: pol},
			ApplyStatusReport: command.ApplyStatusReportHandler{Repo: repo, Now: now, Policy: pol},
		},
		Queries: Queries{Payment: payments, Attempt: query.AttemptHandler{Payments: payments}, Balances: query.BalancesHandler{Policy: pol}},
	}
}

// WithBalances adds the account ledger projection to the queries.
func (a Application) WithBalances(r query.BalancesReader) Application {
	a.Queries.Balances.Reader = r
	return a
}
