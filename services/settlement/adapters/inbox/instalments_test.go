package inbox_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/inbox"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// A mixed payment credit's honour raises one payment per instalment, each for its amount under
// the instalment's reference, once however often it is delivered; instalments that do not add
// up to the honour are malformed, permanent.
func TestMixedPaymentHonourRaisesAPaymentPerInstalment(t *testing.T) {
	onEachStore(t, func(t *testing.T, es eventstore.Store) {
		h := inbox.Honoured{Store: es, Now: time.Now}
		trade := uniqueTrade("T-MIX")
		ev := honoured(trade)
		usd := ev.Amount.Currency
		ev.Instalments = []contracts.HonouredInstalment{{Number: 1, Amount: money.New(2000000, usd), MaturityDate: "2026-12-09"},
			{Number: 2, Amount: money.New(3000000, usd), MaturityDate: "2027-03-01", PayableAt: "2027-03-01T00:00:00Z"}}
		for range 2 {
			if err := h.Handle(encode(t, trade+"/evt-1", ev)); err != nil {
				t.Fatal(err)
			}
		}
		ref := contracts.PaymentRef{TradeID: trade, LCID: "LC7", PresentationID: "P1"}
		for _, in := range ev.Instalments {
			id := domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: contracts.InstalmentRef(ref, in.Number).PresentationID})
			p, err := store.New(es).Get(context.Background(), id)
			if err != nil || p.Obligation.Amount != in.Amount || p.Status != domain.StatusRaised {
				t.Fatalf("instalment %d's payment %s: %+v, %v", in.Number, id, p, err)
			}
		}
		if _, err := store.New(es).Get(context.Background(), domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: "P1"})); domain.KindOf(err) != domain.KindNotFound {
			t.Fatalf("the whole honour raised a payment of its own too: %v", err)
		}
		bad := ev
		bad.Instalments = []contracts.HonouredInstalment{ev.Instalments[0], {Number: 2, Amount: money.New(2999999, usd), MaturityDate: "2027-03-01"}}
		if err := h.Handle(encode(t, trade+"/evt-2", bad)); !errors.Is(err, contracts.ErrMalformed) || !eventbus.IsPermanent(err) {
			t.Fatalf("instalments short of the honour: %v", err)
		}
	})
}
