package httpapi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/identity/identitytest"
)

// TestATradeIDBelongsToItsFirstCreditsParties (issue 10): a second credit on someone else's
// trade ID, with a past expiry, would end that trade's workflow at once. The first application
// on a trade ID claims it for its parties; another party's application on it is 409 (problem
// JSON, saying nothing of the trade's credit) and stores and publishes nothing; the applicant's
// own retry still answers 200; a second credit of the same parties on the trade is 409 too.
func TestATradeIDBelongsToItsFirstCreditsParties(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			s := creditServer(t, events)
			terms := exampleRequest(t)["terms"].(map[string]any)
			first := map[string]any{"id": "LC-OWN", "tradeId": "T-OWN", "terms": terms}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", first); code != 201 {
				t.Fatalf("the first application: %d %v", code, body)
			}
			hostile := map[string]any{}
			for k, v := range terms {
				hostile[k] = v
			}
			hostile["applicant"] = map[string]any{"id": identitytest.Olga.Org, "name": "Other Trading"}
			hostile["expiryDate"] = "2026-01-05" // long past: the trade would expire at once
			code, body := call(t, s, "outsider", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-EVIL", "tradeId": "T-OWN", "terms": hostile})
			if code != 409 || body["status"] != float64(409) || strings.Contains(body["detail"].(string), "LC-OWN") {
				t.Fatalf("another party on the trade: %d %v", code, body)
			}
			if code, _ := call(t, s, "importer", "POST", "/v1/letters-of-credit", first); code != 200 {
				t.Fatalf("the applicant's retry: %d", code)
			}
			second := map[string]any{"id": "LC-OWN-2", "tradeId": "T-OWN", "terms": terms}
			if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", second); code != 409 || !strings.Contains(body["detail"].(string), "LC-OWN") {
				t.Fatalf("a second credit of the same parties: %d %v", code, body)
			}
			ctx := context.Background()
			for _, stream := range []string{"lc-LC-EVIL", "lc-LC-OWN-2"} {
				if evs, err := events.ReadStream(ctx, stream, 1); err != nil || len(evs) != 0 {
					t.Errorf("%s: %d events stored, %v", stream, len(evs), err)
				}
			}
			pending, _ := events.PendingOutbox(ctx, 100)
			if len(pending) != 1 || pending[0].Headers["ce_type"] != "lc.applied.v1" {
				t.Fatalf("outbox: %d messages", len(pending))
			}
		})
	}
}

// TestOversizedInputsAreRefused (issue 10): one application with a 300 KB trade ID made an
// outbox message over Kafka's 1 MiB limit on which the forwarder stalled; it is refused with a
// 400 naming the field, and nothing is stored or outboxed. Every text and list has a bound, and a
// body over the API's bound is 413.
func TestOversizedInputsAreRefused(t *testing.T) {
	events := testenv.EventStores()["sqlite"](t)
	s := creditServer(t, events)
	terms := exampleRequest(t)["terms"].(map[string]any)
	huge := strings.Repeat("T", 300<<10)
	code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-BIG", "tradeId": huge, "terms": terms})
	if code != 400 || !namesField(body, "tradeId") {
		t.Fatalf("a 300 KB trade ID: %d %v", code, body["invalid-params"])
	}
	for field, value := range map[string]any{
		"tradeId": "T/../../etc", "id": strings.Repeat("L", 101),
	} {
		req := map[string]any{"id": "LC-B", "tradeId": "T-B", "terms": terms}
		req[field] = value
		if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", req); code != 400 || !namesField(body, field) {
			t.Errorf("%s %.20q: %d %v", field, value, code, body)
		}
	}
	long := map[string]any{}
	for k, v := range terms {
		long[k] = v
	}
	long["goods"] = map[string]any{"description": strings.Repeat("g", 6501)}
	if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-B", "tradeId": "T-B", "terms": long}); code != 400 || !namesField(body, "terms.goods.description") {
		t.Errorf("a goods description over MT700 45A's 6500 characters: %d %v", code, body)
	}
	if code, body := call(t, s, "importer", "POST", "/v1/letters-of-credit", map[string]any{"id": "LC-B", "tradeId": strings.Repeat("T", 600<<10), "terms": terms}); code != 413 {
		t.Errorf("a body over 512 KiB: %d %v", code, body)
	}
	ctx := context.Background()
	all, err := events.ReadAll(ctx, 0, 10)
	pending, _ := events.PendingOutbox(ctx, 10)
	if err != nil || len(all) != 0 || len(pending) != 0 {
		t.Fatalf("stored %d events, outboxed %d messages (%v)", len(all), len(pending), err)
	}
}

// TestTensOfThousandsOfHolidays (issue 10): the examination's holiday scan was quadratic, one
// request with tens of thousands of consecutive holidays took many seconds of CPU. The list is
// bounded and the lookup a set; since issue 12 the calendar is the bank's configuration, so any
// request carrying holidays is refused at once, however long the list.
func TestTensOfThousandsOfHolidays(t *testing.T) {
	s := server(t)
	req := exampleRequest(t)
	days := func(n int) []string {
		out := make([]string, n)
		d := time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)
		for i := range out {
			out[i] = d.AddDate(0, 0, i).Format(time.DateOnly)
		}
		return out
	}
	req["holidays"] = days(30_000) // 390 kB: within the body bound
	start := time.Now()
	code, body := call(t, s, "exporter", "POST", "/v1/examinations", req)
	if took := time.Since(start); code != 400 || !namesField(body, "holidays") || took > slowdown*2*time.Second {
		t.Fatalf("30,000 holidays: %d in %s, %v", code, took, body["invalid-params"])
	}
	req["holidays"] = days(1000)
	start = time.Now()
	code, body = call(t, s, "exporter", "POST", "/v1/examinations", req)
	if took := time.Since(start); code != 400 || !namesField(body, "holidays") || took > slowdown*2*time.Second {
		t.Fatalf("1000 holidays: %d in %s, %v", code, took, body)
	}
}
