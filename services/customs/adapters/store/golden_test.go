package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// The golden streams (testdata/*.stream.json) are the customs events as this service stored them
// before its domain types lost their JSON tags (written by that build, with -update-goldens):
// every event type, the nested parties, declaration lines, rates, guarantee and transport events,
// the optional fields both present and absent. A stored format that changes shape gets a new
// schema version and an upcaster; these files never change.

const (
	goldenTrade = "T-GOLDEN"
	importer    = "5493001NORDICIMP0058"
	exporter    = "5493002AZULEJOSLX028"
)

var (
	eur     = money.MustCurrency("EUR")
	carrier = identity.Stamp{Org: "MAEU", User: "mads", Client: "carrier-edi"}
	officer = identity.Stamp{Org: "PT000100", User: "ana", Client: "portal"}
	sweden  = identity.Stamp{Org: "SE000100", User: "sven", Client: "portal"}
	bank    = identity.Stamp{Org: "ESSESESS", User: "eva", Client: "portal"}
	at      = time.Date(2026, 11, 22, 6, 30, 0, 0, time.UTC)
)

// goldenStream is one aggregate of the scenario: the golden file of its stream, how to store it,
// and how to load it back.
type goldenStream struct {
	file  string
	save  func(ctx context.Context, r *store.Repository) error
	want  any // the state its events make, folded in memory (never stored)
	load  func(ctx context.Context, r *store.Repository) (any, error)
	store string // its stream
}

// must is the value of a step of the scenario that must succeed.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func shaOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// recorder is a customs aggregate: Document, Declaration or Shipment.
type recorder interface {
	Apply(domain.Event)
	Changes() []domain.Event
}

// folded replays agg's recorded events into a fresh aggregate: the state a load must give.
func folded[A recorder](agg A, fresh A) A {
	for _, e := range agg.Changes() {
		fresh.Apply(e)
	}
	return fresh
}

// streamOf is the golden stream of agg, an aggregate with ID id in stream prefix+id, created by
// create and loaded by get; a load must give agg's events folded into fresh.
func streamOf[A recorder](file, prefix, id string, agg, fresh A, create func(*store.Repository, context.Context, A) (A, bool, error),
	get func(*store.Repository, context.Context, string) (A, error)) goldenStream {
	return goldenStream{file: file, store: prefix + id, want: folded(agg, fresh),
		save: func(ctx context.Context, r *store.Repository) error { _, _, err := create(r, ctx, agg); return err },
		load: func(ctx context.Context, r *store.Repository) (any, error) { return get(r, ctx, id) }}
}

