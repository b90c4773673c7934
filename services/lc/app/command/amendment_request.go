package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// RequestAmendment is the applicant's request to amend the credit (UCP 600 Art. 10(a): only the
// issuing bank amends, with the beneficiary's consent; the applicant asks it to).
type RequestAmendment struct {
	ID        string
	Amendment domain.Amendment
}

// RequestAmendmentHandler handles it.
type RequestAmendmentHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle records the request; the issuing bank issues or declines it.
func (h RequestAmendmentHandler) Handle(ctx context.Context, c RequestAmendment) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActRequestAmend, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		c.Amendment.Date = h.Clock.orToday(c.Amendment.Date)
		_, err := lc.RequestAmendment(c.Amendment, a.Stamp())
		return err
	})
}

// DecideAmendmentRequest is the issuing bank's decision on the applicant's request number:
// issued (MT707) on the date, or declined for the reason.
type DecideAmendmentRequest struct {
	ID     string
	Number int
	Issue  bool
	On     domain.Date // issued: the amendment's date (zero: today)
	Reason string      // declined: why
}

// DecideAmendmentRequestHandler handles it.
type DecideAmendmentRequestHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle issues or declines the request.
func (h DecideAmendmentRequestHandler) Handle(ctx context.Context, c DecideAmendmentRequest) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActAmend, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		if !c.Issue {
			return lc.DeclineAmendment(c.Number, c.Reason)
		}
		return lc.IssueAmendment(c.Number, h.Clock.orToday(c.On))
	})
}

// AdviseAmendment is the advising bank's advice of amendment number to the beneficiary (UCP 600
// Art. 9(d)).
type AdviseAmendment struct {
	ID     string
	Number int
	On     domain.Date // zero: today, or the date already recorded on a retry
}

// AdviseAmendmentHandler handles it.
type AdviseAmendmentHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle advises the amendment.
func (h AdviseAmendmentHandler) Handle(ctx context.Context, c AdviseAmendment) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActAdviseAmend, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		on := c.On
		if on.IsZero() && c.Number >= 1 && c.Number <= len(lc.Amendments) && lc.Amendments[c.Number-1].AdvisedOn.IsZero() {
			on = h.Clock.today()
		}
		return lc.AdviseAmendment(c.Number, a.Org, on)
	})
}
