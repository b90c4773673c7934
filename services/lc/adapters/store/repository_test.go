package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/domain"
)

func terms() domain.Terms {
	return domain.Terms{Number: "ESS-1", Applicant: domain.Party{ID: "5493001NORDICIMP0058", Name: "Nordic Imports AB"}, Beneficiary: domain.Party{ID: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda"},
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Amount: money.New(84_000_00, money.MustCurrency("EUR")),
		ExpiryDate: domain.NewDate(2026, 12, 31), ExpiryPlace: "Lisbon", BeneficiaryAccount: "PT50000201231234567890154", AccountCurrency: "USD"}
}

// TestEventIDsAreTheStreamsVersions: each stored event's ID is EventID(credit, version), its
// outbox message carries the same ID (so a republished message is dropped by the consumer's
// inbox), and every integration event names the trade in its payload, subject and key.
func TestEventIDsAreTheStreamsVersions(t *testing.T) {
	first, again := store.EventID("LC-1", 1), store.EventID("LC-1", 1) // twice: it must be a function
	if first != again || first == store.EventID("LC-1", 2) || first == store.EventID("LC-2", 1) {
		t.Fatal("EventID is not a function of the stream and version alone")
	}
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			es := open(t)
			repo := store.NewRepository(es)
			lc, err := domain.Apply("LC-S", "T-S", terms(), calendars.Default())
			if err != nil {
				t.Fatal(err)
			}
			if err := repo.Create(ctx, lc); err != nil {
				t.Fatal(err)
			}
			again, _ := domain.Apply("LC-S", "T-S", terms(), calendars.Default())
			if err := repo.Create(ctx, again); !errors.Is(err, domain.ErrCreditExists) {
				t.Fatalf("creating the credit again: %v", err)
			}
			for _, step := range []func(*domain.LetterOfCredit) error{
				func(lc *domain.LetterOfCredit) error {
					return lc.Issue(domain.NewDate(2026, 11, 2), domain.Stamp{}, domain.FourEyes{})
				},
				func(lc *domain.LetterOfCredit) error { return lc.Advise("BCOMPTPL", domain.NewDate(2026, 11, 3)) },
				func(lc *domain.LetterOfCredit) error { return lc.Advise("BCOMPTPL", domain.NewDate(2026, 11, 3)) }, // a retry
				func(lc *domain.LetterOfCredit) error { return lc.Accept(domain.NewDate(2026, 11, 4)) },
			} {
				if _, err := repo.Update(ctx, "LC-S", step); err != nil {
					t.Fatal(err)
				}
			}
			got, err := repo.Get(ctx, "LC-S")
			if err != nil || got.Status != domain.StatusAccepted || got.TradeID != "T-S" || got.Version != 4 || got.Terms.AccountCurrency != "USD" {
				t.Fatalf("loaded: %+v, %v", got, err)
			}
			evs, err := es.ReadStream(ctx, "lc-LC-S", 1)
			if err != nil || len(evs) != 4 {
				t.Fatalf("stream: %d events, %v", len(evs), err)
			}
			pending, err := es.PendingOutbox(ctx, 100)
			if err != nil || len(pending) != 4 {
				t.Fatalf("outbox: %d messages, %v", len(pending), err)
			}
			wantTypes := []string{"lc.applied.v1", "lc.issued.v1", "lc.advised.v1", "lc.accepted.v1"}
			for i, e := range evs {
				m := pending[i]
				if e.ID != store.EventID("LC-S", e.Version) || m.ID != e.ID || m.Headers[eventbus.HeaderID] != e.ID {
					t.Errorf("event %d: stored ID %s, outbox ID %s, ce_id %s, want %s", e.Version, e.ID, m.ID, m.Headers[eventbus.HeaderID], store.EventID("LC-S", e.Version))
				}
				var payload struct {
					TradeID string `json:"tradeId"`
					LCID    string `json:"lcId"`
				}
				if err := json.Unmarshal(m.Payload, &payload); err != nil || payload.TradeID != "T-S" || payload.LCID != "LC-S" ||
					m.Key != "T-S" || m.Headers[eventbus.HeaderSubject] != "T-S" || m.Headers[eventbus.HeaderType] != wantTypes[i] {
					t.Errorf("message %d: %s %v %s", i, m.Payload, m.Headers, m.Key)
				}
			}
			if _, err := repo.Get(ctx, "LC-404"); !errors.Is(err, domain.ErrNotFound) {
				t.Errorf("unknown credit: %v", err)
			}
		})
	}
}
