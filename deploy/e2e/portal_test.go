//go:build !unit

package e2e_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
)

// TestPortalTrade clicks a whole trade through the web portal in headless Chromium, each step by
// the dev user whose step it is, each signed in through the identity provider: the importer
// applies (first with the amount left out: the LC API's problem is shown next to the field), the
// issuing bank issues, the advising bank advises, the exporter accepts, registers its documents
// (files hashed) and declares the export, export customs clears it, the carrier issues the bill
// of lading and reports the voyage, the exporter presents without the on-board notation, the bank
// desk shows the refusal with its UCP 600 article, the importer waives, the issuing bank accepts
// the waiver and honours, the settlement bank reports the payment settled, the importer declares
// the import and pays the duty import customs assessed, and customs releases the goods. The
// importer's trade page, left open, turns CLOSED by itself with every milestone and its Fabric
// transaction.
func TestPortalTrade(t *testing.T) {
	p := startPlatform(t)
	base := startPortal(t, p)
	browserFor := newBrowsers(t)
	tradeID := "PT-" + time.Now().UTC().Format("150405.000")
	trade := "/trades/" + tradeID
	as := func(user string) *browser {
		b := browserFor(user)
		b.signIn(base)
		return b
	}

	ingrid := as("ingrid")
	ingrid.open("/credits/new")
	fill := func(b *browser, fields map[string]string) {
		t.Helper()
		for sel, v := range fields {
			b.run("fill "+sel, chromedp.SetValue(chromedp.CSS(sel), v))
		}
	}
	application := map[string]string{"#f-trade": tradeID, "#f-ben-id": "5493002AZULEJOSLX028", "#f-ben-name": "Azulejos Lisboa Lda",
		"#f-issuing": "ESSESESS", "#f-advising": "BCOMPTPL", "#f-place": "Lisbon", "#f-pol": "PTLIS", "#f-pod": "SEGOT",
		"#f-goods": "ceramic floor tiles", "#f-qty": "1200", "#f-iban": "PT50000201231234567890154", "#f-acccur": "USD"}
	fill(ingrid, application)
	ingrid.submit("#apply", "#problem")
	if reason := ingrid.textOf("#e-amount"); reason == "" {
		t.Fatalf("the refused application shows no reason next to the amount; page: %s", ingrid.text())
	}
	ingrid.screenshot("credit-application-refused")
	fill(ingrid, map[string]string{"#f-amount": "84000.00"})
	ingrid.submit("#apply", "#trade-id")

	erik := as("erik")
	erik.waitFor(trade, "#do-issue")
	erik.submit("#do-issue", "#flash")

	ana := as("ana")
	ana.waitFor(trade, "#do-advise")
	ana.submit("#do-advise", "#flash")

	joao := as("joao")
	joao.waitFor(trade, "#do-accept")
	joao.submit("#do-accept", "#flash")

	// An amendment needs the beneficiary's consent (UCP 600 Art. 10): the issuing bank proposes
	// one (an empty one is refused with the API's reason), the exporter rejects it, the terms stand.
	erik.waitFor(trade, "#do-amend")
	erik.submit("#do-amend", "#problem")
	if p := erik.textOf("#problem"); !strings.Contains(p, "nothing to change") {
		t.Fatalf("an amendment that changes nothing: %s", p)
	}
	fill(erik, map[string]string{"#am-shipment": time.Now().UTC().AddDate(0, 0, 40).Format(time.DateOnly)})
	erik.submit("#do-amend", "#flash")
	ana.waitFor(trade, "#do-amendment-advice") // the advising bank advises it first (UCP 600 Art. 9(d))
	ana.submit("#do-amendment-advice", "#flash")
	joao.waitFor(trade, "#do-amendment-answer")
	joao.run("reject the amendment", chromedp.Click(chromedp.CSS(`input[name="accepted"][value="no"]`)))
	joao.submit("#do-amendment-answer", "#flash")
	erik.waitFor(trade, "#amendments")
	if row := erik.textOf("#amendments tbody"); !strings.Contains(row, "REJECTED") || !strings.Contains(row, "latest shipment") {
		t.Fatalf("the bank desk shows the amendment as %q, want it REJECTED", row)
	}
	dir := t.TempDir()
	for _, kind := range []string{"commercial_invoice", "packing_list", "certificate_of_origin"} {
		file := filepath.Join(dir, kind+".pdf")
		if err := os.WriteFile(file, []byte(kind+" of trade "+tradeID+" by Azulejos Lisboa Lda"), 0o600); err != nil {
			t.Fatal(err)
		}
		joao.waitFor(trade, "#do-register")
		joao.run("choose "+kind, chromedp.SetValue(chromedp.CSS("#doc-kind"), kind), chromedp.SetUploadFiles(chromedp.CSS("#doc-file"), []string{file}))
		joao.submit("#do-register", "#flash")
		if !strings.Contains(joao.textOf("#flash"), "SHA-256") {
			t.Fatalf("registering %s: %s", kind, joao.textOf("#flash"))
		}
	}
	joao.waitFor(trade, "#do-export")
	joao.submit("#do-export", "#flash")

	marta := as("marta")
	marta.waitFor("/declarations", `#queue a[href="/declarations/EXP-`+tradeID+`"]`)
	marta.screenshot("customs-queue")
	marta.open("/declarations/EXP-" + tradeID)
	marta.submit("#do-clearance", "#flash")

	mads := as("mads")
	mads.open("/shipments/new?trade=" + tradeID)
	bl := filepath.Join(dir, "bill_of_lading.pdf")
	if err := os.WriteFile(bl, []byte("bill of lading of trade "+tradeID+" by Maersk"), 0o600); err != nil {
		t.Fatal(err)
	}
	fill(mads, map[string]string{"#bl-number": "MAEU" + strings.ReplaceAll(tradeID[3:], ".", ""), "#bl-vessel": "MAERSK LISBOA", "#bl-voyage": "245N",
		"#bl-pol": "PTLIS", "#bl-pod": "SEGOT", "#bl-shipper": "5493002AZULEJOSLX028", "#bl-consignee": "5493001NORDICIMP0058"})
	mads.run("attach the B/L", chromedp.SetUploadFiles(chromedp.CSS("#bl-file"), []string{bl}))
	mads.submit("#do-issue-bl", "#bl")
	start := time.Now().UTC().Add(-4 * time.Hour)
	for i, ev := range []struct{ code, loc string }{{"LOAD", "PTLIS"}, {"DEPA", "PTLIS"}, {"ARRI", "SEGOT"}, {"DISC", "SEGOT"}} {
		fill(mads, map[string]string{"#ev-code": ev.code, "#ev-class": "ACT", "#ev-loc": ev.loc,
			"#ev-time": start.Add(time.Duration(i) * time.Hour).Format("2006-01-02T15:04")})
		mads.submit("#do-report-event", "#flash")
	}
	if n := mads.count("#transport-events tbody tr"); n != 4 {
		t.Fatalf("the shipment shows %d transport events, want 4", n)
	}

	// The bill of lading lacks its on-board notation: UCP 600 Art. 20(a)(ii).
	joao.waitFor(trade, "#do-present")
	joao.run("no on-board notation", chromedp.Click(chromedp.CSS("#p-onboard")))
	if eval[bool](joao, `document.querySelector("#p-onboard").checked`) {
		t.Fatal("the on-board notation is still ticked")
	}
	joao.submit("#do-present", "#flash")
	if !strings.Contains(joao.textOf("#flash"), "queued") {
		t.Fatalf("the discrepant presentation: %s", joao.textOf("#flash"))
	}
	// The issuing bank's examiner decides: refuse, the documents held pending the waiver.
	erik.waitFor(trade, "#do-examination")
	erik.run("refuse", chromedp.Click(chromedp.CSS(`input[name="decision"][value="REFUSE"]`)))
	erik.submit("#do-examination", "#flash")

	erik.waitFor(trade, "table.discrepancies")
	if desk := erik.textOf("#credit"); !strings.Contains(desk, "UCP 600 Art. 20(a)(ii)") || !strings.Contains(desk, "refused") || !strings.Contains(desk, "MT734") {
		t.Fatalf("the bank desk shows no refusal under UCP 600 Art. 20(a)(ii) with its MT734: %s", desk)
	}
	// Presented today, the deadline is five banking days following (UCP 600 Art. 14(b)); the
	// portal counts weekdays, so a holiday or a weekend presentation may add one or two.
	if countdown := erik.textOf("#countdown-P-1"); !regexp.MustCompile(`^[5-7] banking days left$`).MatchString(countdown) {
		t.Fatalf("the bank desk counts down %q to the examination deadline, want 5 (to 7) banking days left", countdown)
	}
	erik.screenshot("bank-desk-examination")

	ingrid.waitFor(trade, "#do-waive")
	ingrid.submit("#do-waive", "#flash")
	erik.waitFor(trade, "#do-waiver-decision")
	erik.submit("#do-waiver-decision", "#flash")

	nils := as("nils")
	nils.waitFor(trade, "#do-settled")
	nils.submit("#do-settled", "#flash")

	ingrid.waitFor(trade, "#do-import")
	ingrid.submit("#do-import", "#flash")
	lars := as("lars")
	lars.waitFor("/declarations/IMP-"+tradeID, "#do-duty-assessment")
	lars.submit("#do-duty-assessment", "#duty")
	ingrid.waitFor(trade, "#do-pay-duty")
	// The guarantee's reference is an identifier: customs refuses one with spaces, and the page
	// shows its problem details next to that field. The importer then pays instead.
	fill(ingrid, map[string]string{"#g-guarantor": "Nordea Bank Abp", "#g-ref": "GRN with spaces"})
	ingrid.submit("#do-guarantee-duty", "#problem")
	if reason := ingrid.textOf("#e-g-ref"); reason == "" || ingrid.textOf("#e-g-guarantor") != "" {
		t.Fatalf("the guarantee's refusal is not shown next to its reference field: %q\npage: %s", reason, ingrid.text())
	}
	ingrid.submit("#do-pay-duty", "#flash")

	// The importer's page stays open: htmx polling turns it CLOSED without a reload.
	ingrid.open(trade)
	lars.waitFor("/declarations/IMP-"+tradeID, "#do-release")
	lars.submit("#do-release", "#flash")
	ingrid.run("the trade closes on the open page", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[bool](`document.querySelector("#trade-status") && document.querySelector("#trade-status").innerText === "CLOSED"`,
			chromedp.WithPollingTimeout(2*time.Minute))(ctx, tg)
		return err
	}))
	// The amendment joao rejected was issued, which binds the issuing bank (Art. 10(b)): LC_AMENDMENT_ISSUED.
	want := []string{"LC_APPLIED", "LC_ISSUED", "LC_ADVISED", "LC_ACCEPTED", "LC_AMENDMENT_ISSUED", "EXPORT_CLEARED", "SHIPPED", "DOCUMENTS_PRESENTED",
		"DOCUMENTS_REFUSED", "DISCREPANCY_WAIVED", "HONOURED", "SETTLED", "IMPORT_RELEASED", "CLOSED"}
	rows := eval[[]struct{ Name, Block, Tx string }](ingrid, `[...document.querySelectorAll("#milestones tr.milestone")].map(r => ({Name: r.dataset.name, Block: r.cells[4].innerText, Tx: r.cells[5].innerText}))`)
	if len(rows) != len(want) {
		t.Fatalf("the trade page shows %d milestones, want %d: %+v", len(rows), len(want), rows)
	}
	for i, r := range rows {
		if r.Name != want[i] || r.Block == "" || r.Block == "0" || len(r.Tx) != 64 {
			t.Errorf("milestone %d: %+v, want %s with its block and Fabric transaction", i+1, r, want[i])
		}
	}
	ingrid.screenshot("trade-page-closed")
	fmt.Fprintf(os.Stderr, "trade %s closed through the portal\n", tradeID)

	// The auditor reads the trade and is offered nothing to do.
	audra := as("audra")
	audra.open(trade)
	if audra.textOf("#trade-status") != "CLOSED" || audra.has("#actions") || !audra.has("#payment") {
		t.Fatalf("the auditor's view of the trade: %s", audra.text())
	}
	// The auditor verifies the chain: the ledger, read through other organisations' peers, and
	// the services' events agree on every milestone.
	// The click's navigation is waited for, not raced by another: a second navigation while the
	// page still loads aborts one of them (net::ERR_ABORTED).
	audra.run("verify the chain", chromedp.Click(chromedp.CSS("#verify-chain")), chromedp.WaitVisible(chromedp.CSS("#chain-verdict")))
	if v := audra.textOf("#chain-verdict"); !strings.HasPrefix(v, "The chain verifies") || audra.has("tr.link-red") || !audra.has("tr.link-green") {
		t.Fatalf("the auditor's chain check: %s\npage: %s", v, audra.text())
	}
	audra.screenshot("auditor-chain-verified")
	// Tampered with, the LC service's copy of the trade's first event no longer hashes to what
	// the ledger holds: that link turns red, and so does the verdict.
	tamperFirstEvent(t, p.stores["lc"], tradeID)
	audra.open("/trades/" + tradeID + "/verification")
	if v := audra.textOf("#chain-verdict"); !strings.HasPrefix(v, "The chain does not verify") || !audra.has("tr.link-red") {
		t.Fatalf("the chain check after tampering: %s\npage: %s", v, audra.text())
	}
	audra.screenshot("auditor-chain-tampered")
	// An organisation party to nothing: the page says there is no such trade, and the API
	// refuses it as well (404, as for a trade that never existed).
	olga := as("olga")
	olga.open(trade)
	if !strings.Contains(olga.textOf("#problem"), "Trade not found") || olga.has("#milestones") {
		t.Fatalf("an outsider sees the trade: %s", olga.text())
	}
	olga.screenshot("outsider-trade-not-found")
	if _, err := p.client(t).Timeline(context.Background(), tradeID); err != nil {
		t.Fatalf("the trade view as the importer: %v", err)
	}
	var none struct{}
	var refused *scenario.Error
	if err := p.client(t).Get(context.Background(), p.endpoints.Trades+"/v1/trades/"+tradeID, "olga", &none); !errors.As(err, &refused) || refused.Status != http.StatusNotFound {
		t.Fatalf("the trade view answered the outsider: %v", err)
	}
}

