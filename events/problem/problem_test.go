package problem

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestWriteMapsKindsOnce(t *testing.T) {
	cases := []struct {
		err    error
		status int
		title  string
	}{
		{InvalidFields(InvalidParam{Name: "amount.currency", Reason: "not ISO 4217"}), 400, "Your request parameters didn't validate"},
		{fmt.Errorf("wrapped: %w", New(Forbidden, "Forbidden", "role exporter may not issue")), 403, "Forbidden"},
		{New(Conflict, "Version conflict", ""), 409, "Version conflict"},
		{errors.New("database password is hunter2"), 500, "Internal Server Error"},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		Write(rec, httptest.NewRequest(http.MethodPost, "/v1/x", nil), c.err)
		var d Details
		if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if rec.Code != c.status || d.Status != c.status || d.Title != c.title || rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%v: %d %+v", c.err, rec.Code, d)
		}
		if c.status == 500 && d.Detail != "" {
			t.Errorf("a 500 leaked its detail: %q", d.Detail)
		}
	}
}
