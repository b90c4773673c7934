package inbox_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventstore"
	"github.com/tradefin/tradefin/events/eventstore/sqlstore"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/inbox"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

func honoured() contracts.LCHonoured {
	return contracts.LCHonoured{TradeID: "T7", LCID: "LC7", PresentationID: "P1", Amount: money.New(5000000, money.MustCurrency("USD")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF", Beneficiary: "ACME", AccountCurrency: "EUR"}
}

func TestHonouredRaisesOnePayment(t *testing.T) {
	stores := map[string]func(t *testing.T) (eventstore.Store, error){
		"sqlite": func(t *testing.T) (eventstore.Store, error) {
			return sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "es.db"))
		},
		"postgres": func(t *testing.T) (eventstore.Store, error) {
			return sqlstore.OpenPostgres(context.Background(), testenv.PostgresDSN(t))
		},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			es, err := open(t)
			if err != nil {
				t.Fatal(err)
			}
			defer es.Close()
			h := inbox.Honoured{Store: es, Now: time.Now}
			msg, _, err := contracts.Encode(context.Background(), "/tradefin/lc", "T7", "evt-1", honoured())
			if err != nil {
				t.Fatal(err)
			}
			again, _, _ := contracts.Encode(context.Background(), "/tradefin/lc", "T7", "evt-1", honoured())
			republished, _, _ := contracts.Encode(context.Background(), "/tradefin/lc", "T7", "evt-2", honoured())
			if err := h.Handle(msg); err != nil {
				t.Fatal(err)
			}
			if err := h.Handle(again); err != nil {
				t.Fatal(err)
			}
			if err := h.Handle(republished); err != nil {
				t.Fatal(err)
			}
			evs, err := es.ReadAll(context.Background(), 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 || evs[0].Type != "settlement.PaymentRaised" {
				t.Fatalf("events after three deliveries: %+v", evs)
			}
			p, err := store.New(es).Get(context.Background(), domain.PaymentID(domain.Obligation{TradeID: "T7", LCID: "LC7", PresentationID: "P1"}))
			if err != nil || p.Obligation.AccountCurrency.Code() != "EUR" || p.Status != domain.StatusRaised {
				t.Fatalf("payment %+v: %v", p, err)
			}

			bad := honoured()
			bad.AdvisingBank = "nope"
			poison, _, _ := contracts.Encode(context.Background(), "/tradefin/lc", "T7", "evt-3", bad)
			if err := h.Handle(poison); !errors.Is(err, contracts.ErrMalformed) || !contracts.IsPermanent(err) {
				t.Fatalf("invalid honour: %v", err)
			}
		})
	}
}
