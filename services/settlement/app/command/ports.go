// Package command holds settlement's write-side use cases, one file each. Every command takes the
// acting identity.Actor and asks domain.Authorize, against the payment as loaded, whether it may
// (Authorize maps the answer). Errors are domain error kinds (domain.Kind); only the HTTP
// adapter turns them into RFC 9457 problems.
package command

import (
	"context"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Repository loads and saves Payments (adapters/store implements it). Create is idempotent: a
// payment whose ID already exists is not raised again and the stored one is returned with
// created=false. Update runs fn on the payment as stored and saves what it recorded, nothing
// when fn fails.
type Repository interface {
	Create(ctx context.Context, p *domain.Payment) (stored *domain.Payment, created bool, err error)
	Get(ctx context.Context, id string) (*domain.Payment, error)
	Update(ctx context.Context, id string, fn func(*domain.Payment) error) (*domain.Payment, error)
}

// RateProvider quotes FX rates (adapters/fxtable: a fixed table for dev and tests).
type RateProvider interface {
	Rate(ctx context.Context, from, to money.Currency) (domain.Rate, error)
}

// IDs generates message identifiers (adapters/ids).
type IDs interface {
	MsgID() string // Max35Text
	UETR() string  // UUID v4
}

// Policy is the service's own configuration of its rules.
type Policy struct {
	SettlementAgent string          // the settlement bank's BIC (TRADEFIN_SETTLEMENT_AGENT_BIC)
	FourEyes        domain.FourEyes // maker-checker thresholds (TRADEFIN_SETTLEMENT_FOUR_EYES)
}
