package adapters

import (
	"context"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
)

func envelope(id, tradeID string, data any) contracts.Envelope {
	typ, _ := contracts.TypeName(data)
	return contracts.Envelope{ID: id, Type: typ, Source: "/tradefin/lc", Time: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), TradeID: tradeID, Data: data}
}

// The index on both backends: each event once however often it is delivered, per trade, with its
// fingerprint; two different messages under one ce_id are both kept; the index keeps its identity.
func TestIndexStore(t *testing.T) {
	for backend, open := range testenv.EventStores() {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			s := IndexStore{Store: open(t)}
			applied := envelope("ev-1", "T-1", &contracts.LCApplied{TradeID: "T-1", LCID: "LC-1", ExpiryDate: "2027-03-01"})
			issued := envelope("ev-2", "T-1", &contracts.LCIssued{TradeID: "T-1", LCID: "LC-1", LCNumber: "A"})
			reissued := envelope("ev-2", "T-1", &contracts.LCIssued{TradeID: "T-1", LCID: "LC-1", LCNumber: "B"}) // same ce_id, other content
			other := envelope("ev-3", "T-2", &contracts.LCIssued{TradeID: "T-2", LCID: "LC-2"})
			for _, e := range []contracts.Envelope{applied, issued, issued, reissued, other, applied} {
				if err := s.Add(ctx, contracts.Topic(e.Type), e); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.Trade(ctx, "T-1")
			if err != nil {
				t.Fatal(err)
			}
			want := []contracts.Envelope{applied, issued, reissued}
			if len(got) != len(want) {
				t.Fatalf("trade T-1 has %d entries, want %d: %+v", len(got), len(want), got)
			}
			for i, w := range want {
				sum, _ := contracts.Fingerprint(w)
				if got[i].ID != w.ID || got[i].Type != w.Type || got[i].SHA256 != sum {
					t.Errorf("entry %d = %+v, want %s %s %s", i, got[i], w.Type, w.ID, sum)
				}
			}
			if got[0].ExpiryDate != "2027-03-01" || got[1].ExpiryDate != "" {
				t.Errorf("expiry dates %q, %q", got[0].ExpiryDate, got[1].ExpiryDate)
			}
			if none, err := s.Trade(ctx, "T-404"); err != nil || len(none) != 0 {
				t.Errorf("unknown trade: %v, %v", none, err)
			}
			id, err := s.ID(ctx)
			if err != nil || len(id) != 12 {
				t.Fatalf("index ID %q, %v", id, err)
			}
			if again, err := s.ID(ctx); err != nil || again != id {
				t.Fatalf("index ID changed: %q then %q (%v)", id, again, err)
			}
		})
	}
}
