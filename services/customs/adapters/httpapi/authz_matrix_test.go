package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// cell is one caller's attempt at an endpoint and the answer it must get. listsNothing: a 200
// whose list is empty (a list answers only what the caller may see).
type cell struct {
	who          string
	want         int
	listsNothing bool
}

// endpoint is one row of the matrix: the call, the resource's own party, the same role of
// another party, a party of the resource without the right (a command's 403 naming the rule),
// a caller creating under an ID a resource it may not see holds, and the auditor. missing is the
// same call on a resource that does not exist: an unseen one must be answered word for word like
// it.
type endpoint struct {
	name, method, path string
	body, otherBody    any // otherBody: what the other party sends, when not body
	missing            string
	missingBody        any // a create's: the same request on a trade customs does not know (T-0)
	right, other       cell
	party              string // a party of the resource without the right: 403 naming the rule
	taken              string // creates its own resource under the ID once the right party holds it
	takenBody          any    // what taken sends, when not otherBody
	auditor            int
	rightFirst         bool   // the other party's attempt needs the resource to exist
	before             func() // sets up what the row acts on
}

// TestAuthorisationMatrix calls every customs endpoint as the party the resource names (2xx),
// as the same role of another party (404 for a command or a read of a resource it may not see,
// word for word as if the resource did not exist; 403 naming the rule for a create), as a party
// of the resource without the right (403 naming the rule), as a caller creating under an ID held
// by a resource it may not see (403, one answer naming neither the resource nor its parties), as
// the auditor (reads everything, changes nothing: 403 naming the rule for a command) and as
// nobody (401 with a Bearer challenge); a refused call records nothing. It prints the matrix.
func TestAuthorisationMatrix(t *testing.T) {
	ctx := context.Background()
	events := testenv.EventStores()["sqlite"](t) // the rules do not depend on the store
	c := newServer(t, events)
	recorded := func() [2]int {
		p, err := events.PendingOutbox(ctx, 10_000)
		if err != nil {
			t.Fatal(err)
		}
		all, err := events.ReadAll(ctx, 0, 10_000)
		if err != nil {
			t.Fatal(err)
		}
		return [2]int{len(all), len(p)}
	}
	docs := map[string]string{}
	register := func(who, kind string) string {
		out := c.must(201, who, "POST", "/v1/documents", map[string]any{"tradeId": "T-1", "kind": kind, "issuer": "I", "issueDate": "2026-11-20", "content": []byte(kind)})
		docs[kind] = out["sha256"].(string)
		return docs[kind]
	}
	for _, k := range []string{"commercial_invoice", "packing_list", "certificate_of_origin"} {
		register("exporter", k)
	}
	export := declarationBody("EXP-1", "export", docs["commercial_invoice"], docs["packing_list"], docs["certificate_of_origin"])
	event := map[string]any{"eventCode": "LOAD", "classifier": "ACT", "location": "PTLIS", "eventTime": "2026-11-22T08:00:00Z"}
	duty := map[string]any{"minor": 420000, "currency": "EUR"} // 84,000.00 EUR of tiles at 5 %
	other := func(who string, want int) cell { return cell{who: who, want: want} }
	// Someone's own import of trade, lodged under an ID (no declarant: the caller's organisation).
	importOf := func(id, trade string) map[string]any {
		return map[string]any{"id": id, "tradeId": trade, "direction": "import", "customsOffice": "SE000100", "originCountry": "PT", "destinationCountry": "SE",
			"lines": []any{map[string]any{"hsCode": "690721", "customsValue": duty}}}
	}
	document := func(trade, kind, content string) map[string]any {
		return map[string]any{"tradeId": trade, "kind": kind, "issuer": "Fidelidade", "issueDate": "2026-11-20", "content": []byte(content)}
	}
	policy := document("T-1", "insurance_document", "policy")

	rows := []endpoint{
		// Only the exporter registers the trade's documents, and carriers bills of lading: the
		// one that could take the policy's ID is a carrier registering the same content as a B/L.
		{name: "register a document", method: "POST", path: "/v1/documents", body: policy,
			right: cell{"exporter", 201, false}, other: other("export-customs", 403), party: "importer", auditor: 403, taken: "other-carrier",
			takenBody: document("T-1", "bill_of_lading", "policy")},
		// A trade is its credit's parties': to anyone else, it does not exist.
		{name: "register a document, a stranger", method: "POST", path: "/v1/documents", body: document("T-1", "insurance_document", "policy 2"),
			missingBody: document("T-0", "insurance_document", "policy 2"), right: cell{"exporter", 201, false}, other: other("outsider", 404), auditor: 403},
		{name: "verify a document", method: "GET", path: "/v1/documents/" + docs["packing_list"], missing: "/v1/documents/" + strings.Repeat("0", 64),
			right: cell{"exporter", 200, false}, other: other("outsider", 404), auditor: 200},
		{name: "list a trade's documents", method: "GET", path: "/v1/documents?tradeId=T-1",
			right: cell{"exporter", 200, false}, other: cell{"outsider", 200, true}, auditor: 200},
		{name: "lodge the export", method: "POST", path: "/v1/declarations", body: export,
			right: cell{"exporter", 201, false}, other: other("outsider", 403), party: "importer", auditor: 403, taken: "importer", takenBody: importOf("EXP-1", "T-1")},
		{name: "read the export", method: "GET", path: "/v1/declarations/EXP-1", missing: "/v1/declarations/EXP-0",
			right: cell{"export-customs", 200, false}, other: other("import-customs", 404), auditor: 200},
		{name: "inspect the export", method: "POST", path: "/v1/declarations/EXP-1/inspection", missing: "/v1/declarations/EXP-0/inspection", body: map[string]any{"result": "passed"},
			right: cell{"export-customs", 200, false}, other: other("import-customs", 404), party: "exporter", auditor: 403},
		{name: "clear the export", method: "POST", path: "/v1/declarations/EXP-1/clearance", missing: "/v1/declarations/EXP-0/clearance",
			right: cell{"export-customs", 200, false}, other: other("import-customs", 404), party: "exporter", auditor: 403},
		{name: "issue the B/L", method: "POST", path: "/v1/shipments", before: func() { register("carrier", "bill_of_lading") },
			right: cell{"carrier", 201, false}, other: other("exporter", 403), auditor: 403, taken: "other-carrier"},
		{name: "read the shipment", method: "GET", path: "/v1/shipments/SHP-1", missing: "/v1/shipments/SHP-0",
			right: cell{"carrier", 200, false}, other: other("other-carrier", 404), auditor: 200},
		{name: "report a transport event", method: "POST", path: "/v1/shipments/SHP-1/events", missing: "/v1/shipments/SHP-0/events", body: event,
			right: cell{"carrier", 200, false}, other: other("other-carrier", 404), party: "export-customs", auditor: 403},
		{name: "lodge the import", method: "POST", path: "/v1/declarations", body: declarationBody("IMP-1", "import", docs["commercial_invoice"]),
			otherBody: importOf("IMP-X", "T-1"), missingBody: importOf("IMP-X", "T-0"),
			right: cell{"importer", 201, false}, other: other("outsider", 404), auditor: 403},
		{name: "read the import", method: "GET", path: "/v1/declarations/IMP-1", missing: "/v1/declarations/IMP-0",
			right: cell{"importer", 200, false}, other: other("outsider", 404), auditor: 200},
		{name: "assess the import's duty", method: "POST", path: "/v1/declarations/IMP-1/duty-assessment", missing: "/v1/declarations/IMP-0/duty-assessment",
			right: cell{"import-customs", 200, false}, other: other("export-customs", 404), party: "importer", auditor: 403},
		{name: "pay the duty", method: "POST", path: "/v1/declarations/IMP-1/duty-payment", missing: "/v1/declarations/IMP-0/duty-payment",
			body:  map[string]any{"amount": duty, "reference": "R1"},
			right: cell{"importer", 200, false}, other: other("outsider", 404), party: "import-customs", auditor: 403},
		{name: "guarantee the duty", method: "POST", path: "/v1/declarations/IMP-2/duty-guarantee", missing: "/v1/declarations/IMP-0/duty-guarantee",
			body: map[string]any{"amount": duty, "guarantor": "SEB", "reference": "G1"},
			before: func() {
				c.must(201, "importer", "POST", "/v1/declarations", declarationBody("IMP-2", "import"))
				c.must(200, "import-customs", "POST", "/v1/declarations/IMP-2/duty-assessment", nil)
			},
			right: cell{"importer", 200, false}, other: other("outsider", 404), party: "import-customs", auditor: 403},
		{name: "release the goods", method: "POST", path: "/v1/declarations/IMP-1/release", missing: "/v1/declarations/IMP-0/release",
			right: cell{"import-customs", 200, false}, other: other("export-customs", 404), party: "importer", auditor: 403},
	}
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "endpoint\tcall\tits party\tanother party\tparty without the right\tID taken, unseen\tauditor\tnobody")
	var takenAnswers []string
	for _, e := range rows {
		if e.before != nil {
			e.before()
		}
		if e.path == "/v1/shipments" {
			e.body = shipmentBody("SHP-1", docs["bill_of_lading"])
			e.otherBody = shipmentBody("SHP-1", "") // a B/L the exporter may not issue
			e.takenBody = shipmentBody("SHP-1", "") // the other carrier's own B/L under the same ID
		}
		if e.otherBody == nil {
			e.otherBody = e.body
		}
		if e.takenBody == nil {
			e.takenBody = e.otherBody
		}
		refused := func(who string, body any, want cell) map[string]any {
			t.Helper()
			n := recorded()
			out := c.check(e, who, body, want)
			if got := recorded(); got != n {
				t.Errorf("%s as %q: refused, yet events %v recorded (before: %v)", e.name, who, got, n)
			}
			return out
		}
		refused("", e.body, cell{want: http.StatusUnauthorized})
		if !e.rightFirst {
			refused(e.other.who, e.otherBody, e.other)
		}
		if e.method == "GET" {
			c.check(e, "auditor", nil, cell{who: "auditor", want: e.auditor})
		} else {
			refused("auditor", e.body, cell{who: "auditor", want: e.auditor})
		}
		if e.party != "" {
			refused(e.party, e.body, cell{who: e.party, want: http.StatusForbidden})
		}
		c.check(e, e.right.who, e.body, e.right)
		if e.rightFirst {
			refused(e.other.who, e.otherBody, e.other)
		}
		if e.taken != "" {
			out := refused(e.taken, e.takenBody, cell{who: e.taken, want: http.StatusForbidden})
			takenAnswers = append(takenAnswers, fmt.Sprint(out["title"], ": ", out["detail"]))
			for _, leak := range []string{"EXP-1", "SHP-1", docs["commercial_invoice"], "5493002AZULEJOSLX028", "MAEU", "declarant", "carrier", "exists"} {
				if strings.Contains(fmt.Sprint(out["detail"]), leak) {
					t.Errorf("%s as %q under a taken ID: %q tells of the stored resource (%s)", e.name, e.taken, out["detail"], leak)
				}
			}
		}
		otherAnswer := fmt.Sprint(e.other.want)
		if e.other.listsNothing {
			otherAnswer = "200 (empty)"
		}
		party, taken := "-", "-"
		if e.party != "" {
			party = e.party + " 403"
		}
		if e.taken != "" {
			taken = e.taken + " 403"
		}
		fmt.Fprintf(tw, "%s\t%s %s\t%s %d\t%s %s\t%s\t%s\t%d\t401\n", e.name, e.method, strings.ReplaceAll(e.path, docs["packing_list"], "{sha256}"),
			e.right.who, e.right.want, e.other.who, otherAnswer, party, taken, e.auditor)
	}
	_ = tw.Flush()
	// A create under a taken ID gets one answer, whatever the resource and whoever holds it.
	if len(takenAnswers) != 3 || takenAnswers[0] != takenAnswers[1] || takenAnswers[1] != takenAnswers[2] {
		t.Errorf("creates under a taken ID: %q, want one answer", takenAnswers)
	}
	t.Logf("authorisation matrix of the customs API:\n%s", table.String())
}

