package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// WaiveDiscrepancies is the applicant's waiver of a refused presentation's discrepancies.
type WaiveDiscrepancies struct {
	CreditID, PresentationID string
	On                       domain.Date // zero: today
}

// WaiveDiscrepanciesHandler handles it.
type WaiveDiscrepanciesHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle records the waiver, within the decision period; the issuing bank then decides on it.
func (h WaiveDiscrepanciesHandler) Handle(ctx context.Context, c WaiveDiscrepancies) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActWaive, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		return lc.RequestWaiver(c.PresentationID, a.Stamp(), h.Clock.orToday(c.On), h.Clock.now())
	})
}

// DecideWaiver is the issuing bank's acceptance or rejection of the applicant's waiver.
type DecideWaiver struct {
	CreditID, PresentationID string
	Accepted                 bool
	On                       domain.Date // zero: today
}

// DecideWaiverHandler handles it.
type DecideWaiverHandler struct {
	Repo   Repository
	Clock  Clock
	Policy domain.Policy // the calendars a usance credit's maturity runs on
}

// Handle records the decision, within the decision period; an accepted waiver honours the
// credit.
func (h DecideWaiverHandler) Handle(ctx context.Context, c DecideWaiver) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActDecideWaiver, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		if err := lc.DecideWaiver(c.PresentationID, c.Accepted, h.Clock.orToday(c.On), h.Clock.now()); err != nil {
			return err
		}
		return lc.Undertake(h.Policy) // a usance credit's honour is an undertaking to pay at maturity
	})
}
