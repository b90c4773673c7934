package inbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/inbox"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

var sara = identity.Stamp{Org: "ESSESESS", User: "sara", Client: "tradefin-portal"}

func honoured(tradeID string) contracts.LCHonoured {
	return contracts.LCHonoured{TradeID: tradeID, Actor: sara, LCID: "LC7", PresentationID: "P1", Amount: money.New(5000000, money.MustCurrency("USD")),
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Beneficiary: "Azulejos Lisboa Lda", AccountCurrency: "EUR"}
}

func stores() map[string]func(t *testing.T) (eventstore.Store, error) {
	return map[string]func(t *testing.T) (eventstore.Store, error){
		"sqlite": func(t *testing.T) (eventstore.Store, error) {
			return sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "es.db"))
		},
		"postgres": func(t *testing.T) (eventstore.Store, error) {
			return sqlstore.OpenPostgres(context.Background(), testenv.PostgresDSN(t))
		},
	}
}

// onEachStore runs test on SQLite and on PostgreSQL.
func onEachStore(t *testing.T, test func(t *testing.T, es eventstore.Store)) {
	for name, open := range stores() {
		t.Run(name, func(t *testing.T) {
			es, err := open(t)
			if err != nil {
				t.Fatal(err)
			}
			defer es.Close()
			test(t, es)
		})
	}
}

func encode(t *testing.T, eventID string, ev contracts.LCHonoured) *watermillMessage {
	t.Helper()
	return encodeUnder(t, ev.TradeID, eventID, ev)
}

// encodeUnder encodes ev keyed by key: a producer that checks only its key (eventbus.Encode
// refuses a bad one) can still send a payload whose own trade ID breaks the bounds.
func encodeUnder(t *testing.T, key, eventID string, ev contracts.LCHonoured) *watermillMessage {
	t.Helper()
	msg, _, err := eventbus.Encode(context.Background(), "/tradefin/lc", key, eventID, ev)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

func uniqueTrade(prefix string) string { return prefix + "-" + time.Now().Format("150405.000000000") }

func TestHonouredRaisesOnePayment(t *testing.T) {
	onEachStore(t, func(t *testing.T, es eventstore.Store) {
		h := inbox.Honoured{Store: es, Now: time.Now}
		trade := uniqueTrade("T7")
		for _, m := range []*watermillMessage{encode(t, trade+"/evt-1", honoured(trade)), encode(t, trade+"/evt-1", honoured(trade)), encode(t, trade+"/evt-2", honoured(trade))} {
			if err := h.Handle(m); err != nil {
				t.Fatal(err)
			}
		}
		id := domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: "P1"})
		evs, err := es.ReadStream(context.Background(), "settlement.payment-"+id, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].Type != "settlement.PaymentRaised" {
			t.Fatalf("events after three deliveries: %+v", evs)
		}
		p, err := store.New(es).Get(context.Background(), id)
		if err != nil || p.Obligation.AccountCurrency.Code() != "EUR" || p.Status != domain.StatusRaised || p.RaisedBy != sara {
			t.Fatalf("payment %+v: %v", p, err)
		}

		bad := honoured(trade)
		bad.AdvisingBank = "nope"
		if err := h.Handle(encode(t, trade+"/evt-3", bad)); !errors.Is(err, contracts.ErrMalformed) || !eventbus.IsPermanent(err) {
			t.Fatalf("invalid honour: %v", err)
		}
	})
}