// scenario drives each customs aggregate through its life in memory.
func scenario(t *testing.T) []goldenStream {
	t.Helper()
	invoice := must(domain.RegisterDocument(domain.DocumentRegistered{SHA256: shaOf("invoice"), TradeID: goldenTrade, Kind: domain.CommercialInvoice,
		Issuer: "Azulejos Lisboa Lda", IssueDate: "2026-11-20", Registrant: domain.Party{Kind: identity.Trader, Org: exporter}, Actor: joao}))
	bl := must(domain.RegisterDocument(domain.DocumentRegistered{SHA256: shaOf("bill of lading"), TradeID: goldenTrade, Kind: domain.BillOfLading,
		Issuer: "Maersk", IssueDate: "2026-11-21", Registrant: domain.Party{Kind: identity.Carrier, Org: "MAEU"}, Actor: carrier}))

	// An export on the yellow lane (chemicals, HS chapter 29): inspected, then cleared.
	export := must(domain.Lodge(domain.DeclarationLodged{ID: "D-EX-1", TradeID: goldenTrade, Direction: domain.Export, Declarant: exporter,
		CustomsOffice: "PT000100", OriginCountry: "PT", DestinationCountry: "SE",
		Lines: []domain.Line{{HSCode: "690721", Description: "glazed ceramic tiles", CustomsValue: money.New(8_400_000, eur)},
			{HSCode: "291511", Description: "formic acid", CustomsValue: money.New(120_000, eur)}},
		Documents: []string{invoice.SHA256, shaOf("packing list"), shaOf("certificate of origin")}, Actor: joao},
		[]domain.DocumentKind{domain.CommercialInvoice, domain.PackingList, domain.CertificateOfOrigin}))
	ok(t, export.Inspect(true, "documents checked: REX statement on the invoice", officer))
	ok(t, export.Clear(officer))

	// An import on the green lane: duty assessed, guaranteed, paid, the goods released.
	imp := must(domain.Lodge(domain.DeclarationLodged{ID: "D-IM-1", TradeID: goldenTrade, Direction: domain.Import, Declarant: importer,
		CustomsOffice: "SE000100", OriginCountry: "PT", DestinationCountry: "SE",
		Lines: []domain.Line{{HSCode: "690721", Description: "glazed ceramic tiles", CustomsValue: money.New(8_400_000, eur)},
			{HSCode: "690890", Description: "mosaic cubes", CustomsValue: money.New(55_000, eur)}}, Actor: nordic}, nil))
	ok(t, imp.AssessDuty(domain.TariffTable{"6907": 500, "6908": 370}, sweden))
	ok(t, imp.GuaranteeDuty(imp.Duty.Duty, "ESSESESS", "G-2026-114", bank))
	ok(t, imp.PayDuty(imp.Duty.Duty, "PAY-2026-7731", nordic))
	ok(t, imp.Release(sweden))

	// Arms on the red lane: the inspection fails and the goods are held.
	held := must(domain.Lodge(domain.DeclarationLodged{ID: "D-EX-2", TradeID: goldenTrade, Direction: domain.Export, Declarant: exporter,
		CustomsOffice: "PT000100", OriginCountry: "PT", DestinationCountry: "SE",
		Lines:     []domain.Line{{HSCode: "930200", Description: "revolvers", CustomsValue: money.New(99_00, eur)}},
		Documents: []string{invoice.SHA256}, Actor: joao},
		[]domain.DocumentKind{domain.CommercialInvoice, domain.PackingList, domain.CertificateOfOrigin}))
	ok(t, held.Inspect(false, "no export licence", officer))

	// A B/L naming its document and traders, with its transport events; one naming neither.
	ship := must(domain.IssueBillOfLading(domain.BillOfLadingIssued{ID: "S-1", TradeID: goldenTrade, BLNumber: "MAEU123456789",
		OnBoardDate: "2026-11-21", Vessel: "Maersk Lisbon", Voyage: "247N", PortOfLoading: "PTLIS", PortOfDischarge: "SEGOT",
		DocumentSHA256: bl.SHA256, Carrier: "MAEU", Shipper: exporter, Consignee: importer, Actor: carrier}))
	for _, e := range []domain.TransportEventRecorded{
		{EventCode: domain.Load, Classifier: "ACT", Location: "PTLIS", EventTime: at},
		{EventCode: domain.Depart, Classifier: "ACT", Location: "PTLIS", EventTime: at.Add(4 * time.Hour)},
		{EventCode: domain.Arrive, Classifier: "EST", Location: "SEGOT", EventTime: at.Add(96 * time.Hour)},
		{EventCode: domain.Arrive, Classifier: "ACT", Location: "SEGOT", EventTime: at.Add(101 * time.Hour)},
		{EventCode: domain.Discharge, Classifier: "ACT", Location: "SEGOT", EventTime: at.Add(106*time.Hour + 15*time.Minute)},
	} {
		e.Actor = carrier
		must(ship.Record(e))
	}
	bare := must(domain.IssueBillOfLading(domain.BillOfLadingIssued{ID: "S-2", TradeID: goldenTrade, BLNumber: "MAEU987654321",
		OnBoardDate: "2026-11-23", Vessel: "Maersk Gothenburg", PortOfLoading: "PTLEI", PortOfDischarge: "SEGOT", Carrier: "MAEU", Actor: carrier}))

	return []goldenStream{
		streamOf("document-invoice", "document-", invoice.SHA256, invoice, &domain.Document{}, (*store.Repository).CreateDocument, (*store.Repository).Document),
		streamOf("document-bill-of-lading", "document-", bl.SHA256, bl, &domain.Document{}, (*store.Repository).CreateDocument, (*store.Repository).Document),
		streamOf("declaration-export", "declaration-", export.ID, export, &domain.Declaration{}, (*store.Repository).CreateDeclaration, (*store.Repository).Declaration),
		streamOf("declaration-import", "declaration-", imp.ID, imp, &domain.Declaration{}, (*store.Repository).CreateDeclaration, (*store.Repository).Declaration),
		streamOf("declaration-held", "declaration-", held.ID, held, &domain.Declaration{}, (*store.Repository).CreateDeclaration, (*store.Repository).Declaration),
		streamOf("shipment", "shipment-", ship.ID, ship, &domain.Shipment{}, (*store.Repository).CreateShipment, (*store.Repository).Shipment),
		streamOf("shipment-bare", "shipment-", bare.ID, bare, &domain.Shipment{}, (*store.Repository).CreateShipment, (*store.Repository).Shipment),
	}
}