// TestPortalSignsInEveryRole: each dev user of every kind of organisation signs in through the
// identity provider and sees their organisation and roles in the header; signing out ends the
// session, and the next sign-in asks for the password again.
func TestPortalSignsInEveryRole(t *testing.T) {
	p := startPlatform(t)
	base := startPortal(t, p)
	browserFor := newBrowsers(t)
	users := []struct{ user, org, roles string }{
		{"ingrid", "5493001NORDICIMP0058", "trader"}, {"joao", "5493002AZULEJOSLX028", "trader"},
		{"erik", "ESSESESS", "trade-officer"}, {"sara", "ESSESESS", "trade-officer, approver"}, {"per", "ESSESESS", "payments-officer"},
		{"ana", "BCOMPTPL", "trade-officer"}, {"nils", "NCLRSESS", "payments-officer"},
		{"marta", "PT000100", "customs-officer"}, {"lars", "SE000100", "customs-officer"},
		{"mads", "MAEU", "carrier-agent"}, {"audra", "TRADEREG", "auditor"}, {"olga", "5493003OTHERTRAD0029", "trader"},
	}
	for _, u := range users {
		b := browserFor(u.user)
		b.signIn(base)
		if org, roles := b.textOf("#user-org"), b.textOf("#user-roles"); !strings.Contains(org, u.org) || roles != u.roles {
			t.Errorf("%s's header: organisation %q, roles %q; want %s and %q", u.user, org, roles, u.org, u.roles)
		}
		if u.user == "marta" {
			b.screenshot("header-customs-officer")
		}
	}
	b := browserFor("erik")
	b.signIn(base)
	b.submit("#sign-out", "#signed-out")
	b.open("/trades")
	b.run("the password is asked again", chromedp.WaitVisible(chromedp.CSS("#password")))
}

