package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/services/portal/adapters/tradeviewapi"
)

// The chain page shows the worker's report link by link, green or red, and its verdict; the
// request carries the user's token (the worker decides need-to-know).
func TestTheChainPageShowsEachLinkGreenOrRed(t *testing.T) {
	pages, err := parsePages()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		report, verdict, link string
	}{
		{`{"tradeId":"T-1","checked":["ledger","kafka"],"lines":[{"seq":1,"milestone":"LC_APPLIED","status":"OK"},{"seq":2,"milestone":"LC_ISSUED","status":"OK"}]}`,
			"The chain verifies", `class="link link-green" data-milestone="LC_ISSUED"`},
		{`{"tradeId":"T-1","checked":["ledger"],"lines":[{"seq":1,"milestone":"LC_APPLIED","status":"OK"},{"seq":2,"milestone":"EXPORT_CLEARED","status":"MISMATCH","why":["the service's event hash differs from the ledger's"]}]}`,
			"The chain does not verify", `class="link link-red" data-milestone="EXPORT_CLEARED"`},
	} {
		worker := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/v1/trades/T-1/verification" || r.Header.Get("Authorization") != "Bearer tok" {
				t.Errorf("%s with %q", r.URL.Path, r.Header.Get("Authorization"))
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, c.report)
		}))
		s := &Server{pages: pages, log: slog.New(slog.NewTextHandler(io.Discard, nil)), apis: APIs{Trades: tradeviewapi.New(worker.URL)}}
		r := httptest.NewRequest("GET", "/trades/T-1/verification", nil)
		r.SetPathValue("id", "T-1")
		w := httptest.NewRecorder()
		s.verifyChain(w, r, &User{token: "tok"})
		worker.Close()
		if body := w.Body.String(); w.Code != http.StatusOK || !strings.Contains(body, c.verdict) || !strings.Contains(body, c.link) {
			t.Errorf("%d, want %q and %q in\n%s", w.Code, c.verdict, c.link, body)
		}
	}
}
