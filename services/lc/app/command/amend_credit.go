package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// AmendCredit is the issuing bank's amendment (MT707), pending the beneficiary's consent.
type AmendCredit struct {
	ID        string
	Amendment domain.Amendment
}

// AmendCreditHandler handles it.
type AmendCreditHandler struct{ Repo Repository }

// Handle proposes the amendment.
func (h AmendCreditHandler) Handle(ctx context.Context, c AmendCredit) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActAmend, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		_, err := lc.Amend(c.Amendment)
		return err
	})
}

// AnswerAmendment is the beneficiary's acceptance or rejection (UCP 600 Art. 10(c)).
type AnswerAmendment struct {
	ID       string
	Number   int
	Accepted bool
	// Excepted are the changes (MT707 tags) an acceptance leaves out: a partial acceptance,
	// which is a rejection (UCP 600 Art. 10(e)).
	Excepted []string
}

// AnswerAmendmentHandler handles it; a new expiry date moves the presentable-until instant on
// the place of expiry's calendar.
type AnswerAmendmentHandler struct {
	Repo      Repository
	Calendars domain.Calendars
}

// Handle records the answer; an accepted amendment changes the terms (lc.amended.v1).
func (h AnswerAmendmentHandler) Handle(ctx context.Context, c AnswerAmendment) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActAnswerAmend, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		return lc.AnswerAmendment(c.Number, c.Accepted, h.Calendars, c.Excepted...)
	})
}
