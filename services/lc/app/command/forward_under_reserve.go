package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ForwardUnderReserve is the nominated bank's forwarding of a discrepant presentation to the
// issuing bank under reserve (UCP 600 Art. 12(a), 16; MT750), advising Findings (none: the
// automatic examination's).
type ForwardUnderReserve struct {
	CreditID, PresentationID string
	Findings                 []domain.Discrepancy
}

// ForwardUnderReserveHandler handles it at the service's clock, on the nominated bank's calendar.
type ForwardUnderReserveHandler struct {
	Repo   Repository
	Policy domain.Policy
	Clock  Clock
}

// errNotNominated: the bank that forwards is the caller's own, from its verified identity.
var errNotNominated = domain.Forbid("only a trade officer of the nominated bank the documents were presented to forwards them under reserve (UCP 600 Art. 12(a))")

// Handle records the forwarding. The forwarding bank is the caller's organisation (never request
// data); the domain checks it is the bank the documents were presented to.
func (h ForwardUnderReserveHandler) Handle(ctx context.Context, c ForwardUnderReserve) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActRead, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		if a.OrgKind != identity.Bank || !a.Has(identity.RoleTradeOfficer) {
			return errNotNominated
		}
		return lc.ForwardUnderReserve(c.PresentationID, a.Org, c.Findings, h.Clock.now(), h.Policy)
	})
}
