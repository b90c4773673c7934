package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// TestTheFirstCreditOwnsTheTrade checks, on SQLite and PostgreSQL, that the first credit
// application opens a trade, a redelivery or another credit between the same parties changes
// nothing, a credit of other parties is refused (domain.ErrTradeOwned) and leaves the trade as
// it was, and the trade file shows the trade's parties, also to a repository rebuilt from the
// store.
func TestTheFirstCreditOwnsTheTrade(t *testing.T) {
	ctx := context.Background()
	first := domain.TradeOpened{TradeID: "T-OWN", LCID: "LC-1", Applicant: "5493001NORDICIMP0058", Beneficiary: "5493002AZULEJOSLX028",
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL"}
	again := first
	again.LCID = "LC-2"
	squatter := first
	squatter.LCID, squatter.Applicant = "LC-OLGA", "5493003OTHERTRAD0029"
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			r := store.New(events)
			if f, err := r.TradeFile(ctx, "T-OWN"); err != nil || f.Trade != nil {
				t.Fatalf("before the application: %+v %v", f.Trade, err)
			}
			apply := func(msg string, o domain.TradeOpened) error {
				_, err := events.HandleOnce(ctx, "test", msg, func(ctx context.Context, tx eventstore.Tx) error { return store.TradesIn(tx).OpenTrade(ctx, o) })
				return err
			}
			for i, o := range []domain.TradeOpened{first, again} {
				if err := apply(o.LCID, o); err != nil {
					t.Fatalf("application %d: %v", i, err)
				}
			}
			if err := apply("squat", squatter); !errors.Is(err, domain.ErrTradeOwned) || domain.KindOf(err) != domain.KindConflict {
				t.Fatalf("another's credit on the trade: %v", err)
			}
			for _, repo := range []*store.Repository{r, store.New(events)} {
				f, err := repo.TradeFile(ctx, "T-OWN")
				if err != nil || f.Trade == nil || *f.Trade != first {
					t.Errorf("trade: %+v %v", f.Trade, err)
				}
			}
			stored, err := events.ReadStream(ctx, "trade-T-OWN", 1)
			if err != nil || len(stored) != 1 || stored[0].Type != "customs.TradeOpened" {
				t.Fatalf("stream: %+v %v", stored, err)
			}
			if pending, err := events.PendingOutbox(ctx, 10); err != nil || len(pending) != 0 {
				t.Errorf("learning a trade published %d messages: %v", len(pending), err)
			}
		})
	}
}
