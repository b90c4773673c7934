// Package command holds the letters-of-credit service's write-side use cases.
package command

import (
	"context"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// Repository is what the use cases need from storage (adapters/store implements it). Get and
// Update answer an unknown ID with an error wrapping domain.ErrNotFound, Create an existing one
// with domain.ErrCreditExists.
type Repository interface {
	Get(ctx context.Context, id string) (*domain.LetterOfCredit, error)
	Create(ctx context.Context, lc *domain.LetterOfCredit) error
	Update(ctx context.Context, id string, fn func(*domain.LetterOfCredit) error) (*domain.LetterOfCredit, error)
}

// TradeClaims keeps which credit each trade ID belongs to (adapters/store implements it).
type TradeClaims interface {
	// Claim records c unless its trade ID is claimed already, and returns the claim that stands:
	// c, or the earlier one.
	Claim(ctx context.Context, c domain.TradeClaim) (domain.TradeClaim, error)
}
