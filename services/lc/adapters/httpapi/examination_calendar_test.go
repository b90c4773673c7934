package httpapi_test

import (
	"testing"
)

// TestPreCheckRunsOnTheBanksCalendar (issue 12, item 6): the pre-check's calendar is the bank's
// configuration, never request data. The presenter's holidays are refused naming the field; without
// them, 8 December (a Lisbon holiday in the bank's calendars) still does not count, so the five
// banking days run from the 9th.
func TestPreCheckRunsOnTheBanksCalendar(t *testing.T) {
	s := server(t)
	req := exampleRequest(t)
	req["holidays"] = []string{"2026-12-09"}
	if code, body := call(t, s, "exporter", "POST", "/v1/examinations", req); code != 400 || !namesField(body, "holidays") {
		t.Fatalf("holidays in the request: %d %v, want 400 naming holidays", code, body)
	}
	delete(req, "holidays")
	code, body := call(t, s, "exporter", "POST", "/v1/examinations", req)
	if code != 200 || body["deadline"] != "2026-12-16" {
		t.Fatalf("without holidays: %d %v, want the deadline 2026-12-16 on Lisbon's calendar", code, body)
	}
}
