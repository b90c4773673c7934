package store

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// honouredCredit is a credit available as a, presented in compliance and honoured, with its
// undertaking when usance.
func honouredCredit(t *testing.T, a domain.Availability) *domain.LetterOfCredit {
	t.Helper()
	eur := money.MustCurrency("EUR")
	amount := money.New(84_000_00, eur)
	lc, err := domain.Apply("LC-U", "T-U", domain.Terms{Number: "ESS-1", Applicant: domain.Party{ID: "5493001NORDICIMP0058", Name: "Nordic Imports AB"},
		Beneficiary: domain.Party{ID: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda"}, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
		Amount: amount, ExpiryDate: domain.NewDate(2026, 12, 31), ExpiryPlace: "Lisbon", Availability: a,
		Documents: []domain.DocumentKind{domain.CommercialInvoice, domain.BillOfLading}}, calendars.Default())
	if err != nil {
		t.Fatal(err)
	}
	pol := domain.Policy{Calendars: calendars.Default()}
	on := domain.NewDate(2026, 11, 23)
	p := domain.Presentation{Date: on, Place: "Lisbon", Documents: []domain.Document{
		{Kind: domain.CommercialInvoice, IssueDate: on, Issuer: "Azulejos Lisboa Lda", MadeOutTo: "Nordic Imports AB", Amount: &amount},
		{Kind: domain.BillOfLading, IssueDate: on, OnBoardNotation: true, OnBoardDate: on}}}
	if err := lc.Issue(domain.NewDate(2026, 11, 2), domain.Stamp{}, domain.FourEyes{}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if res, err := lc.Present("P-1", p, at, pol, nil); err != nil || !res.Compliant {
		t.Fatalf("present: %v %+v", err, res)
	}
	if err := lc.DecideExamination("P-1", domain.ExaminationDecision{Honour: true}, at, pol); err != nil { // honours and undertakes
		t.Fatal(err)
	}
	return lc
}

// TestHonourCarriesTheUndertaking: a usance credit's lc.honoured.v1 says what was undertaken and
// when it is payable (an acceptance maturing 60 days after Monday 23 November 2026 is Friday 22
// January 2027, payable from its start at the issuing bank's place, Stockholm, which received and
// honoured the documents: 23:00 UTC the day before); a sight credit's event is as it always was,
// so its fingerprint is too.
func TestHonourCarriesTheUndertaking(t *testing.T) {
	lc := honouredCredit(t, domain.Availability{By: domain.ByAcceptance, DraftsAt: "60 DAYS AFTER B/L DATE", Drawee: "ESSESESS"})
	h, ok := integrationEvent(lc, domain.Honoured{PresentationID: "P-1", Date: domain.NewDate(2026, 11, 23)}, identity.Stamp{}).(contracts.LCHonoured)
	if !ok || h.Undertaking != "ACCEPTED_DRAFT" || h.MaturityDate != "2027-01-22" || h.PayableAt != "2027-01-21T23:00:00Z" {
		t.Fatalf("lc.honoured.v1 of an acceptance credit: %+v", h)
	}
	if e := integrationEvent(lc, lc.Changes()[len(lc.Changes())-1], identity.Stamp{}); e != nil {
		t.Errorf("the undertaking published an event of its own: %+v", e)
	}

	sight := honouredCredit(t, domain.Availability{})
	b, err := json.Marshal(integrationEvent(sight, domain.Honoured{PresentationID: "P-1"}, identity.Stamp{}))
	if err != nil || strings.Contains(string(b), "maturity") || strings.Contains(string(b), "undertaking") || strings.Contains(string(b), "payableAt") {
		t.Fatalf("a sight credit's lc.honoured.v1: %s, %v", b, err)
	}
}

// TestCreditsStoredBeforeAvailabilityLoad: an lc.Applied stored before the terms had a form and
// availability loads as an irrevocable credit available by payment at sight.
func TestCreditsStoredBeforeAvailabilityLoad(t *testing.T) {
	old := []byte(`{"ID":"LC-OLD","TradeID":"T-OLD","Terms":{"number":"ESS-1","applicant":{"id":"A1","name":"Nordic Imports AB"},` +
		`"beneficiary":{"id":"B1","name":"Azulejos Lisboa Lda"},"issuingBank":"ESSESESS","advisingBank":"BCOMPTPL",` +
		`"amount":{"minor":8400000,"currency":"EUR"},"expiryDate":"2026-12-31","expiryPlace":"Lisbon","goods":{"description":"tiles"},"documentsRequired":null}}`)
	rec, err := formats.Decode(eventstore.Event{Type: "lc.Applied", SchemaVersion: 1, Data: old})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := rec.(interface{ Event() domain.Event }).Event().(domain.Applied)
	if !ok || e.Terms.AvailableBy() != domain.ByPayment || e.Terms.FormOfCredit() != domain.FormIrrevocable || e.Terms.Availability != (domain.Availability{}) {
		t.Fatalf("old lc.Applied: %+v", rec)
	}
}
