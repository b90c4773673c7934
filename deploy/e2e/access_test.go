//go:build !unit

package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/platform/signin"
)

// The matrix's callers: every party of the demo trade, an outsider of each kind, and the four
// ways a token is not accepted.
var (
	tradeParties = []string{"ingrid", "joao", "erik", "sara", "per", "ana", "marta", "lars", "mads", "nils", "audra"}
	outsiders    = []string{"olga", "oscar", "dieter", "hanna"} // trader, bank, customs office, carrier
	badTokens    = []string{"no token", "expired", "wrong aud", "bad sig"}
	columns      = slices.Concat(tradeParties, outsiders, badTokens)
)

// Who may read what once the trade has been walked (need-to-know). Everyone else gets 404.
var (
	creditReaders   = []string{"ingrid", "joao", "erik", "sara", "per", "ana", "audra"}                                  // the credit's four parties
	exportReaders   = []string{"joao", "marta", "audra"}                                                                 // declarant, export office
	importReaders   = []string{"ingrid", "lars", "audra"}                                                                // declarant, import office
	paymentReaders  = []string{"erik", "sara", "per", "ana", "nils", "audra"}                                            // debtor, creditor, settlement bank
	shipmentReaders = []string{"mads", "joao", "ingrid", "marta", "lars", "audra"}                                       // carrier, shipper, consignee, the trade's offices
	tradeReaders    = []string{"ingrid", "joao", "erik", "sara", "per", "ana", "marta", "lars", "mads", "nils", "audra"} // every organisation that acted
)

// commandRule says what every other caller gets for a command: a caller who can read the
// resource but has no right gets 403 naming the rule; one who cannot read it gets 404, as if
// it did not exist; a creation (no resource yet) is 403 for everyone but its rightful maker.
type commandRule struct {
	method string
	path   *regexp.Regexp
	sees   []string          // who can read the resource; nil for a creation
	skip   map[string]string // callers not tried, and why
}

var commandRules = []commandRule{
	{method: "POST", path: regexp.MustCompile(`^/v1/letters-of-credit$`)},
	{method: "POST", path: regexp.MustCompile(`^/v1/letters-of-credit/[^/]+/`), sees: creditReaders},
	{method: "POST", path: regexp.MustCompile(`^/v1/documents$`), skip: anyTraderOrCarrier},
	{method: "POST", path: regexp.MustCompile(`^/v1/declarations$`)},
	{method: "POST", path: regexp.MustCompile(`^/v1/declarations/EXP-[^/]+/`), sees: exportReaders},
	{method: "POST", path: regexp.MustCompile(`^/v1/declarations/IMP-[^/]+/`), sees: importReaders},
	{method: "POST", path: regexp.MustCompile(`^/v1/shipments$`), skip: map[string]string{
		"hanna": "any carrier issues bills of lading of its own; the trade does not name its carrier"}},
	// When the carrier reports, no import declaration exists yet: the import office cannot see it.
	{method: "POST", path: regexp.MustCompile(`^/v1/shipments/[^/]+/events$`), sees: []string{"mads", "joao", "ingrid", "marta", "audra"}},
	{method: "POST", path: regexp.MustCompile(`^/v1/payments/[^/]+/status-reports$`), sees: paymentReaders, skip: map[string]string{
		"per": "the debtor bank's payments officer may report the status too"}},
}

// anyTraderOrCarrier: every trader and carrier registers documents of its own, so trying one
// would register the content before its rightful registrant.
var anyTraderOrCarrier = map[string]string{"ingrid": "", "joao": "", "olga": "", "mads": "", "hanna": ""}

// matrix records every cell: caller → answer, per request.
type matrix struct {
	mu   sync.Mutex
	rows []string
	cell map[string]map[string]string
}

func (m *matrix) set(row, col, v string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cell == nil {
		m.cell = map[string]map[string]string{}
	}
	if m.cell[row] == nil {
		m.cell[row] = map[string]string{}
		m.rows = append(m.rows, row)
	}
	m.cell[row][col] = v
}

