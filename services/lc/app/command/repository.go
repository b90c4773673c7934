// Package command holds the letters-of-credit service's write-side use cases.
package command

import (
	"context"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// Repository is what the use cases need from storage (adapters/store implements it).
type Repository interface {
	Get(ctx context.Context, id string) (*domain.LetterOfCredit, error)
	Create(ctx context.Context, lc *domain.LetterOfCredit) error
	Update(ctx context.Context, id string, fn func(*domain.LetterOfCredit) error) (*domain.LetterOfCredit, error)
}
