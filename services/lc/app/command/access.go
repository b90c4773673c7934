package command

import (
	"context"
	"errors"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Authorize asks the domain's one rule whether the request's actor may do act to lc: 401 when
// nobody is authenticated, 404 when the credit is none of the caller's business, 403 naming the
// rule when the caller is a party without the right.
func Authorize(ctx context.Context, act domain.Action, lc *domain.LetterOfCredit) (identity.Actor, error) {
	a, err := identity.Caller(ctx)
	if err != nil {
		return identity.Actor{}, err
	}
	err = domain.Authorize(a, act, lc)
	if errors.Is(err, domain.ErrNotVisible) {
		return a, problem.New(problem.NotFound, "No such letter of credit", lc.ID)
	}
	return a, err
}

// updateAs loads the credit, authorises act on it as it stands, and lets fn decide; nothing is
// saved when either refuses.
func updateAs(ctx context.Context, repo Repository, id string, act domain.Action, fn func(lc *domain.LetterOfCredit, a identity.Actor) error) (*domain.LetterOfCredit, error) {
	if _, err := identity.Caller(ctx); err != nil {
		return nil, err // nobody: refused before anything is read
	}
	return repo.Update(ctx, id, func(lc *domain.LetterOfCredit) error {
		a, err := Authorize(ctx, act, lc)
		if err != nil {
			return err
		}
		return fn(lc, a)
	})
}
