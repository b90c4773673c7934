package inbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/adapters/inbox"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
)

const (
	nordic   = "5493001NORDICIMP0058"
	azulejos = "5493002AZULEJOSLX028"
	outsider = "5493003OTHERTRAD0029"
)

func applied(trade, applicant string) contracts.LCApplied {
	return contracts.LCApplied{TradeID: trade, Actor: identity.Stamp{Org: applicant, User: "ingrid", Client: "portal"}, LCID: "LC-" + trade,
		Applicant: "Nordic Imports AB", Beneficiary: "Azulejos Lisboa Lda", ApplicantOrg: applicant, BeneficiaryOrg: azulejos,
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Amount: money.New(84_000_00, money.MustCurrency("EUR")), ExpiryDate: "2027-01-15", ExpiryPlace: "Lisbon"}
}

func encode(t *testing.T, eventID, subject string, ev any) *message.Message {
	t.Helper()
	msg, _, err := eventbus.Encode(context.Background(), "/tradefin/lc", subject, eventID, ev)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// forge is a message no producer of tradefin's sends (eventbus.Encode refuses it): about
// subject, with ev as its payload, whatever their bounds.
func forge(t *testing.T, eventID, subject string, ev contracts.LCApplied) *message.Message {
	t.Helper()
	msg := encode(t, eventID, "T-0", applied("T-0", nordic))
	var err error
	if msg.Payload, err = json.Marshal(ev); err != nil {
		t.Fatal(err)
	}
	msg.Metadata.Set(eventbus.HeaderSubject, subject)
	return msg
}

// TestAppliedOpensTheTradeOnce checks, on SQLite and PostgreSQL, that lc.applied.v1 opens its
// trade with the credit's parties; that a redelivery, and another credit between the same
// parties, change nothing; that another event of the LC topic is not customs' business; and that
// an application naming other parties is a permanent conflict, logged at error level, leaving
// the trade its first credit's.
func TestAppliedOpensTheTradeOnce(t *testing.T) {
	ctx := context.Background()
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			var logs bytes.Buffer
			h := inbox.Applied{Store: events, Log: slog.New(slog.NewJSONHandler(&logs, nil))}
			second := applied("T-1", nordic)
			second.LCID = "LC-2"
			for i, m := range []*message.Message{encode(t, "evt-1", "T-1", applied("T-1", nordic)), encode(t, "evt-1", "T-1", applied("T-1", nordic)),
				encode(t, "evt-2", "T-1", second), encode(t, "evt-3", "T-1", contracts.LCIssued{TradeID: "T-1", LCID: "LC-T-1", LCNumber: "ILC1", IssueDate: "2026-11-20"})} {
				if err := h.Handle(m); err != nil {
					t.Fatalf("message %d: %v", i, err)
				}
			}
			err := h.Handle(encode(t, "evt-olga", "T-1", applied("T-1", outsider)))
			if !errors.Is(err, contracts.ErrConflict) || !eventbus.IsPermanent(err) || !strings.Contains(logs.String(), `"level":"ERROR"`) {
				t.Fatalf("another's credit on the trade: %v; log %s", err, logs.String())
			}
			f, err := store.New(events).TradeFile(ctx, "T-1")
			if err != nil || f.Trade == nil || f.Trade.Applicant != nordic || f.Trade.Beneficiary != azulejos || f.Trade.LCID != "LC-T-1" ||
				f.Trade.IssuingBank != "ESSESESS" || f.Trade.AdvisingBank != "BCOMPTPL" {
				t.Fatalf("trade: %+v %v", f.Trade, err)
			}
			if all, err := events.ReadAll(ctx, 0, 100); err != nil || len(all) != 1 {
				t.Errorf("%d events recorded of five messages: %v", len(all), err)
			}
		})
	}
}

// TestAppliedRefusesWhatBreaksTheBounds: what can never be handled is a permanent error (the
// router's poison topic, not its retries), and records nothing; a store that cannot be reached
// is not permanent (retried).
func TestAppliedRefusesWhatBreaksTheBounds(t *testing.T) {
	events := testenv.EventStores()["sqlite"](t)
	h := inbox.Applied{Store: events}
	long := strings.Repeat("T", contracts.MaxTradeIDLength+1)
	huge := applied("T-HUGE", nordic)
	huge.Applicant = strings.Repeat("Nordic Imports AB ", contracts.MaxMessageBytes/17)
	noApplicant := applied("T-2", "")
	badBank := applied("T-3", nordic)
	badBank.IssuingBank = "a bank"
	undecodable := encode(t, "evt-bad", "T-4", applied("T-4", nordic))
	undecodable.Payload = []byte(`{"tradeId": 7}`)
	for name, m := range map[string]*message.Message{
		"a trade ID of 65 characters":                             forge(t, "evt-long", long, applied(long, nordic)),
		"a trade ID with a slash":                                 forge(t, "evt-slash", "T/1", applied("T/1", nordic)),
		"a subject within bounds, a payload's trade ID over them": forge(t, "evt-inner", "T-8", applied(long, nordic)),
		"a message over 256 KiB":                                  forge(t, "evt-huge", "T-HUGE", huge),
		"a payload about another trade":                           encode(t, "evt-other", "T-5", applied("T-6", nordic)),
		"no applicant organisation":                               encode(t, "evt-noapp", "T-2", noApplicant),
		"an issuing bank that is no BIC":                          encode(t, "evt-bank", "T-3", badBank),
		"a payload that does not decode":                          undecodable,
	} {
		if err := h.Handle(m); !(errors.Is(err, contracts.ErrMalformed) || errors.Is(err, contracts.ErrBadTradeID)) || !eventbus.IsPermanent(err) {
			t.Errorf("%s: %v, want a permanent malformed event", name, err)
		}
	}
	if all, err := events.ReadAll(context.Background(), 0, 100); err != nil || len(all) != 0 {
		t.Errorf("refused messages recorded %d events: %v", len(all), err)
	}
	_ = events.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	m := encode(t, "evt-later", "T-7", applied("T-7", nordic))
	m.SetContext(ctx)
	if err := h.Handle(m); err == nil || eventbus.IsPermanent(err) {
		t.Errorf("a store that is gone: %v, want an error retried", err)
	}
}
