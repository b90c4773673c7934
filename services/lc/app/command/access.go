package command

import (
	"context"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Caller is the request's actor: domain.ErrUnauthenticated when nobody was authenticated.
func Caller(ctx context.Context) (identity.Actor, error) {
	a, ok := identity.FromContext(ctx)
	if !ok {
		return identity.Actor{}, domain.ErrUnauthenticated
	}
	return a, nil
}

// Authorize asks the domain's one rule whether the request's actor may do act to lc. A credit
// that is none of the caller's business is domain.ErrNotFound, word for word what an unknown ID
// gets, so a credit's ID cannot be probed; a party without the right is refused naming the rule.
func Authorize(ctx context.Context, act domain.Action, lc *domain.LetterOfCredit) (identity.Actor, error) {
	a, err := Caller(ctx)
	if err != nil {
		return identity.Actor{}, err
	}
	err = domain.Authorize(a, act, lc)
	if errors.Is(err, domain.ErrNotVisible) {
		return a, fmt.Errorf("%w: %s", domain.ErrNotFound, lc.ID)
	}
	return a, err
}

// updateAs loads the credit, authorises act on it as it stands, and lets fn decide; nothing is
// saved when either refuses.
func updateAs(ctx context.Context, repo Repository, id string, act domain.Action, fn func(lc *domain.LetterOfCredit, a identity.Actor) error) (*domain.LetterOfCredit, error) {
	if _, err := Caller(ctx); err != nil {
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