// check makes one call of row e and asserts its answer: the status; a rule named in a 403; a
// 404 word for word that of the same call on a resource that does not exist; an empty list.
func (c client) check(e endpoint, who string, body any, want cell) map[string]any {
	c.t.Helper()
	code, out := c.do(who, e.method, e.path, body)
	if code != want.want {
		c.t.Errorf("%s as %q: %d %v, want %d", e.name, who, code, out, want.want)
		return out
	}
	switch {
	case code == http.StatusForbidden && (out["detail"] == nil || out["detail"] == ""):
		c.t.Errorf("%s as %q: a 403 naming no rule: %v", e.name, who, out)
	case code == http.StatusNotFound:
		var missing map[string]any
		var id, missingID string
		switch {
		case e.missingBody != nil:
			_, missing = c.do(who, e.method, e.path, e.missingBody)
			id, missingID = "T-1", "T-0"
		case e.missing != "":
			_, missing = c.do(who, e.method, e.missing, body)
			id, missingID = differingSegment(e.path, e.missing)
		default:
			c.t.Fatalf("%s: a 404 row names no missing resource to compare with", e.name)
		}
		if missing["status"] != out["status"] || missing["title"] != out["title"] || strings.ReplaceAll(fmt.Sprint(missing["detail"]), missingID, id) != out["detail"] {
			c.t.Errorf("%s as %q: unseen %v, missing %v: they must not differ", e.name, who, out, missing)
		}
	case want.listsNothing:
		if docs, ok := out["documents"].([]any); !ok || len(docs) != 0 {
			c.t.Errorf("%s as %q: lists %v, want nothing", e.name, who, out["documents"])
		}
	case code == http.StatusOK && e.path == "/v1/documents?tradeId=T-1":
		if docs, _ := out["documents"].([]any); len(docs) != 5 {
			c.t.Errorf("%s as %q: %d documents, want the trade's 5", e.name, who, len(docs))
		}
	}
	return out
}

// differingSegment is the path segment in which path and missing differ: the resource's ID and
// the missing one's.
func differingSegment(path, missing string) (string, string) {
	a, b := strings.Split(path, "/"), strings.Split(missing, "/")
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i], b[i]
		}
	}
	return "", ""
}
