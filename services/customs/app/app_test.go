package app_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/adapters/tariff"
	"github.com/tradefin/tradefin/services/customs/app"
	"github.com/tradefin/tradefin/services/customs/app/command"
	"github.com/tradefin/tradefin/services/customs/domain"
)

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// kindOf is the kind of an application error (domain.KindInternal for none).
func kindOf(err error) domain.Kind { return domain.KindOf(err) }

// testWait is how long a creation on a trade waits for it here: the trades are opened first.
const testWait = 200 * time.Millisecond

// openTrade has customs learn a trade of Nordic (applicant) and Azulejos (beneficiary), as the
// lc.applied.v1 consumer does: through the inbox, in its transaction.
func openTrade(t *testing.T, events eventstore.Store, trade string) {
	t.Helper()
	_, err := events.HandleOnce(context.Background(), "test", "applied-"+trade, func(ctx context.Context, tx eventstore.Tx) error {
		return command.OpenTradeHandler{Trades: store.TradesIn(tx)}.Handle(ctx, domain.TradeOpened{TradeID: trade, LCID: "LC-" + trade,
			Applicant: ingrid.Org, Beneficiary: joao.Org, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL"})
	})
	if err != nil {
		t.Fatalf("open trade %s: %v", trade, err)
	}
}

// Dev directory parties: the exporter, the importer, Lisbon's and Gothenburg's customs, Maersk.
var (
	joao   = identity.Actor{Org: "5493002AZULEJOSLX028", OrgKind: identity.Trader, Subject: "joao", Client: "portal", Roles: []string{identity.RoleTrader}}
	ingrid = identity.Actor{Org: "5493001NORDICIMP0058", OrgKind: identity.Trader, Subject: "ingrid", Client: "portal", Roles: []string{identity.RoleTrader}}
	marta  = identity.Actor{Org: "PT000100", OrgKind: identity.Customs, Subject: "marta", Client: "portal", Roles: []string{identity.RoleCustomsOfficer}}
	lars   = identity.Actor{Org: "SE000100", OrgKind: identity.Customs, Subject: "lars", Client: "portal", Roles: []string{identity.RoleCustomsOfficer}}
	mads   = identity.Actor{Org: "MAEU", OrgKind: identity.Carrier, Subject: "mads", Client: "portal", Roles: []string{identity.RoleCarrierAgent}}
)

func setup(t *testing.T, a app.Application, trade string) map[domain.DocumentKind]string {
	t.Helper()
	docs := map[domain.DocumentKind]string{}
	for _, k := range []domain.DocumentKind{domain.CommercialInvoice, domain.PackingList, domain.CertificateOfOrigin, domain.BillOfLading} {
		sha := sum(string(k) + trade)
		by := joao
		if k == domain.BillOfLading {
			by = mads
		}
		if _, isNew, err := a.Commands.RegisterDocument.Handle(context.Background(), by, domain.DocumentRegistered{SHA256: sha, TradeID: trade, Kind: k,
			Issuer: "issuer", IssueDate: "2026-11-20"}); err != nil || !isNew {
			t.Fatalf("register %s: new %v, %v", k, isNew, err)
		}
		docs[k] = sha
	}
	return docs
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func lodgement(id, trade string, dir domain.Direction, hs, origin string, docs ...string) domain.DeclarationLodged {
	office := map[domain.Direction]string{domain.Export: "PT000100", domain.Import: "SE000100"}[dir]
	return domain.DeclarationLodged{ID: id, TradeID: trade, Direction: dir, CustomsOffice: office, OriginCountry: origin, DestinationCountry: "DE",
		Lines:     []domain.Line{{HSCode: hs, Description: "goods", CustomsValue: money.New(1_000_000, money.MustCurrency("EUR"))}},
		Documents: docs}
}

// TestUseCases runs the use cases that need more than one aggregate, and the decisions off the
// green lane, on SQLite and PostgreSQL.
func TestUseCases(t *testing.T) {
	ctx := context.Background()
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			a := app.New(store.New(events), tariff.Excerpt(), testWait)
			openTrade(t, events, "T-1")
			openTrade(t, events, "T-2")
			docs := setup(t, a, "T-1")
			exportDocs := []string{docs[domain.CommercialInvoice], docs[domain.PackingList], docs[domain.CertificateOfOrigin]}
			other := setup(t, a, "T-2")

			t.Run("a trade is its credit's parties': nobody else creates on it, and to them it does not exist", func(t *testing.T) {
				olga := identity.Actor{Org: "5493003OTHERTRAD0029", OrgKind: identity.Trader, Subject: "olga", Roles: []string{identity.RoleTrader}}
				invoice := func(trade, content string) domain.DocumentRegistered {
					return domain.DocumentRegistered{SHA256: sum(content), TradeID: trade, Kind: domain.CommercialInvoice, Issuer: "Olga AB", IssueDate: "2026-11-20"}
				}
				began := time.Now()
				_, _, stranger := a.Commands.RegisterDocument.Handle(ctx, olga, invoice("T-1", "olga's invoice"))
				if waited := time.Since(began); waited < testWait {
					t.Errorf("a stranger was answered in %v, before the wait of %v: the timing tells the trade exists", waited, testWait)
				}
				_, _, unknown := a.Commands.RegisterDocument.Handle(ctx, olga, invoice("T-UNKNOWN", "olga's invoice"))
				if kindOf(stranger) != domain.KindNotFound || toJSON(stranger) != strings.ReplaceAll(toJSON(unknown), "T-UNKNOWN", "T-1") {
					t.Errorf("a stranger's document on the trade: %v; on a trade customs does not know: %v", stranger, unknown)
				}
				if got, _ := a.Queries.DocumentsOfTrade(ctx, joao, "T-1"); len(got) != 3 { // its three; the carrier's B/L is not its to see yet
					t.Errorf("the trade's documents after the stranger's: %d", len(got))
				}
				// Parties of the trade in another role are told the rule.
				if _, _, err := a.Commands.RegisterDocument.Handle(ctx, ingrid, invoice("T-1", "ingrid's invoice")); kindOf(err) != domain.KindForbidden {
					t.Errorf("the importer registers the exporter's invoice: %v", err)
				}
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, joao, lodgement("I-JOAO", "T-1", domain.Import, "690721", "PT")); kindOf(err) != domain.KindForbidden {
					t.Errorf("the exporter declares the import: %v", err)
				}
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, ingrid, lodgement("E-INGRID", "T-1", domain.Export, "690721", "PT")); kindOf(err) != domain.KindForbidden {
					t.Errorf("the importer declares the export: %v", err)
				}
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, olga, lodgement("E-OLGA", "T-1", domain.Export, "690721", "PT")); kindOf(err) != domain.KindNotFound {
					t.Errorf("a stranger declares the export: %v", err)
				}
				bl := domain.BillOfLadingIssued{ID: "S-OLGA", TradeID: "T-1", BLNumber: "MAEU9", OnBoardDate: "2026-11-21", Vessel: "V", Voyage: "1",
					PortOfLoading: "PTLIS", PortOfDischarge: "SEGOT", Shipper: olga.Org, Consignee: ingrid.Org}
				if _, _, err := a.Commands.Shipments.IssueBillOfLading(ctx, mads, bl); kindOf(err) != domain.KindForbidden {
					t.Errorf("a B/L of the trade naming a stranger as shipper: %v", err)
				}
				bl.TradeID, bl.Shipper = "T-UNKNOWN", ""
				if _, _, err := a.Commands.Shipments.IssueBillOfLading(ctx, mads, bl); kindOf(err) != domain.KindNotFound {
					t.Errorf("a B/L on a trade customs does not know: %v", err)
				}
				// Bounds come first, and at once.
				if _, _, err := a.Commands.RegisterDocument.Handle(ctx, joao, invoice(strings.Repeat("T", 300<<10), "x")); kindOf(err) != domain.KindInvalid {
					t.Errorf("a 300 KB trade ID: %v", err)
				}
			})

			t.Run("a creation a moment ahead of its trade's credit application waits for it", func(t *testing.T) {
				patient := app.New(store.New(events), tariff.Excerpt(), 10*time.Second)
				go func() {
					time.Sleep(300 * time.Millisecond)
					openTrade(t, events, "T-LATE")
				}()
				d, isNew, err := patient.Commands.RegisterDocument.Handle(ctx, joao, domain.DocumentRegistered{SHA256: sum("late invoice"), TradeID: "T-LATE",
					Kind: domain.CommercialInvoice, Issuer: "issuer", IssueDate: "2026-11-20"})
				if err != nil || !isNew || d.TradeID != "T-LATE" {
					t.Fatalf("registered once the trade was known: %v %v", isNew, err)
				}
			})

			t.Run("documents must be registered for the same trade", func(t *testing.T) {
				_, _, err := a.Commands.LodgeDeclaration.Handle(ctx, joao, lodgement("X-1", "T-1", domain.Export, "090111", "BR", sum("never registered")))
				if kindOf(err) != domain.KindInvalid {
					t.Errorf("unregistered document: %v", err)
				}
				_, _, err = a.Commands.LodgeDeclaration.Handle(ctx, joao, lodgement("X-1", "T-1", domain.Export, "090111", "BR",
					other[domain.CommercialInvoice], docs[domain.PackingList], docs[domain.CertificateOfOrigin]))
				if kindOf(err) != domain.KindInvalid {
					t.Errorf("another trade's invoice: %v", err)
				}
				if _, err := a.Queries.Declaration(ctx, joao, "X-1"); kindOf(err) != domain.KindNotFound {
					t.Errorf("a refused lodgement left a declaration: %v", err)
				}
			})

			t.Run("a document is registered once; other content under its hash conflicts", func(t *testing.T) {
				d, isNew, err := a.Commands.RegisterDocument.Handle(ctx, joao, domain.DocumentRegistered{SHA256: docs[domain.PackingList], TradeID: "T-1",
					Kind: domain.PackingList, Issuer: "issuer", IssueDate: "2026-11-20"})
				if err != nil || isNew || d.Kind != domain.PackingList {
					t.Errorf("retry: new %v, %v", isNew, err)
				}
				_, _, err = a.Commands.RegisterDocument.Handle(ctx, joao, domain.DocumentRegistered{SHA256: docs[domain.PackingList], TradeID: "T-2",
					Kind: domain.PackingList, Issuer: "issuer", IssueDate: "2026-11-20"})
				if kindOf(err) != domain.KindConflict {
					t.Errorf("same hash, other trade: %v", err)
				}
			})

			t.Run("the B/L a shipment names must be a registered bill of lading of the trade", func(t *testing.T) {
				bl := domain.BillOfLadingIssued{ID: "S-1", TradeID: "T-1", BLNumber: "MAEU1", OnBoardDate: "2026-11-21", Vessel: "V", Voyage: "1",
					PortOfLoading: "BRSSZ", PortOfDischarge: "DEHAM", Carrier: "MAEU"}
				for what, sha := range map[string]string{"an invoice": docs[domain.CommercialInvoice], "another trade's B/L": other[domain.BillOfLading]} {
					bl.DocumentSHA256 = sha
					if _, _, err := a.Commands.Shipments.IssueBillOfLading(ctx, mads, bl); kindOf(err) != domain.KindInvalid {
						t.Errorf("%s: %v", what, err)
					}
				}
				bl.DocumentSHA256 = docs[domain.BillOfLading]
				if _, isNew, err := a.Commands.Shipments.IssueBillOfLading(ctx, mads, bl); err != nil || !isNew {
					t.Fatalf("issue: new %v, %v", isNew, err)
				}
				if _, err := a.Commands.Shipments.RecordTransportEvent(ctx, mads, "S-NOPE", domain.TransportEventRecorded{}); kindOf(err) != domain.KindNotFound {
					t.Errorf("event on an unknown shipment: %v", err)
				}
			})

			t.Run("documents are relied on and seen through the trade's declarations and B/L", func(t *testing.T) {
				invoice := docs[domain.CommercialInvoice]
				// Nobody else may rely on the exporter's invoice, and it cannot tell it exists.
				_, _, refused := a.Commands.LodgeDeclaration.Handle(ctx, ingrid, lodgement("I-EARLY", "T-1", domain.Import, "690721", "PT", invoice))
				_, _, missing := a.Commands.LodgeDeclaration.Handle(ctx, ingrid, lodgement("I-EARLY", "T-1", domain.Import, "690721", "PT", sum("nothing")))
				if kindOf(refused) != domain.KindInvalid || toJSON(refused) != strings.ReplaceAll(toJSON(missing), sum("nothing"), invoice) {
					t.Errorf("another's invoice: %v; an unregistered one: %v", refused, missing)
				}
				if _, err := a.Queries.Document(ctx, lars, invoice); kindOf(err) != domain.KindNotFound {
					t.Errorf("import customs reads the invoice before any declaration relies on it: %v", err)
				}
				// The export relies on it: export customs now sees it, import customs does not.
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, joao, lodgement("E-SEEN", "T-1", domain.Export, "690721", "PT", exportDocs...)); err != nil {
					t.Fatal(err)
				}
				if d, err := a.Queries.Document(ctx, marta, invoice); err != nil || d.SHA256 != invoice {
					t.Errorf("export customs reads the invoice its declaration relies on: %v", err)
				}
				// The B/L consigns the goods to the importer: it may now rely on the trade's
				// documents, and nobody else may import them.
				bl := domain.BillOfLadingIssued{ID: "S-SEEN", TradeID: "T-1", BLNumber: "MAEU2", OnBoardDate: "2026-11-21", Vessel: "V", Voyage: "1",
					PortOfLoading: "PTLIS", PortOfDischarge: "SEGOT", Shipper: joao.Org, Consignee: ingrid.Org}
				if _, _, err := a.Commands.Shipments.IssueBillOfLading(ctx, mads, bl); err != nil {
					t.Fatal(err)
				}
				olga := identity.Actor{Org: "5493003OTHERTRAD0029", OrgKind: identity.Trader, Subject: "olga", Roles: []string{identity.RoleTrader}}
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, olga, lodgement("I-OLGA", "T-1", domain.Import, "690721", "PT")); kindOf(err) != domain.KindNotFound {
					t.Errorf("an outsider imports goods of the trade: %v", err)
				}
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, ingrid, lodgement("I-SEEN", "T-1", domain.Import, "690721", "PT", invoice)); err != nil {
					t.Fatalf("the consignee relies on the trade's invoice: %v", err)
				}
				if _, err := a.Queries.Document(ctx, lars, invoice); err != nil {
					t.Errorf("import customs reads the invoice its declaration relies on: %v", err)
				}
				// Both customs offices see the shipment through the trade's declarations.
				for _, who := range []identity.Actor{marta, lars, joao, ingrid, mads} {
					if _, err := a.Queries.Shipment(ctx, who, "S-SEEN"); err != nil {
						t.Errorf("%s reads the shipment: %v", who.Subject, err)
					}
				}
				if _, err := a.Queries.Shipment(ctx, olga, "S-SEEN"); kindOf(err) != domain.KindNotFound {
					t.Errorf("an outsider reads the shipment: %v", err)
				}
				if got, err := a.Queries.DocumentsOfTrade(ctx, olga, "T-1"); err != nil || len(got) != 0 {
					t.Errorf("an outsider lists the trade's documents: %v %v", got, err)
				}
			})

			t.Run("a command on a declaration the caller may not see is answered as on a missing one", func(t *testing.T) {
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, joao, lodgement("E-HID", "T-1", domain.Export, "690721", "PT", exportDocs...)); err != nil {
					t.Fatal(err)
				}
				_, unseen := a.Commands.Declarations.Clear(ctx, lars, "E-HID")
				_, missing := a.Commands.Declarations.Clear(ctx, lars, "E-NONE")
				if kindOf(unseen) != domain.KindNotFound || toJSON(unseen) != strings.ReplaceAll(toJSON(missing), "E-NONE", "E-HID") {
					t.Errorf("unseen %v; missing %v", unseen, missing)
				}
				// The declarant sees it, and is refused naming the rule.
				if _, err := a.Commands.Declarations.Clear(ctx, joao, "E-HID"); kindOf(err) != domain.KindForbidden {
					t.Errorf("the declarant clears its export: %v", err)
				}
				if d, err := a.Queries.Declaration(ctx, joao, "E-HID"); err != nil || d.Status != domain.StatusLodged {
					t.Errorf("a refused command changed the declaration: %v %v", d, err)
				}
			})

			t.Run("red lane: no clearance before inspection; a failed inspection holds the goods", func(t *testing.T) {
				d, _, err := a.Commands.LodgeDeclaration.Handle(ctx, joao, lodgement("E-RED", "T-1", domain.Export, "930200", "DE", exportDocs...))
				if err != nil || d.Lane != domain.Red {
					t.Fatalf("lodge arms: lane %v, %v", d.Lane, err)
				}
				if _, err := a.Commands.Declarations.Clear(ctx, marta, "E-RED"); kindOf(err) != domain.KindRefused {
					t.Errorf("clear before inspection: %v", err)
				}
				if d, err = a.Commands.Declarations.Inspect(ctx, marta, "E-RED", false, "not as declared"); err != nil || d.Status != domain.StatusHeld {
					t.Fatalf("inspect: %v %v", d.Status, err)
				}
				if _, err := a.Commands.Declarations.Clear(ctx, marta, "E-RED"); kindOf(err) != domain.KindConflict {
					t.Errorf("clear held goods: %v", err)
				}
			})

			t.Run("yellow lane: a passed inspection lets the export clear", func(t *testing.T) {
				d, _, err := a.Commands.LodgeDeclaration.Handle(ctx, joao, lodgement("E-YEL", "T-1", domain.Export, "290110", "BR", exportDocs...))
				if err != nil || d.Lane != domain.Yellow {
					t.Fatalf("lodge chemicals: lane %v, %v", d.Lane, err)
				}
				if _, err := a.Commands.Declarations.Inspect(ctx, marta, "E-YEL", true, "documents in order"); err != nil {
					t.Fatal(err)
				}
				if d, err = a.Commands.Declarations.Clear(ctx, marta, "E-YEL"); err != nil || d.Status != domain.StatusCleared {
					t.Fatalf("clear: %v %v", d.Status, err)
				}
			})

			t.Run("import: duty from the tariff, assessed once, paid in full, then release", func(t *testing.T) {
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, ingrid, lodgement("I-1", "T-1", domain.Import, "090121", "BR")); err != nil {
					t.Fatal(err)
				}
				if _, err := a.Commands.Declarations.Clear(ctx, lars, "I-1"); kindOf(err) != domain.KindRefused {
					t.Errorf("clearing an import: %v", err)
				}
				d, err := a.Commands.Declarations.AssessDuty(ctx, lars, "I-1")
				if err != nil || d.Duty.Duty.Minor != 75_000 { // 10,000.00 EUR of roasted coffee at 7.5 %
					t.Fatalf("duty: %+v %v", d.Duty, err)
				}
				if d, err = a.Commands.Declarations.AssessDuty(ctx, lars, "I-1"); err != nil || d.Duty.Duty.Minor != 75_000 {
					t.Fatalf("retried assessment: %+v %v", d.Duty, err)
				}
				if _, err := a.Commands.Declarations.PayDuty(ctx, ingrid, "I-1", d.Duty.Duty, "PAY-1"); err != nil {
					t.Fatal(err)
				}
				if d, err = a.Commands.Declarations.Release(ctx, lars, "I-1"); err != nil || d.Status != domain.StatusReleased {
					t.Fatalf("release: %v %v", d.Status, err)
				}
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, ingrid, lodgement("I-2", "T-1", domain.Import, "030211", "NO")); err != nil {
					t.Fatal(err)
				}
				if _, err := a.Commands.Declarations.AssessDuty(ctx, lars, "I-2"); kindOf(err) != domain.KindRefused {
					t.Errorf("no tariff line for fish: %v", err)
				}
			})

			t.Run("concurrent decisions on one declaration are serialised", func(t *testing.T) {
				if _, _, err := a.Commands.LodgeDeclaration.Handle(ctx, joao, lodgement("E-GO", "T-1", domain.Export, "090111", "BR", exportDocs...)); err != nil {
					t.Fatal(err)
				}
				var wg sync.WaitGroup
				errs := make([]error, 4)
				for i := range errs {
					wg.Go(func() { _, errs[i] = a.Commands.Declarations.Clear(ctx, marta, "E-GO") })
				}
				wg.Wait()
				for i, err := range errs {
					if err != nil {
						t.Errorf("clearance %d: %v", i, err)
					}
				}
				if d, err := a.Queries.Declaration(ctx, joao, "E-GO"); err != nil || d.Status != domain.StatusCleared {
					t.Fatalf("after: %v %v", d.Status, err)
				}
				// One clearance was recorded: the others reloaded, found it cleared, and recorded nothing.
				stored, err := events.ReadStream(ctx, "declaration-E-GO", 1)
				if err != nil || len(stored) != 2 || stored[1].Type != "customs.ExportCleared" {
					t.Fatalf("stream: %d events, %v", len(stored), err)
				}
			})
		})
	}
}
