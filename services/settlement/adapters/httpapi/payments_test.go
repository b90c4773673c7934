package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/adapters/httpapi"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// The dev directory's parties (deploy/devstack's sign-in seed), as the bearer middleware would
// put them in the request context.
func user(kind identity.OrgKind, org, sub string, roles ...string) identity.Actor {
	return identity.Actor{Org: org, OrgKind: kind, Subject: sub, Client: "tradefin-portal", Roles: roles}
}

var actors = map[string]identity.Actor{
	"erik":         user(identity.Bank, "ESSESESS", "erik", identity.RoleTradeOfficer),
	"sara":         user(identity.Bank, "ESSESESS", "sara", identity.RoleTradeOfficer, identity.RoleApprover),
	"per":          user(identity.Bank, "ESSESESS", "per", identity.RolePaymentsOfficer),
	"per+approver": user(identity.Bank, "ESSESESS", "per", identity.RolePaymentsOfficer, identity.RoleApprover),
	"seb-backoffice": {Org: "ESSESESS", OrgKind: identity.Bank, Subject: "seb-backoffice", Client: "seb-backoffice",
		Roles: []string{identity.RoleTradeOfficer, identity.RolePaymentsOfficer}},
	"ana":      user(identity.Bank, "BCOMPTPL", "ana", identity.RoleTradeOfficer),
	"rui":      user(identity.Bank, "BCOMPTPL", "rui", identity.RoleTradeOfficer, identity.RoleApprover),
	"oscar":    user(identity.Bank, "OTHRGB2L", "oscar", identity.RoleTradeOfficer, identity.RoleApprover, identity.RolePaymentsOfficer),
	"nils":     user(identity.Bank, "NCLRSESS", "nils", identity.RolePaymentsOfficer),
	"joao":     user(identity.Trader, "5493002AZULEJOSLX028", "joao", identity.RoleTrader),
	"mads":     user(identity.Carrier, "MAEU", "mads", identity.RoleCarrierAgent),
	"audra":    user(identity.Auditor, "TRADEREG", "audra", identity.RoleAuditor),
	"workflow": identity.Workflow,
}

type api struct {
	h   http.Handler
	app app.Application
}

func newAPI(t *testing.T) api {
	es, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "es.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { es.Close() })
	a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, app.Policy{SettlementAgent: "NCLRSESS"}).WithBalances(store.NewLedger(es))
	return api{h: httpapi.Handler(a), app: a}
}

// call serves one request as who ("" nobody) through the handler, the actor injected the way
// the platform's bearer middleware does.
func (x api) call(method, path, who, body string) *httptest.ResponseRecorder {
	return x.serve(x.request(method, path, who, body))
}

// request is a request as who ("" nobody).
func (x api) request(method, path, who, body string) *http.Request {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if who != "" {
		a, ok := actors[who]
		if !ok {
			panic("no actor " + who)
		}
		req = req.WithContext(identity.WithActor(req.Context(), a))
	}
	return req
}

func (x api) serve(req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	x.h.ServeHTTP(rec, req)
	return rec
}

func (x api) raise(t *testing.T, o domain.Obligation) string {
	t.Helper()
	if _, _, err := x.app.Commands.RaisePayment.Handle(context.Background(), command.RaisePayment{Obligation: o, By: actors["erik"].Stamp()}); err != nil {
		t.Fatal(err)
	}
	return "/v1/payments/" + domain.PaymentID(o)
}

func obligation(lc string, minor int64) domain.Obligation {
	return domain.Obligation{TradeID: "T-" + lc, LCID: lc, PresentationID: "P-1", Amount: money.New(minor, money.MustCurrency("EUR")),
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Beneficiary: "Azulejos Lisboa Lda",
		BeneficiaryAccount: "PT50000201231234567890154", AccountCurrency: money.MustCurrency("USD")}
}

