package httpapi_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/platform/openapitest"
	"github.com/tradefin/tradefin/services/settlement/adapters/httpapi"
)

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	spec := openapitest.Served(t, newAPI(t).h)
	openapitest.CheckRoutes(t, spec, httpapi.Routes())
	openapitest.CheckSecurity(t, spec)
}

// TestRequestsAreValidatedAgainstTheDescription: a status report is a pacs.002 in XML, bounded;
// anything else is refused with a problem before the payment is looked at.
func TestRequestsAreValidatedAgainstTheDescription(t *testing.T) {
	x := newAPI(t)
	p := x.raise(t, obligation("LC-V", 100))
	problemOf := func(status int, method, path, contentType, body string) {
		t.Helper()
		req := x.request(method, path, "nils", body)
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		rec := x.serve(req)
		var d struct{ Status int }
		if rec.Code != status || rec.Header().Get("Content-Type") != "application/problem+json" || json.Unmarshal(rec.Body.Bytes(), &d) != nil || d.Status != status {
			t.Errorf("%s %s (%s): %d %s, want a %d problem", method, path, contentType, rec.Code, rec.Body.String(), status)
		}
	}
	problemOf(http.StatusUnsupportedMediaType, "POST", p+"/status-reports", "application/json", `{"status":"ACSC"}`)
	problemOf(http.StatusRequestEntityTooLarge, "POST", p+"/status-reports", "application/xml", "<x>"+strings.Repeat(" ", 1<<20)+"</x>")
	problemOf(http.StatusBadRequest, "POST", p+"/status-reports", "application/xml", "")
	// A well-formed report reaches the payment rules: this one is no pacs.002 of the payment.
	if rec := x.serve(x.request("POST", p+"/status-reports", "nils", "<x/>")); rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("a report that passes the description: %d %s", rec.Code, rec.Body.String())
	}
}
