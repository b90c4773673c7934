package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// clock is a settable now for the service under test.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// clockedServer is the API on events whose time is c's.
func clockedServer(t *testing.T, events eventstore.Store, c *clock) *httptest.Server {
	mux := http.NewServeMux()
	httpapi.Register(mux, app.New(store.NewRepository(events), store.NewTradeClaims(events),
		app.Settings{Policy: domain.Policy{Calendars: calendars.Default()}, Now: c.Now}))
	s := httptest.NewServer(asActor(mux))
	t.Cleanup(s.Close)
	return s
}

// outbox is the payloads of the outbox's messages of type typ.
func outbox[T any](t *testing.T, events eventstore.Store, typ string) []T {
	t.Helper()
	pending, err := events.PendingOutbox(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []T
	for _, m := range pending {
		if m.Headers["ce_type"] == typ {
			var v T
			if err := json.Unmarshal(m.Payload, &v); err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
	}
	return out
}

// applyAndIssue applies for credit id on trade id's terms from the OpenAPI example, expiring on
// expiry in Lisbon, and issues it.
func applyAndIssue(t *testing.T, s *httptest.Server, id, expiry string) map[string]any {
	t.Helper()
	terms := exampleRequest(t)["terms"].(map[string]any)
	terms["expiryDate"] = expiry
	code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": id, "tradeId": "T-" + id, "terms": terms})
	if code != 201 {
		t.Fatalf("apply: %d %v", code, body)
	}
	if code, body := call(t, s, "issuing-bank", "POST", "/v1/letters-of-credit/"+id+"/issue", map[string]any{"issueDate": "2026-11-02"}); code != 200 {
		t.Fatalf("issue: %d %v", code, body)
	}
	return body
}

// TestAmendmentAndCancellationAreEvents: the presentable-until instant is published with the
// application (UCP 600 Art. 6(d)(i), 29(a): Christmas and the weekend in Lisbon move an expiry on
// the 25th to the end of Monday the 28th); an accepted amendment publishes lc.amended.v1 with the
// terms after it (Art. 10(b), (c)); the beneficiary's consent to the issuing bank's cancellation
// publishes lc.cancelled.v1 (Art. 10(a)), and nothing can be presented after it.
func TestAmendmentAndCancellationAreEvents(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			now := &clock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
			s := clockedServer(t, events, now)
			body := applyAndIssue(t, s, "LC-AM", "2026-12-25")
			if body["presentableUntil"] != "2026-12-29T00:00:00Z" {
				t.Fatalf("presentable until %v", body["presentableUntil"])
			}
			applied := outbox[contracts.LCApplied](t, events, "lc.applied.v1")
			if len(applied) != 1 || applied[0].PresentableUntil != "2026-12-29T00:00:00Z" {
				t.Fatalf("lc.applied.v1: %+v", applied)
			}
			credit := "/v1/letters-of-credit/LC-AM"
			amend := map[string]any{"date": "2026-11-20", "newExpiry": "2027-01-30", "increase": map[string]any{"minor": 500000, "currency": "EUR"}}
			if code, body := call(t, s, "issuing-bank", "POST", credit+"/amendments", amend); code != 200 {
				t.Fatalf("amend: %d %v", code, body)
			}
			if len(outbox[contracts.LCAmended](t, events, "lc.amended.v1")) != 0 {
				t.Fatal("a proposed amendment was published: it binds only once accepted (Art. 10(b))")
			}
			code, body := call(t, s, "exporter", "POST", credit+"/amendments/1/answer", map[string]any{"accepted": true})
			if code != 200 || body["presentableUntil"] != "2027-02-02T00:00:00Z" {
				t.Fatalf("accepted: %d %v", code, body)
			}
			amended := outbox[contracts.LCAmended](t, events, "lc.amended.v1")
			if len(amended) != 1 || amended[0].Amendment != 1 || amended[0].ExpiryDate != "2027-01-30" || amended[0].PresentableUntil != "2027-02-02T00:00:00Z" ||
				amended[0].Amount.Minor != 10_500_000 || amended[0].LatestShipment != "2026-12-10" || amended[0].TradeID != "T-LC-AM" || amended[0].Actor.Org != "5493002AZULEJOSLX028" {
				t.Fatalf("lc.amended.v1: %+v", amended)
			}

			cancel := map[string]any{"reason": "the sale fell through"}
			if code, _ := call(t, s, "exporter", "POST", credit+"/cancellation", cancel); code != 403 {
				t.Fatalf("the beneficiary proposing: %d", code)
			}
			if code, _ := call(t, s, "outsider", "POST", credit+"/cancellation", cancel); code != 404 {
				t.Fatalf("an outsider proposing: %d", code)
			}
			if code, body := call(t, s, "issuing-bank", "POST", credit+"/cancellation", cancel); code != 200 || body["status"] != "ISSUED" ||
				body["cancellation"].(map[string]any)["status"] != "PROPOSED" {
				t.Fatalf("proposed: %d %v", code, body)
			}
			if code, _ := call(t, s, "issuing-bank", "POST", credit+"/cancellation/answer", map[string]any{"accepted": true}); code != 403 {
				t.Fatalf("the issuing bank consenting for the beneficiary: %d", code)
			}
			if code, body := call(t, s, "exporter", "POST", credit+"/cancellation/answer", map[string]any{}); code != 400 || !namesField(body, "accepted") {
				t.Fatalf("no answer: %d %v", code, body)
			}
			if code, body := call(t, s, "exporter", "POST", credit+"/cancellation/answer", map[string]any{"accepted": true}); code != 200 || body["status"] != "CANCELLED" {
				t.Fatalf("consent: %d %v", code, body)
			}
			cancelled := outbox[contracts.LCCancelled](t, events, "lc.cancelled.v1")
			if len(cancelled) != 1 || cancelled[0].Reason != "the sale fell through" || cancelled[0].LCID != "LC-AM" {
				t.Fatalf("lc.cancelled.v1: %+v", cancelled)
			}
			pres := presented(exampleRequest(t))
			if code, body := call(t, s, "exporter", "POST", credit+"/presentations", map[string]any{"presentationId": "P-1", "presentation": pres}); code != 409 || body["status"] != float64(409) {
				t.Fatalf("presenting under a cancelled credit: %d %v", code, body)
			}
		})
	}
}

// TestNoPresentationAfterThePresentableUntilInstant: Art. 6(e): the presentation endpoint refuses
// a presentation once the instant has passed, whether or not the workflow has expired the
// credit yet, and records nothing.
func TestNoPresentationAfterThePresentableUntilInstant(t *testing.T) {
	events := testenv.EventStores()["sqlite"](t)
	now := &clock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
	s := clockedServer(t, events, now)
	applyAndIssue(t, s, "LC-LATE", "2026-12-25")
	now.now = time.Date(2026, 12, 29, 0, 0, 0, 0, time.UTC)
	pres := presented(exampleRequest(t))
	code, body := call(t, s, "exporter", "POST", "/v1/letters-of-credit/LC-LATE/presentations", map[string]any{"presentationId": "P-1", "presentation": pres})
	if code != 409 || body["detail"] == nil {
		t.Fatalf("after the instant: %d %v", code, body)
	}
	if len(outbox[contracts.DocumentsPresented](t, events, "lc.documents_presented.v1")) != 0 {
		t.Fatal("a late presentation was published")
	}
}