func (m *matrix) print(t *testing.T) {
	var b strings.Builder
	width := 62
	fmt.Fprintf(&b, "%-*s", width, "request \\ caller")
	for _, c := range columns {
		fmt.Fprintf(&b, " %-9s", c)
	}
	b.WriteString("\n")
	for _, r := range m.rows {
		fmt.Fprintf(&b, "%-*s", width, r)
		for _, c := range columns {
			v := m.cell[r][c]
			if v == "" {
				v = "·"
			}
			fmt.Fprintf(&b, " %-9s", v)
		}
		b.WriteString("\n")
	}
	t.Logf("authorisation matrix (2xx: done by its rightful caller; ✓ marks a cell whose answer is the expected one; · not tried)\n%s", b.String())
}

// tokenOf returns the token a column calls with ("" for none).
type tokenOf func(col, rightful string) string

// TestAuthorisationMatrix walks a whole trade (refused, waived, honoured, settled, released) in
// which, before each party's command, every other caller tries the same request first: each
// trade party, an outsider of each kind, and with no token, an expired one, one for another
// audience and one with a broken signature. Then every read of every resource is tried by every
// caller. Each cell is asserted; the test prints the matrix.
func TestAuthorisationMatrix(t *testing.T) {
	p := startPlatform(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	token := badTokenSource(ctx, t)
	var m matrix
	c := p.client(t)
	probe := newProber(t, c, &m, token)
	c.Probe = func(ctx context.Context, req scenario.Request) {
		if req.Method != "GET" { // reads are tried once the trade is complete, below
			probe.command(ctx, req)
		}
	}
	tradeID := "T-MATRIX-" + time.Now().UTC().Format("150405.000")
	r, err := c.Run(ctx, scenario.Trade{ID: tradeID, Today: time.Now().UTC(), Discrepant: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range probe.made {
		m.set(label(req, tradeID), req.User, "2xx ✓") // the scenario failed had it not been
	}
	reads := []struct {
		url  string
		sees []string
	}{
		{p.endpoints.LC + "/v1/letters-of-credit/" + r.LCID, creditReaders},
		{p.endpoints.Customs + "/v1/declarations/" + r.ExportID, exportReaders},
		{p.endpoints.Customs + "/v1/declarations/" + r.ImportID, importReaders},
		{p.endpoints.Customs + "/v1/shipments/SHP-" + tradeID, shipmentReaders},
		// The bill of lading: its registrant (the carrier) and the shipment's shipper and consignee.
		{p.endpoints.Customs + "/v1/documents/" + r.Documents["bill_of_lading"], []string{"mads", "joao", "ingrid", "audra"}},
		{p.endpoints.Settlement + "/v1/payments/" + r.PaymentID, paymentReaders},
		{p.endpoints.Settlement + "/v1/payments/" + r.PaymentID + "/messages/pacs.009", paymentReaders},
		{p.endpoints.Trades + "/v1/trades/" + tradeID, tradeReaders},
	}
	for _, rd := range reads {
		req := scenario.Request{Method: "GET", URL: rd.url}
		for _, col := range columns {
			want := "404"
			switch {
			case slices.Contains(badTokens, col):
				want = "401"
			case slices.Contains(rd.sees, col):
				want = "200"
			}
			probe.try(ctx, req, tradeID, col, "", want)
		}
	}
	// The commands the walk did not take, tried once the trade is over: the rightful caller gets
	// past the rule (the credit's or payment's state then answers, e.g. 409), every other caller
	// as for the commands above.
	eur := map[string]any{"minor": 100, "currency": "EUR"}
	extra := []struct {
		user, method, url string
		body              any
		sees              []string // nil: any authenticated caller may
		also              string   // another caller the rule lets through
	}{
		{"erik", "POST", p.endpoints.LC + "/v1/letters-of-credit/" + r.LCID + "/amendments", map[string]any{"date": today(), "increase": eur}, creditReaders, "sara"},
		{"joao", "POST", p.endpoints.LC + "/v1/letters-of-credit/" + r.LCID + "/amendments/1/answer", map[string]any{"accepted": true}, creditReaders, ""},
		{"sara", "POST", p.endpoints.LC + "/v1/letters-of-credit/" + r.LCID + "/issue/approval", nil, creditReaders, ""},
		{"joao", "POST", p.endpoints.LC + "/v1/examinations", map[string]any{}, nil, ""},
		{"marta", "POST", p.endpoints.Customs + "/v1/declarations/" + r.ExportID + "/inspection", map[string]any{"result": "passed", "note": "seals intact"}, exportReaders, ""},
		{"ingrid", "POST", p.endpoints.Customs + "/v1/declarations/" + r.ImportID + "/duty-guarantee", map[string]any{"amount": eur, "guarantor": "ESSESESS", "reference": "G-1"}, importReaders, ""},
		{"per", "POST", p.endpoints.Settlement + "/v1/payments/" + r.PaymentID + "/instruction", nil, paymentReaders, ""},
		{"sara", "POST", p.endpoints.Settlement + "/v1/payments/" + r.PaymentID + "/approval", nil, paymentReaders, ""},
	}
	for _, x := range extra {
		var body []byte
		if x.body != nil {
			body, _ = json.Marshal(x.body)
		}
		req := scenario.Request{User: x.user, Method: x.method, URL: x.url, Body: body, ContentType: "application/json"}
		for _, col := range columns {
			want := "403"
			switch {
			case col == x.user || col == x.also || (x.sees == nil && !slices.Contains(badTokens, col)):
				want = "authorised" // past the rule: whatever the state then says
			case slices.Contains(badTokens, col):
				want = "401"
			case !slices.Contains(x.sees, col):
				want = "404"
			}
			probe.try(ctx, req, tradeID, col, x.user, want)
		}
	}
	// The settlement bank's books: its own users and the auditor, nobody else (not a lookup by
	// ID, so 403 rather than 404).
	accounts := scenario.Request{Method: "GET", URL: p.endpoints.Settlement + "/v1/accounts"}
	for _, col := range columns {
		want := "403"
		switch {
		case slices.Contains(badTokens, col):
			want = "401"
		case col == "nils" || col == "audra":
			want = "200"
		}
		probe.try(ctx, accounts, tradeID, col, "", want)
	}
	// The documents of the trade: every authenticated caller gets a list, of what it may see.
	list := p.endpoints.Customs + "/v1/documents?tradeId=" + url.QueryEscape(tradeID)
	for _, col := range columns {
		want := "200"
		if slices.Contains(badTokens, col) {
			want = "401"
		}
		body := probe.try(ctx, scenario.Request{Method: "GET", URL: list}, tradeID, col, "", want)
		if slices.Contains(outsiders, col) && strings.Contains(body, `"sha256"`) {
			t.Errorf("%s sees documents of a trade it is no party to: %s", col, body)
		}
	}
	m.print(t)
}

// prober tries a request as every other caller and asserts each answer.
type prober struct {
	t     *testing.T
	c     *scenario.Client
	m     *matrix
	token tokenOf
	seen  map[string]bool
	made  []scenario.Request // the rightful requests, first of each row
}

func newProber(t *testing.T, c *scenario.Client, m *matrix, token tokenOf) *prober {
	return &prober{t: t, c: c, m: m, token: token, seen: map[string]bool{}}
}

func today() string { return time.Now().UTC().Format(time.DateOnly) }

// command tries a command the scenario is about to make as every caller but its own.
func (p *prober) command(ctx context.Context, req scenario.Request) {
	u, _ := url.Parse(req.URL)
	tradeID := tradeOf(req.URL)
	row := label(req, tradeID)
	if p.seen[row] {
		return // each row once (a step may repeat a request, e.g. transport events)
	}
	p.seen[row] = true
	p.made = append(p.made, req)
	var rule *commandRule
	for i := range commandRules {
		if commandRules[i].method == req.Method && commandRules[i].path.MatchString(u.Path) {
			rule = &commandRules[i]
		}
	}
	if rule == nil {
		p.t.Errorf("no authorisation rule for %s %s: the matrix must cover every command", req.Method, u.Path)
		return
	}
	for _, col := range columns {
		if col == req.User || col == "sara" { // sara, a second officer of the issuing bank, could do what erik does
			continue
		}
		if _, ok := rule.skip[col]; ok {
			continue // shown as not tried
		}
		want := "403"
		switch {
		case slices.Contains(badTokens, col):
			want = "401"
		case rule.sees != nil && !slices.Contains(rule.sees, col):
			want = "404"
		}
		p.try(ctx, req, tradeID, col, req.User, want)
	}
}

// try makes req as col and asserts the answer; it returns the body.
func (p *prober) try(ctx context.Context, req scenario.Request, tradeID, col, rightful, want string) string {
	p.t.Helper()
	status, body, err := p.c.Send(ctx, req, p.token(col, rightful))
	if err != nil {
		p.t.Fatalf("%s as %s: %v", label(req, tradeID), col, err)
	}
	got := fmt.Sprint(status)
	mark := got + " ✓"
	if want == "authorised" && status != 401 && status != 403 && status != 404 {
		want = got
	}
	if got != want {
		mark = got + " ✗"
		p.t.Errorf("%s as %s: %d, want %s: %s", label(req, tradeID), col, status, want, body)
	}
	if status == 401 && !strings.Contains(string(body), `"status":401`) {
		p.t.Errorf("%s as %s: a 401 without a problem document: %s", label(req, tradeID), col, body)
	}
	p.m.set(label(req, tradeID), col, mark)
	return string(body)
}

// badTokenSource gives each column its token: a dev user's, or one of the four kinds the
// services must refuse.
func badTokenSource(ctx context.Context, t *testing.T) tokenOf {
	issuer, aud := testenv.OIDCIssuer(t), testenv.OIDCAudience(t)
	wrongAud, err := signin.ClientCredentials(ctx, issuer, "wrong-audience-client", "wrong-audience-client-dev-secret", "other-api")
	if err != nil {
		t.Fatalf("a token for another audience: %v", err)
	}
	expired, err := signin.ClientCredentials(ctx, issuer, "short-lived-client", "short-lived-client-dev-secret", aud)
	if err != nil {
		t.Fatalf("a short-lived token: %v", err)
	}
	time.Sleep(time.Until(expired.Expiry) + time.Second) // past its expiry; the platform has no leeway
	return func(col, rightful string) string {
		switch col {
		case "no token":
			return ""
		case "expired":
			return expired.AccessToken
		case "wrong aud":
			return wrongAud.AccessToken
		case "bad sig":
			return tamper(testenv.UserToken(t, rightfulOr(rightful)))
		}
		return testenv.UserToken(t, col)
	}
}

func rightfulOr(user string) string {
	if user == "" {
		return "audra" // a read: the auditor's token, re-signed by nobody
	}
	return user
}

// tamper flips one character of the token's signature: same header and claims, a signature the
// issuer's key did not make.
func tamper(jwt string) string {
	i := strings.LastIndexByte(jwt, '.') + 5
	c := byte('A')
	if jwt[i] == 'A' {
		c = 'B'
	}
	return jwt[:i] + string(c) + jwt[i+1:]
}

var tradeInURL = regexp.MustCompile(`T-MATRIX-[0-9.]+`)

func tradeOf(u string) string { return tradeInURL.FindString(u) }

// label names a request in the matrix: method and path with the trade's IDs generalised.
func label(req scenario.Request, tradeID string) string {
	u, _ := url.Parse(req.URL)
	path := u.Path
	if tradeID != "" {
		path = strings.ReplaceAll(path, tradeID, "{trade}")
	}
	path = regexp.MustCompile(`[0-9a-f]{64}`).ReplaceAllString(path, "{sha256}")
	if u.RawQuery != "" {
		path += "?" + strings.ReplaceAll(u.RawQuery, url.QueryEscape(tradeID), "{trade}")
	}
	// Creations on one collection differ by what they create.
	var what struct{ Direction, Kind string }
	if req.Method == "POST" && json.Unmarshal(req.Body, &what) == nil && what.Direction+what.Kind != "" {
		path += " (" + what.Direction + what.Kind + ")"
	}
	return req.Method + " " + path
}
