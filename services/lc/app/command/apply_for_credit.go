package command

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// ApplyForCredit is the importer's application.
type ApplyForCredit struct {
	ID, TradeID string
	Terms       domain.Terms
}

// ApplyForCreditHandler handles it.
type ApplyForCreditHandler struct {
	Repo      Repository
	Trades    TradeClaims
	Calendars domain.Calendars
}

// errIDTaken: someone else's credit has the ID; nothing more is said of it.
var errIDTaken = fmt.Errorf("%w: the ID is taken", domain.ErrCreditExists)

// Handle creates the credit. The client-chosen ID is the natural key: the same application
// again (a retry) returns the existing credit with created false; a different one under the same
// ID is a conflict. The first credit on a trade ID claims the trade for its parties
// (domain.TradeClaim): a credit of anyone else on it is a conflict, before anything is stored.
func (h ApplyForCreditHandler) Handle(ctx context.Context, c ApplyForCredit) (lc *domain.LetterOfCredit, created bool, err error) {
	a, err := Caller(ctx)
	if err != nil {
		return nil, false, err
	}
	if c.Terms.Applicant.ID == "" {
		c.Terms.Applicant.ID = a.Org // the applicant is who applies
	}
	if err := domain.Authorize(a, domain.ActApply, &domain.LetterOfCredit{ID: c.ID, Terms: c.Terms}); err != nil {
		return nil, false, err
	}
	lc, err = domain.Apply(c.ID, c.TradeID, c.Terms, h.Calendars)
	if err != nil {
		return nil, false, err
	}
	return createClaimed(ctx, h.Repo, h.Trades, lc, func(existing *domain.LetterOfCredit) (*domain.LetterOfCredit, bool, error) {
		return h.again(ctx, existing, c)
	})
}

// again answers an application whose ID exists: the same application is the credit it created;
// anything else is a conflict, saying nothing of a credit the caller may not read.
func (h ApplyForCreditHandler) again(ctx context.Context, existing *domain.LetterOfCredit, c ApplyForCredit) (*domain.LetterOfCredit, bool, error) {
	if _, err := Authorize(ctx, domain.ActRead, existing); err != nil {
		return nil, false, errIDTaken
	}
	if existing.TradeID == c.TradeID && existing.Terms.Same(c.Terms) {
		return existing, false, nil
	}
	return nil, false, fmt.Errorf("%w: a different application has the ID %s", domain.ErrCreditExists, c.ID)
}
