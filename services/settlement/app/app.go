// Package app holds settlement's use cases: one file per command or query.
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

// Application is what adapters call.
type Application struct {
	Commands Commands
	Queries  Queries
}

type Commands struct {
	RaisePayment RaisePaymentHandler
	Instruct     InstructHandler
	ApplyStatus  ApplyStatusHandler
}

type Queries struct {
	Payment  PaymentHandler
	Message  MessageHandler
	Balances BalancesHandler
}

// New wires the use cases.
func New(repo Repository, rates RateProvider, ids IDs, now func() time.Time) Application {
	return Application{
		Commands: Commands{
			RaisePayment: RaisePaymentHandler{repo: repo, now: now},
			Instruct:     InstructHandler{repo: repo, rates: rates, ids: ids, now: now},
			ApplyStatus:  ApplyStatusHandler{repo: repo, now: now},
		},
		Queries: Queries{Payment: PaymentHandler{repo: repo}, Message: MessageHandler{repo: repo}},
	}
}

// WithBalances adds the account ledger projection to the queries.
func (a Application) WithBalances(r BalancesReader) Application {
	a.Queries.Balances = BalancesHandler{reader: r}
	return a
}