// TestConflictingHonourIsVisible is the regression test of the attack where a payment raised
// first (then by HTTP, now only a forged or buggy honour can) dictates the terms of the real
// honour: the second honour under the same payment ID with other terms is not absorbed. It is a
// permanent error (the poison topic, with the reason), logged at error level, not marked handled
// in the inbox, and the payment is disputed, so it is never released.
func TestConflictingHonourIsVisible(t *testing.T) {
	onEachStore(t, func(t *testing.T, es eventstore.Store) {
		var logs bytes.Buffer
		h := inbox.Honoured{Store: es, Now: time.Now, Log: slog.New(slog.NewJSONHandler(&logs, nil))}
		trade := uniqueTrade("T8")
		first := honoured(trade)
		if err := h.Handle(encode(t, trade+"/first", first)); err != nil {
			t.Fatal(err)
		}
		other := honoured(trade)
		other.Amount = money.New(9_999_999_00, money.MustCurrency("USD"))
		other.AdvisingBank = "OTHRGB2L"
		for range 2 { // the redelivery is refused the same way: never marked handled
			err := h.Handle(encode(t, trade+"/second", other))
			if !errors.Is(err, contracts.ErrConflict) || !eventbus.IsPermanent(err) ||
				!strings.Contains(err.Error(), "amount, advisingBank differ") {
				t.Fatalf("conflicting honour: %v", err)
			}
		}
		var rec struct{ Level, Msg, Payment, Reason string }
		line, _, _ := bytes.Cut(logs.Bytes(), []byte("\n"))
		if err := json.Unmarshal(line, &rec); err != nil || rec.Level != "ERROR" || !strings.Contains(rec.Reason, "other terms") {
			t.Fatalf("log line %q: %v", logs.String(), err)
		}
		id := domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: "P1"})
		p, err := store.New(es).Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Obligation.Amount != first.Amount || p.Obligation.AdvisingBank != "BCOMPTPL" || len(p.Disputes) != 1 || p.Disputes[0] != trade+"/second" {
			t.Fatalf("stored payment: %+v", p)
		}
		a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, app.Policy{SettlementAgent: "NCLRSESS"})
		if _, err := a.Commands.Release.Handle(context.Background(), identity.Workflow, command.Release{PaymentID: id}); domain.KindOf(err) != domain.KindConflict ||
			!strings.Contains(err.Error(), "disputed") {
			t.Fatalf("the workflow released a disputed payment: %v", err)
		}
		// the same terms again under a new message ID stay idempotent
		if err := h.Handle(encode(t, trade+"/third", first)); err != nil {
			t.Fatalf("same terms again: %v", err)
		}
	})
}

type watermillMessage = message.Message

// TestHonourOverTheBoundsIsPermanent: an lc.honoured.v1 over the bounds every consumer applies (a
// trade ID that breaks contracts.CheckTradeID, an event ID longer than the inbox keys, a body over
// contracts.MaxMessageBytes, an obligation's text over its bound) is refused as malformed, a
// permanent error, so the router poisons it at once instead of retrying it; nothing is recorded.
func TestHonourOverTheBoundsIsPermanent(t *testing.T) {
	onEachStore(t, func(t *testing.T, es eventstore.Store) {
		h := inbox.Honoured{Store: es, Now: time.Now}
		trade := uniqueTrade("T9")
		long := honoured(strings.Repeat("T", contracts.MaxTradeIDLength+1))
		slash := honoured(trade + "/x")
		name := honoured(trade)
		name.Beneficiary = strings.Repeat("b", 141)
		huge := encode(t, trade+"/huge", honoured(trade))
		huge.Payload = append(huge.Payload[:len(huge.Payload)-1], []byte(`,"pad":"`+strings.Repeat("x", contracts.MaxMessageBytes)+`"}`)...)
		for what, m := range map[string]*watermillMessage{
			"a trade ID over its bound": encodeUnder(t, trade, trade+"/long", long),
			"a trade ID with a slash":   encodeUnder(t, trade, trade+"/slash", slash),
			"an event ID of 300 chars":  encode(t, strings.Repeat("e", 300), honoured(trade)),
			"a body over 256 KiB":       huge,
			"a beneficiary over Max140": encode(t, trade+"/name", name),
		} {
			err := h.Handle(m)
			if !errors.Is(err, contracts.ErrMalformed) || !eventbus.IsPermanent(err) {
				t.Errorf("%s: %v, want a permanent malformed-event error", what, err)
			}
		}
		for _, tr := range []string{long.TradeID, slash.TradeID, trade} {
			evs, err := es.ReadStream(context.Background(), "settlement.payment-"+domain.PaymentID(domain.Obligation{TradeID: tr, LCID: "LC7", PresentationID: "P1"}), 1)
			if err != nil || len(evs) != 0 {
				t.Errorf("trade %.20s…: %d events recorded (%v)", tr, len(evs), err)
			}
		}
	})
}