var (
	nordic      = identity.Stamp{Org: importer, User: "nora", Client: "portal"}
	goldenOpens = domain.TradeOpened{TradeID: goldenTrade, LCID: "LC-GOLDEN", Applicant: importer, Beneficiary: exporter,
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL"}
)

func goldenFile(name string) string { return filepath.Join("testdata", name+".stream.json") }

// TestStoredEventsMatchTheGoldens: on SQLite and PostgreSQL, every customs event is stored
// byte for byte as the golden streams hold it, so streams written before keep loading.
func TestStoredEventsMatchTheGoldens(t *testing.T) {
	ctx := context.Background()
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			es := open(t)
			r := store.New(es)
			_, err := es.HandleOnce(ctx, "golden", "lc.applied", func(ctx context.Context, tx eventstore.Tx) error {
				return store.TradesIn(tx).OpenTrade(ctx, goldenOpens)
			})
			ok(t, err)
			recordtest.MatchGolden(t, es, "trade-"+goldenTrade, goldenFile("trade"))
			for _, s := range scenario(t) {
				ok(t, s.save(ctx, r))
				recordtest.MatchGolden(t, es, s.store, goldenFile(s.file))
			}
		})
	}
}

// TestGoldenStreamsLoad: streams in the golden (old) shape, appended as that build stored them,
// load into the state their events make in memory, and into the trade file.
func TestGoldenStreamsLoad(t *testing.T) {
	ctx := context.Background()
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			es := open(t)
			recordtest.AppendGolden(t, es, "customs", goldenFile("trade"))
			streams := scenario(t)
			for _, s := range streams {
				if got := recordtest.AppendGolden(t, es, "customs", goldenFile(s.file)); got != s.store {
					t.Fatalf("golden %s is stream %s, the scenario's %s", s.file, got, s.store)
				}
			}
			r := store.New(es)
			for _, s := range streams {
				got, err := s.load(ctx, r)
				if err != nil || !reflect.DeepEqual(got, s.want) {
					t.Errorf("%s loads as %+v (%v)\n  want %+v", s.file, got, err, s.want)
				}
			}
			f, err := r.TradeFile(ctx, goldenTrade)
			if err != nil || f.Trade == nil || *f.Trade != goldenOpens || len(f.Documents) != 2 || len(f.Declarations) != 3 || len(f.Shipments) != 2 ||
				f.Documents[1].Registrant != (domain.Party{Kind: identity.Carrier, Org: "MAEU"}) || !reflect.DeepEqual(f.Declarations[0].Lines, streams[2].want.(*domain.Declaration).Lines) {
				t.Errorf("trade file of the golden streams: %+v %v", f, err)
			}
		})
	}
}
