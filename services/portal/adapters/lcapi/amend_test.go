package lcapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tradefin/tradefin/events/money"
)

// The LC service decodes an amendment strictly (unknown fields are a 400): the portal sends the
// changes alone, never the number or status the credit's view carries.
func TestAmendSendsOnlyTheFieldsTheAmendmentEndpointTakes(t *testing.T) {
	var got map[string]json.RawMessage
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/letters-of-credit/LC-T/amendments" {
			t.Errorf("%s %s", r.Method, r.URL.Path)
		}
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	up := money.New(1_000_00, money.MustCurrency("EUR"))
	if err := New(srv.URL).Amend(context.Background(), "tok", "LC-T", Changes{Date: "2026-12-01", NewLatestShipment: "2027-01-10", Increase: &up}); err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"date": true, "newExpiry": true, "increase": true, "decrease": true, "newLatestShipment": true}
	for k := range got {
		if !allowed[k] {
			t.Errorf("the amendment carries %q, which the endpoint refuses", k)
		}
	}
	if len(got) != 3 {
		t.Errorf("sent %v, want date, newLatestShipment and increase", got)
	}
}
