package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestMixedPaymentHonourCarriesItsInstalments: a mixed payment credit's lc.honoured.v1 carries
// its instalments (30% paid at once, 70% 60 days after the B/L date: Friday 22 January 2027,
// payable from its start at Stockholm), summing to the honour's amount; the event's own maturity
// is the last instalment's; the stored lc.InstalmentsScheduled round-trips.
func TestMixedPaymentHonourCarriesItsInstalments(t *testing.T) {
	lc := honouredCredit(t, domain.Availability{By: domain.ByMixedPayment, MixedPaymentDetails: "30 PCT AT SIGHT, 70 PCT 60 DAYS AFTER B/L DATE"})
	h, ok := integrationEvent(lc, domain.Honoured{PresentationID: "P-1", Date: domain.NewDate(2026, 11, 23)}, identity.Stamp{}).(contracts.LCHonoured)
	if !ok || len(h.Instalments) != 2 || contracts.CheckInstalments(&h) != nil {
		t.Fatalf("lc.honoured.v1 of a mixed payment credit: %+v (%v)", h, contracts.CheckInstalments(&h))
	}
	sight, deferred := h.Instalments[0], h.Instalments[1]
	if sight.Amount.Minor != 25_200_00 || sight.PayableAt != "" || deferred.Amount.Minor != 58_800_00 ||
		deferred.MaturityDate != "2027-01-22" || deferred.PayableAt != "2027-01-21T23:00:00Z" || h.PayableAt != deferred.PayableAt || h.Undertaking != "DEFERRED_PAYMENT" {
		t.Fatalf("instalments %+v, honour payable at %s", h.Instalments, h.PayableAt)
	}
	var scheduled domain.InstalmentsScheduled
	for _, e := range lc.Changes() {
		if s, ok := e.(domain.InstalmentsScheduled); ok {
			scheduled = s
		}
	}
	rec, err := toRecord(scheduled)
	if err != nil {
		t.Fatal(err)
	}
	name, data, err := formats.Encode(rec)
	if err != nil || name != "lc.InstalmentsScheduled" {
		t.Fatal(name, err)
	}
	back, err := formats.Decode(eventstore.Event{Type: name, SchemaVersion: 1, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if got := back.(interface{ Event() domain.Event }).Event().(domain.InstalmentsScheduled); len(got.Instalments) != 2 || got.Instalments[1] != scheduled.Instalments[1] {
		t.Fatalf("stored instalments: %+v, want %+v", got, scheduled)
	}
}

// CheckInstalments refuses instalments that do not add up to the honour.
func TestInstalmentsMustSumToTheHonour(t *testing.T) {
	lc := honouredCredit(t, domain.Availability{By: domain.ByMixedPayment, MixedPaymentDetails: "30 PCT AT SIGHT, 70 PCT 60 DAYS AFTER B/L DATE"})
	h := integrationEvent(lc, domain.Honoured{PresentationID: "P-1"}, identity.Stamp{}).(contracts.LCHonoured)
	h.Instalments[1].Amount.Minor--
	if err := contracts.CheckInstalments(&h); err == nil {
		t.Fatal("instalments short of the honour passed")
	}
}