func pacs002(t *testing.T, x api, path, code string) string {
	var v struct{ MsgID, UETR string }
	if err := json.Unmarshal(x.call("GET", path, "nils", "").Body.Bytes(), &v); err != nil || v.MsgID == "" {
		t.Fatalf("payment %s not instructed: %v", path, err)
	}
	return fmt.Sprintf(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt><GrpHdr><MsgId>S</MsgId></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId></OrgnlGrpInfAndSts><TxInfAndSts><OrgnlUETR>%s</OrgnlUETR><TxSts>%s</TxSts></TxInfAndSts></FIToFIPmtStsRpt></Document>`, v.MsgID, v.UETR, code)
}

// TestAuthorisationMatrix: every endpoint, for the right party (2xx), a party of the payment
// without the right (403 naming the rule), the same role of another party and other kinds of
// organisation, party to nothing (404 for reads and commands alike, word for word the answer for
// a payment that does not exist), and nobody (401). A refused call changes nothing. The cells run
// in order (a payment is read, released, reported on...); every cell is asserted, and the matrix
// is printed.
func TestAuthorisationMatrix(t *testing.T) {
	x := newAPI(t)
	a := x.raise(t, obligation("LC-A", 12345678))     // EUR 123,456.78: below the four-eyes threshold
	b := x.raise(t, obligation("LC-B", 2_000_000_00)) // EUR 2,000,000.00: above it
	status := ""                                      // the pacs.002, once A is instructed
	type cell struct {
		endpoint, method, path, who string
		body                        func() string
		want                        int
		check                       func(t *testing.T, rec *httptest.ResponseRecorder)
	}
	none := func() string { return "" }
	var sent string
	isXML := func(t *testing.T, rec *httptest.ResponseRecorder) {
		if rec.Header().Get("Content-Type") != "application/xml" || !strings.Contains(rec.Body.String(), "<FICdtTrf>") {
			t.Errorf("not a pacs.009: %s", rec.Body.String())
		}
	}
	cells := []cell{
		{"GET payment", "GET", a, "", none, 401, nil},
		{"GET payment", "GET", a, "oscar", none, 404, nil},
		{"GET payment", "GET", a, "joao", none, 404, nil},
		{"GET payment", "GET", a, "mads", none, 404, nil},
		{"GET payment", "GET", a, "erik", none, 200, nil},
		{"GET payment", "GET", a, "ana", none, 200, nil},
		{"GET payment", "GET", a, "nils", none, 200, nil},
		{"GET payment", "GET", a, "audra", none, 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var v struct {
				Status   string
				RaisedBy identity.Stamp
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil || v.Status != "raised" || v.RaisedBy != actors["erik"].Stamp() {
				t.Errorf("payment view %s", rec.Body.String())
			}
		}},
		{"GET payment", "GET", "/v1/payments/T-X:LC-X:P-1", "erik", none, 404, nil},
		{"GET pacs.009", "GET", a + "/messages/pacs.009", "erik", none, 404, nil}, // not instructed yet

		{"POST instruction", "POST", a + "/instruction", "", none, 401, nil},
		{"POST instruction", "POST", a + "/instruction", "oscar", none, 404, nil},
		{"POST instruction", "POST", a + "/instruction", "joao", none, 404, nil},
		{"POST instruction", "POST", a + "/instruction", "erik", none, 403, nil},
		{"POST instruction", "POST", a + "/instruction", "ana", none, 403, nil},
		{"POST instruction", "POST", a + "/instruction", "nils", none, 403, nil},
		{"POST instruction", "POST", a + "/instruction", "workflow", none, 403, nil}, // only through Temporal
		{"POST instruction", "POST", a + "/instruction", "per", none, 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			isXML(t, rec)
			sent = rec.Body.String()
			if !strings.Contains(sent, `<IntrBkSttlmAmt Ccy="USD">133851.84</IntrBkSttlmAmt>`) {
				t.Errorf("amount: %s", sent) // EUR 123,456.78 × 1.0842 = USD 133,851.840876 → 133,851.84
			}
		}},
		{"POST instruction", "POST", a + "/instruction", "seb-backoffice", none, 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			if rec.Body.String() != sent {
				t.Errorf("a retried instruction sent another message")
			}
		}},

		{"GET pacs.009", "GET", a + "/messages/pacs.009", "", none, 401, nil},
		{"GET pacs.009", "GET", a + "/messages/pacs.009", "oscar", none, 404, nil},
		{"GET pacs.009", "GET", a + "/messages/pacs.009", "joao", none, 404, nil},
		{"GET pacs.009", "GET", a + "/messages/pacs.009", "ana", none, 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			if rec.Body.String() != sent {
				t.Errorf("stored pacs.009 differs from the one sent:\n%s", rec.Body.String())
			}
		}},
		{"GET pacs.009", "GET", a + "/messages/pacs.009", "audra", none, 200, isXML},

		{"POST status-report", "POST", a + "/status-reports", "", func() string { return status }, 401, nil},
		{"POST status-report", "POST", a + "/status-reports", "oscar", func() string { return status }, 404, nil},
		{"POST status-report", "POST", a + "/status-reports", "mads", func() string { return status }, 404, nil},
		{"POST status-report", "POST", a + "/status-reports", "oscar", func() string { return "<x/>" }, 422, nil}, // parsed before anything is read
		{"POST status-report", "POST", a + "/status-reports", "ana", func() string { return status }, 403, nil},
		{"POST status-report", "POST", a + "/status-reports", "audra", func() string { return status }, 403, nil},
		{"POST status-report", "POST", a + "/status-reports", "nils", func() string { return "<x/>" }, 422, nil},
		{"POST status-report", "POST", a + "/status-reports", "nils", func() string { return status }, 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			if !strings.Contains(rec.Body.String(), `"status":"settled"`) {
				t.Errorf("status: %s", rec.Body.String())
			}
		}},
		{"POST status-report", "POST", a + "/status-reports", "nils", func() string { return strings.Replace(status, "ACSC", "RJCT", 1) }, 409, nil},

		{"POST approval", "POST", a + "/approval", "sara", none, 409, nil}, // below the threshold: nothing to approve
		{"POST instruction", "POST", b + "/instruction", "per", none, 202, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var v struct {
				Status     string
				ReleasedBy *identity.Stamp
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil || v.Status != "awaiting-approval" || v.ReleasedBy == nil || v.ReleasedBy.User != "per" {
				t.Errorf("release above the threshold: %s", rec.Body.String())
			}
		}},
		{"GET pacs.009", "GET", b + "/messages/pacs.009", "erik", none, 404, nil}, // nothing sent before approval
		{"POST approval", "POST", b + "/approval", "", none, 401, nil},
		{"POST approval", "POST", b + "/approval", "oscar", none, 404, nil},
		{"POST approval", "POST", b + "/approval", "joao", none, 404, nil},
		{"POST approval", "POST", b + "/approval", "rui", none, 403, nil},
		{"POST approval", "POST", b + "/approval", "per", none, 403, nil},
		{"POST approval", "POST", b + "/approval", "per+approver", none, 403, func(t *testing.T, rec *httptest.ResponseRecorder) {
			if !strings.Contains(rec.Body.String(), "the maker of a release") {
				t.Errorf("maker's own approval: %s", rec.Body.String())
			}
		}},
		{"POST approval", "POST", b + "/approval", "sara", none, 200, isXML},

		{"GET accounts", "GET", "/v1/accounts", "", none, 401, nil},
		{"GET accounts", "GET", "/v1/accounts", "per", none, 403, nil},
		{"GET accounts", "GET", "/v1/accounts", "oscar", none, 403, nil},
		{"GET accounts", "GET", "/v1/accounts", "joao", none, 403, nil},
		{"GET accounts", "GET", "/v1/accounts", "audra", none, 200, nil},
		{"GET accounts", "GET", "/v1/accounts", "nils", none, 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var bal struct {
				Accounts map[string]struct {
					Minor    int64
					Currency string
				}
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &bal); err != nil {
				t.Fatal(err)
			}
			// EUR 123,456.78 debited to the LC settlement account, USD 133,851.84 credited to the
			// vostro, and B's EUR 2,000,000.00 as USD 2,168,400.00; per currency the ledger sums to zero.
			if bal.Accounts["lc-settlement:LC-A:EUR"].Minor != 12345678 || bal.Accounts["vostro:BCOMPTPL:USD"].Minor != -(13385184+216840000) {
				t.Errorf("balances %s", rec.Body.String())
			}
			sum := map[string]int64{}
			for _, b := range bal.Accounts {
				sum[b.Currency] += b.Minor
			}
			if sum["EUR"] != 0 || sum["USD"] != 0 {
				t.Errorf("ledger does not balance: %v", sum)
			}
		}},
	}
	// Party to nothing on A and B: a payment of theirs is not found, as one that does not exist.
	unseen := map[string]bool{"oscar": true, "joao": true, "mads": true}
	const missingID = "T-X:LC-X:P-1"
	paymentOf := func(path string) string { // "/v1/payments/{id}", or "" for another path
		rest, ok := strings.CutPrefix(path, "/v1/payments/")
		if !ok {
			return ""
		}
		id, _, _ := strings.Cut(rest, "/")
		return "/v1/payments/" + id
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-20s %-40s %-32s %s\n", "endpoint", "path", "actor", "answer")
	for i, c := range cells {
		if c.endpoint == "POST status-report" && status == "" {
			status = pacs002(t, x, a, "ACSC")
		}
		payment := paymentOf(c.path)
		before := ""
		if payment != "" {
			before = x.call("GET", payment, "audra", "").Body.String()
		}
		rec := x.call(c.method, c.path, c.who, c.body())
		if c.want >= 400 && payment != "" {
			if after := x.call("GET", payment, "audra", "").Body.String(); after != before {
				t.Errorf("cell %d: %s %s as %s refused, yet the payment changed:\n%s\n%s", i, c.method, c.path, c.who, before, after)
			}
		}
		if c.want == http.StatusNotFound && unseen[c.who] {
			id := strings.TrimPrefix(payment, "/v1/payments/")
			missing := x.call(c.method, strings.Replace(c.path, id, missingID, 1), c.who, c.body())
			var got, want map[string]any
			_ = json.Unmarshal(rec.Body.Bytes(), &got)
			_ = json.Unmarshal(missing.Body.Bytes(), &want)
			delete(got, "instance") // the request's own path
			delete(want, "instance")
			if missing.Code != rec.Code || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("cell %d: %s %s as %s: unseen %d %v, missing %d %v: they must not differ", i, c.method, c.path, c.who, rec.Code, got, missing.Code, want)
			}
		}
		who := c.who
		if who == "" {
			who = "(no token)"
		} else {
			who += " " + actors[c.who].Org
		}
		fmt.Fprintf(&table, "%-20s %-40s %-32s %d\n", c.endpoint, strings.TrimPrefix(c.path, "/v1/payments/"), who, rec.Code)
		if rec.Code != c.want {
			t.Errorf("cell %d: %s %s as %s: %d, want %d: %s", i, c.method, c.path, who, rec.Code, c.want, rec.Body.String())
			continue
		}
		if c.want >= 400 && rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("cell %d: %d without a problem document", i, rec.Code)
		}
		if c.want == http.StatusForbidden {
			var p struct{ Detail string }
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Detail == "" {
				t.Errorf("cell %d: a 403 naming no rule: %s", i, rec.Body.String())
			}
		}
		if c.check != nil {
			c.check(t, rec)
		}
	}
	t.Logf("settlement authorisation matrix:\n%s", table.String())
}

// TestRaiseByHTTPIsGone is the regression test of the attack where a caller raised a payment for a
// presentation to be honoured later, with its own amount and creditor: no endpoint raises a
// payment, and the X-Tradefin-* headers identify nobody.
func TestRaiseByHTTPIsGone(t *testing.T) {
	x := newAPI(t)
	attack := `{"tradeId":"T9","lcId":"LC9","presentationId":"P-1","amount":{"minor":99999999,"currency":"EUR"},
"issuingBank":"ESSESESS","advisingBank":"OTHRGB2L","beneficiary":"Outsider Trading Ltd"}`
	for _, who := range []string{"per", "oscar", "seb-backoffice"} {
		if rec := x.call("POST", "/v1/payments", who, attack); rec.Code != http.StatusNotFound && rec.Code != http.StatusMethodNotAllowed {
			t.Fatalf("POST /v1/payments as %s: %d %s", who, rec.Code, rec.Body.String())
		}
	}
	if _, err := x.app.Queries.Payment.Handle(context.Background(), actors["audra"], "T9:LC9:P-1"); domain.KindOf(err) != domain.KindNotFound {
		t.Fatalf("a payment was raised by HTTP: %v", err)
	}
	p := x.raise(t, obligation("LC-H", 100))
	req := httptest.NewRequest("GET", p, nil)
	req.Header.Set("X-Tradefin-Role", "issuing-bank")
	req.Header.Set("X-Tradefin-Actor", "ESSESESS")
	rec := httptest.NewRecorder()
	x.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("identity taken from X-Tradefin-* headers: %d %s", rec.Code, rec.Body.String())
	}
}

func TestBounds(t *testing.T) {
	x := newAPI(t)
	for _, id := range []string{strings.Repeat("x", 300), strings.Repeat("T", 65) + ":LC:P-1", "T%20X:LC:P-1", "T%2FX:LC:P-1"} {
		rec := x.call("GET", "/v1/payments/"+id, "audra", "")
		var d struct {
			InvalidParams []struct{ Name string } `json:"invalid-params"`
		}
		if rec.Code != 400 || json.Unmarshal(rec.Body.Bytes(), &d) != nil || len(d.InvalidParams) != 1 || d.InvalidParams[0].Name != "id" {
			t.Errorf("payment ID %.40s…: %d %s, want 400 naming id", id, rec.Code, rec.Body.String())
		}
	}
	p := x.raise(t, obligation("LC-L", 100))
	if rec := x.call("POST", p+"/status-reports", "nils", strings.Repeat(" ", 1<<20+1)); rec.Code != 413 {
		t.Fatalf("over-long status report: %d", rec.Code)
	}
}
