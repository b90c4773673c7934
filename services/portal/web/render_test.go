package web

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/portal/adapters/customsapi"
	"github.com/tradefin/tradefin/services/portal/adapters/lcapi"
	"github.com/tradefin/tradefin/services/portal/adapters/settlementapi"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeviewapi"
	"github.com/tradefin/tradefin/services/portal/domain"
)

// Every page renders with every form it can show: a template error is a test failure, not a
// blank page for the user.
func TestEveryPageRendersWithEveryAction(t *testing.T) {
	pages, err := parsePages()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{pages: pages, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	u := &User{Actor: identity.Actor{Org: "ESSESESS", OrgKind: identity.Bank, Roles: []string{"trade-officer", "payments-officer"}}, Name: "erik", OrgName: "SEB", CSRF: "tok"}
	amount := money.New(84_000_00, money.MustCurrency("EUR"))
	credit := &lcapi.Credit{ID: "LC-T", TradeID: "T", Status: "REFUSED", Terms: lcapi.Terms{Amount: &amount},
		Presentations: []lcapi.Presentation{{ID: "P-1", Examination: lcapi.Examination{Deadline: "2026-12-08", Discrepancies: []lcapi.Discrepancy{{Rule: "UCP 600 Art. 20(a)(ii)"}}}}},
		Messages:      []lcapi.Message{{Type: "MT734", Text: "{1:F01}"}},
		Amendments:    []lcapi.Amendment{{Number: 1, Changes: lcapi.Changes{Date: "2026-12-01", NewExpiry: "2027-01-31", Increase: &amount}, Status: "PROPOSED"}},
		Cancellation:  &lcapi.Cancellation{Reason: "goods no longer needed", Status: "PROPOSED"}}
	sh := &customsapi.Shipment{Events: []customsapi.TransportEvent{{EventCode: "LOAD", Classifier: "ACT"}}}
	duty := money.New(4_200_00, money.MustCurrency("EUR"))
	imp := customsapi.Declaration{ID: "IMP-T", Direction: "import", Duty: &duty}
	tp := &tradePage{ID: "T", Today: "2026-12-01", Credit: credit, Shipment: sh, Route: route(sh), Declarations: []customsapi.Declaration{imp}, Import: &imp,
		Timeline: &tradeviewapi.Timeline{Status: "RUNNING", Milestones: []tradeviewapi.Milestone{{Name: "LC_APPLIED", TxID: "ab", Block: 4}}},
		Payment:  &settlementapi.Payment{Status: "instructed", Amount: amount}, Refused: []string{"P-1"}, WaiverRequests: []string{"P-1"}, PendingAmendment: &credit.Amendments[0],
		Presentation: &presentationPrefill{}, Declaration: &declarationPrefill{}, MissingDocuments: []string{"packing_list"}, Actions: map[string]bool{}}
	for _, a := range []domain.Action{domain.Issue, domain.ApproveIssue, domain.Advise, domain.Accept, domain.RegisterDocs, domain.DeclareExport, domain.Present,
		domain.Waive, domain.DecideWaiver, domain.DeclareImport, domain.PayDuty, domain.GuaranteeDuty, domain.ReportSettled,
		domain.Amend, domain.AnswerAmend, domain.AdviseAmend, domain.Cancel, domain.AnswerCancel} {
		tp.Actions[string(a)] = true
	}
	decl := &declarationPage{Declaration: imp, Actions: map[string]bool{"inspection": true, "clearance": true, "duty-assessment": true, "release": true}}
	for name, data := range map[string]any{
		"trade": tp, "home": struct{ SignedOut bool }{true}, "trades": struct{ Trades []any }{}, "credit_form": creditForm{Values: map[string]string{}},
		"queue": []queued{{Declaration: imp}}, "declaration": decl, "shipment_form": shipmentForm{}, "shipment": shipmentPage{Shipment: *sh},
		"payments": []settlementapi.Payment{{Amount: amount}}, "verification": chainPage{Verification: tradeviewapi.Verification{TradeID: "T", Checked: []string{"ledger"},
			Links: []tradeviewapi.Link{{Seq: 1, Milestone: "LC_APPLIED", Status: "MISMATCH", Why: []string{"hash differs"}}}}}, "document": customsapi.Document{}, "error": nil,
	} {
		w := httptest.NewRecorder()
		s.render(w, httptest.NewRequest("GET", "/", nil), 200, name, page{Title: name, User: u, Data: data})
		if w.Code != 200 {
			t.Errorf("page %s: %d %s", name, w.Code, w.Body.String())
		}
	}
	w := httptest.NewRecorder()
	s.render(w, httptest.NewRequest("GET", "/", nil), 200, "trade", page{User: u, Data: tp})
	for _, want := range []string{"do-issue", "do-waiver-decision", "EUR 84,000.00", "UCP 600 Art. 20(a)(ii)", `name="csrf" value="tok"`, "loaded at", `id="countdown-P-1">5 banking days left`,
		"do-amend", "do-amendment-answer", "do-amendment-advice", "expiry 2027-01-31", "do-cancel", "goods no longer needed"} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("the trade page lacks %q", want)
		}
	}
}

func TestAmountsAreWrittenInTheCurrencysMinorUnits(t *testing.T) {
	for _, c := range []struct {
		m    money.Money
		want string
	}{
		{money.New(84_000_00, money.MustCurrency("EUR")), "EUR 84,000.00"},
		{money.New(1_234_567, money.MustCurrency("JPY")), "JPY 1,234,567"},
		{money.New(1_000, money.MustCurrency("KWD")), "KWD 1.000"},
	} {
		if got := formatMoney(c.m); got != c.want {
			t.Errorf("%v: %q, want %q", c.m, got, c.want)
		}
	}
}

// A problem's invalid-params land next to the field they name, and nowhere else.
func TestProblemReasonsAreShownNextToTheirFields(t *testing.T) {
	p := fieldProblem("reference", "want at most 100 letters, digits")
	if got := fieldError(p, "reference"); got != "want at most 100 letters, digits" {
		t.Errorf("reference: %q", got)
	}
	if got := fieldError(p, "guarantor"); got != "" {
		t.Errorf("guarantor passed, yet shows %q", got)
	}
	if got := fieldError(nil, "reference"); got != "" {
		t.Errorf("no problem, yet %q", got)
	}
}
