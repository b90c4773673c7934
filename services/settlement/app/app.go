// Package app holds settlement's use cases: one file per command or query. Every command and
// query takes the acting identity.Actor and asks domain.Authorize, against the payment as loaded,
// whether it may (authorize.go maps the answer).
//
// The rule: 404 for non-parties (a caller who may not see the payment gets, for a read or a
// command, the answer of a missing one word for word), 403 naming the rule for parties without
// the right.
package app

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Repository loads and saves Payments. Create is idempotent: a payment whose ID already exists is
// not raised again and the stored one is returned with created=false.
type Repository interface {
	Create(ctx context.Context, p *domain.Payment) (stored *domain.Payment, created bool, err error)
	Get(ctx context.Context, id string) (*domain.Payment, error)
	Update(ctx context.Context, id string, fn func(*domain.Payment) error) (*domain.Payment, error)
}

// RateProvider quotes FX rates (port; adapters: fixed table for dev/tests).
type RateProvider interface {
	Rate(ctx context.Context, from, to money.Currency) (domain.Rate, error)
}

// IDs generates message identifiers (MsgId, UETR).
type IDs interface {
	MsgID() string
	UETR() string // UUID v4
}

// Policy is the service's own configuration of its rules.
type Policy struct {
	SettlementAgent string          // the settlement bank's BIC (TRADEFIN_SETTLEMENT_AGENT_BIC)
	FourEyes        domain.FourEyes // maker-checker thresholds (TRADEFIN_SETTLEMENT_FOUR_EYES)
}

// Application is what adapters call.
type Application struct {
	Commands Commands
	Queries  Queries
	Policy   Policy
}

type Commands struct {
	RaisePayment RaisePaymentHandler
	Release      ReleaseHandler
	Approve      ApproveHandler
	ApplyStatus  ApplyStatusHandler
}

type Queries struct {
	Payment  PaymentHandler
	Message  MessageHandler
	Balances BalancesHandler
}

// New wires the use cases.
func New(repo Repository, rates RateProvider, ids IDs, now func() time.Time, pol Policy) Application {
	in := instructor{rates: rates, ids: ids, now: now}
	return Application{
		Commands: Commands{
			RaisePayment: RaisePaymentHandler{repo: repo, now: now},
			Release:      ReleaseHandler{repo: repo, in: in, pol: pol},
			Approve:      ApproveHandler{repo: repo, in: in, pol: pol},
			ApplyStatus:  ApplyStatusHandler{repo: repo, now: now, pol: pol},
		},
		Queries: Queries{Payment: PaymentHandler{repo: repo, pol: pol}, Message: MessageHandler{repo: repo, pol: pol},
			Balances: BalancesHandler{pol: pol}},
		Policy: pol,
	}
}

// WithBalances adds the account ledger projection to the queries.
func (a Application) WithBalances(r BalancesReader) Application {
	a.Queries.Balances.reader = r
	return a
}
