package store

import (
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestDiscountPublishesTheUndertakingDiscounted: the advising bank's discount of an accepted
// draft before maturity (UCP 600 Art. 12(b)) is published as lc.undertaking_discounted.v1 with
// the nominated bank, the proceeds it pays now, the face due at maturity and when it is payable.
func TestDiscountPublishesTheUndertakingDiscounted(t *testing.T) {
	lc := honouredCredit(t, domain.Availability{By: domain.ByAcceptance, DraftsAt: "60 DAYS AFTER B/L DATE", Drawee: "BCOMPTPL", With: "BCOMPTPL"})
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if err := lc.DiscountUndertaking("P-1", "BCOMPTPL", domain.DiscountTerms{RateBasisPoints: 400}, at, domain.Policy{Calendars: calendars.Default()}); err != nil {
		t.Fatal(err)
	}
	ana := identity.Stamp{Org: "BCOMPTPL", User: "ana", Client: "tradectl"}
	e, ok := integrationEvent(lc, lc.Changes()[len(lc.Changes())-1], ana).(contracts.LCUndertakingDiscounted)
	if !ok {
		t.Fatalf("the discount published %T", e)
	}
	face := lc.DrawingAmount("P-1")
	if e.NominatedBank != "BCOMPTPL" || e.Face != face || e.Proceeds.Minor <= 0 || e.Proceeds.Minor >= face.Minor || e.PresentationID != "P-1" ||
		e.MaturityDate != "2027-01-22" || e.PayableAt == "" || e.DiscountedOn != "2026-12-01" || e.Actor != ana || e.TradeID != "T-U" ||
		e.Beneficiary != "Azulejos Lisboa Lda" || e.AdvisingBank != "BCOMPTPL" {
		t.Fatalf("lc.undertaking_discounted.v1: %+v", e)
	}
	if err := e.Check(); err != nil {
		t.Fatalf("the published discount breaks its bounds: %v", err)
	}
}