// count is how many elements match selector.
func (b *browser) count(selector string) int {
	return eval[int](b, fmt.Sprintf(`document.querySelectorAll(%q).length`, selector))
}

// tamperFirstEvent changes one value of the trade's first event in a service's outbox (its
// PostgreSQL event store at dsn): the first string in the event's data gets a character more.
func tamperFirstEvent(t *testing.T, dsn, tradeID string) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var seq int64
	var payload []byte
	if err := db.QueryRow(`SELECT seq, payload FROM outbox WHERE key = $1 ORDER BY seq LIMIT 1`, tradeID).Scan(&seq, &payload); err != nil {
		t.Fatalf("the trade's first event in the service's outbox: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(payload, &doc); err != nil {
		t.Fatalf("the outbox payload: %v", err)
	}
	target := doc
	if data, ok := doc["data"].(map[string]any); ok {
		target = data
	}
	keys := slices.Sorted(maps.Keys(target))
	tampered := false
	for _, k := range keys {
		if s, ok := target[k].(string); ok && s != "" {
			target[k], tampered = s+"x", true
			break
		}
	}
	if !tampered {
		t.Fatalf("no string to tamper with in %s", payload)
	}
	changed, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE outbox SET payload = $1 WHERE seq = $2`, changed, seq); err != nil {
		t.Fatal(err)
	}
}
