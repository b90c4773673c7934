package httpapi_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// examiningServer is the API on events at c's time, with the bank's examination wired: the
// registered documents' read model and the queue's index on the same store.
func examiningServer(t *testing.T, events eventstore.Store, c *clock) *httptest.Server {
	repo := store.NewRepository(events)
	a := app.New(repo, store.NewTradeClaims(events), app.Settings{Policy: domain.Policy{Calendars: calendars.Default()}, Now: c.Now}).
		WithExamination(store.NewRegisteredDocuments(events), store.NewExaminationIndex(events), repo)
	mux := http.NewServeMux()
	httpapi.Register(mux, a)
	s := httptest.NewServer(asActor(mux))
	t.Cleanup(s.Close)
	return s
}

// TestTheBankStampsTheReceiptOnItsCalendar: the presenter no longer dates its presentation; the
// issuing bank (ESSESESS, Stockholm) stamps its receipt on Tuesday 1 December 2026 and its
// deadline is five banking days following at Stockholm, Tuesday 8 December — not the 10th that
// Lisbon's calendar (the place of expiry, 1 and 8 December closed) gave (UCP 600 Art. 2, 14(b)).
// The presentation waits in the issuing bank's queue; at the close of the 8th at Stockholm its
// refusal is precluded (Art. 16(f)) while honour stays open.
func TestTheBankStampsTheReceiptOnItsCalendar(t *testing.T) {
	events := testenv.EventStores()["sqlite"](t)
	now := &clock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
	s := examiningServer(t, events, now)
	applyAndIssue(t, s, "LC-ST", "2026-12-31")
	now.now = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	dated := exampleRequest(t)["presentation"].(map[string]any)
	dated["date"] = "2026-11-25"
	path := "/v1/letters-of-credit/LC-ST/presentations"
	if code, body := call(t, s, "exporter", "POST", path, map[string]any{"presentationId": "P-1", "presentation": dated}); code != 400 || !namesField(body, "presentation.date") {
		t.Fatalf("a presentation dated by its presenter: %d %v", code, body)
	}
	code, res := call(t, s, "exporter", "POST", path, map[string]any{"presentationId": "P-1", "presentation": presented(exampleRequest(t))})
	if code != 200 || res["deadline"] != "2026-12-08" {
		t.Fatalf("presentation received in Stockholm on 1 December: %d deadline %v, want 2026-12-08", code, res["deadline"])
	}
	_, lc := call(t, s, "exporter", "GET", "/v1/letters-of-credit/LC-ST", nil)
	p := lc["presentations"].([]any)[0].(map[string]any)
	stamp := p["presentation"].(map[string]any)
	if stamp["date"] != "2026-12-01" || stamp["place"] != "Stockholm" || stamp["bank"] != "ESSESESS" || p["status"] != "QUEUED" ||
		p["receivedAt"] != "2026-12-01T10:00:00Z" || p["deadlineAt"] != "2026-12-08T23:00:00Z" || lc["status"] == "HONOURED" {
		t.Fatalf("the presentation as the credit holds it: %v (credit %v)", p, lc["status"])
	}
	_, q := call(t, s, "issuing-bank", "GET", "/v1/examination-queue", nil)
	if qs := q["examinations"].([]any); len(qs) != 1 || qs[0].(map[string]any)["deadlineAt"] != "2026-12-08T23:00:00Z" || qs[0].(map[string]any)["presentationId"] != "P-1" {
		t.Fatalf("the issuing bank's queue: %v", q)
	}
	if _, q := call(t, s, "advising-bank", "GET", "/v1/examination-queue", nil); len(q["examinations"].([]any)) != 0 {
		t.Fatalf("the advising bank's queue: %v", q)
	}
	if code, _ := call(t, s, "exporter", "GET", "/v1/examination-queue", nil); code != 403 {
		t.Fatalf("a trader's queue: %d", code)
	}
	now.now = time.Date(2026, 12, 8, 23, 0, 0, 0, time.UTC)
	decision := "/v1/letters-of-credit/LC-ST/presentations/P-1/decision"
	if code, body := call(t, s, "issuing-bank", "POST", decision, map[string]any{"decision": "REFUSE", "disposal": "RETURN",
		"discrepancies": []any{map[string]any{"rule": "UCP 600 Art. 14(d)", "message": "data conflict"}}}); code != 422 || !strings.Contains(body["detail"].(string), "16(f)") {
		t.Fatalf("a refusal at the deadline: %d %v", code, body)
	}
	if code, body := call(t, s, "issuing-bank", "POST", decision, map[string]any{"decision": "HONOUR"}); code != 200 || body["status"] != "HONOURED" {
		t.Fatalf("honour after the deadline: %d %v", code, body)
	}
	if _, q := call(t, s, "issuing-bank", "GET", "/v1/examination-queue", nil); len(q["examinations"].([]any)) != 0 {
		t.Fatalf("the queue after the decision: %v", q)
	}
}

// TestPresentedHashesAreCheckedAgainstCustoms: a presented SHA-256 customs did not register for
// the trade is a discrepancy (UCP 600 Art. 14(a)); one it registered, of the same kind, is not.
func TestPresentedHashesAreCheckedAgainstCustoms(t *testing.T) {
	events := testenv.EventStores()["sqlite"](t)
	now := &clock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
	s := examiningServer(t, events, now)
	const registered, unknown = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
	if _, err := events.HandleOnce(context.Background(), "test", "customs-1", func(ctx context.Context, tx eventstore.Tx) error {
		return store.RegisterDocument(ctx, tx, "T-LC-A", "customs-1", domain.RegisteredDocument{SHA256: registered, Kind: domain.CommercialInvoice})
	}); err != nil {
		t.Fatal(err)
	}
	now.now = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		credit, sha string
		compliant   bool
	}{{"LC-A", registered, true}, {"LC-B", unknown, false}} {
		now.now = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
		applyAndIssue(t, s, c.credit, "2026-12-31")
		now.now = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
		pres := presented(exampleRequest(t))
		pres["documents"].([]any)[0].(map[string]any)["sha256"] = c.sha
		code, res := call(t, s, "exporter", "POST", "/v1/letters-of-credit/"+c.credit+"/presentations", map[string]any{"presentationId": "P-1", "presentation": pres})
		if code != 200 || res["compliant"] != c.compliant {
			t.Fatalf("%s: %d %v", c.credit, code, res)
		}
		if !c.compliant {
			if ds := res["discrepancies"].([]any); len(ds) != 1 || ds[0].(map[string]any)["rule"] != "UCP 600 Art. 14(a)" {
				t.Errorf("the unregistered invoice: %v", ds)
			}
		}
	}
}
