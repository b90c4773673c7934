package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// DemandSubstitution is the transferring bank's first demand that the first beneficiary
// substitute its invoice in a presentation under the transferred credit (UCP 600 Art. 38(i)),
// on the date (zero: today).
type DemandSubstitution struct {
	CreditID, PresentationID string
	On                       domain.Date
}

// DemandSubstitutionHandler handles it.
type DemandSubstitutionHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle records the demand, as the verified actor's bank (the transferring bank).
func (h DemandSubstitutionHandler) Handle(ctx context.Context, c DemandSubstitution) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActDemandSubstitution, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		on := c.On
		if on.IsZero() {
			on = h.Clock.today()
		}
		return lc.DemandSubstitution(c.PresentationID, a.Org, on)
	})
}

// PresentAsReceived is the transferring bank's presentation of the second beneficiary's
// documents as received, the first beneficiary having failed to substitute on its demand
// (UCP 600 Art. 38(i)).
type PresentAsReceived struct {
	CreditID, PresentationID string
}

// PresentAsReceivedHandler handles it.
type PresentAsReceivedHandler struct {
	Repo      Repository
	Policy    domain.Policy
	Clock     Clock
	Documents DocumentRegistry // nil: none registered
}

// Handle presents the documents to the issuing bank, which examines them as any presentation
// (PresentDocumentsHandler); its examiner decides.
func (h PresentAsReceivedHandler) Handle(ctx context.Context, c PresentAsReceived) (domain.Examination, error) {
	var res domain.Examination
	_, err := updateAs(ctx, h.Repo, c.CreditID, domain.ActPresentAsReceived, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		reg, err := registeredFor(ctx, h.Documents, lc.TradeID)
		if err != nil {
			return err
		}
		res, err = lc.PresentAsReceived(c.PresentationID, a.Org, h.Clock.now(), h.Policy, reg)
		return err
	})
	return res, err
}
