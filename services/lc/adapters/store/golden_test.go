package store

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/memstore"
	"github.com/tradefin/tradefin/services/lc/domain"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/formats from the code")

// storedFormat is a golden file of testdata/formats: how one event type is stored, filled (every
// field set), hollow (nested objects present, their scalars zero) and zero.
type storedFormat struct {
	Type          string          `json:"type"`
	SchemaVersion int             `json:"schemaVersion"`
	Full          json.RawMessage `json:"full"`
	Hollow        json.RawMessage `json:"hollow"`
	Zero          json.RawMessage `json:"zero"`
}

// variants are filled, hollow and zero values of one domain event type.
func variants[E domain.Event]() [3]domain.Event {
	var zero E
	return [3]domain.Event{filled[E](), hollow[E](), zero}
}

// creditEvents are a credit's event types in an order that folds into one credit: applied,
// issued, advised, confirmed, amended, transferred, presented, refused, waived, honoured, paid
// in instalments, discounted, reimbursed, cancelled, expired.
func creditEvents() [][3]domain.Event {
	return [][3]domain.Event{
		variants[domain.Applied](), variants[domain.CreditReceived](), variants[domain.IssueRequested](), variants[domain.Issued](),
		variants[domain.Advised](), variants[domain.Accepted](), variants[domain.Confirmed](),
		variants[domain.AmendmentRequested](), variants[domain.AmendmentIssued](), variants[domain.AmendmentDeclined](),
		variants[domain.AmendmentProposed](), variants[domain.AmendmentAdvised](), variants[domain.AmendmentAnswered](),
		variants[domain.TransferAsked](), variants[domain.CreditTransferred](), variants[domain.TransferredAmendmentAdvised](),
		variants[domain.TransferredAmendmentAnswered](), variants[domain.TransferredDocumentsPresented](),
		variants[domain.SubstitutionDemanded](), variants[domain.InvoiceSubstituted](), variants[domain.PresentedAsReceived](),
		variants[domain.DocumentsExamined](), variants[domain.ForwardedUnderReserve](), variants[domain.PresentationRefused](),
		variants[domain.RefusalPrecluded](), variants[domain.WaiverRequested](), variants[domain.WaiverRejected](),
		variants[domain.DiscrepanciesWaived](), variants[domain.Honoured](), variants[domain.UndertakingIncurred](),
		variants[domain.InstalmentsScheduled](), variants[domain.UndertakingDiscounted](), variants[domain.ReimbursementClaimed](),
		variants[domain.FullyDrawn](), variants[domain.CancellationProposed](), variants[domain.CancellationAnswered](),
		variants[domain.Expired](),
	}
}

func storedAs(t *testing.T, e domain.Event) eventstore.NewEvent {
	t.Helper()
	rec, err := toRecord(e)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := formats.NewEvent("golden", rec, eventstore.Metadata{})
	if err != nil {
		t.Fatalf("%T: %v", e, err)
	}
	return ev
}

// registeredAs is how a registered document is stored (its own stream, not a credit's).
func registeredAs(t *testing.T, d domain.RegisteredDocument) eventstore.NewEvent {
	t.Helper()
	ctx, s := context.Background(), memstore.New()
	if _, err := s.HandleOnce(ctx, "golden", "m-1", func(ctx context.Context, tx eventstore.Tx) error {
		return RegisterDocument(ctx, tx, "T-GOLDEN", "customs-1", d)
	}); err != nil {
		t.Fatal(err)
	}
	evs, err := s.ReadStream(ctx, documentsStream("T-GOLDEN"), 1)
	if err != nil || len(evs) != 1 {
		t.Fatalf("registered document: %v, %v", evs, err)
	}
	return eventstore.NewEvent{Type: evs[0].Type, SchemaVersion: evs[0].SchemaVersion, Data: evs[0].Data}
}

// goldenFormats are every stored event type's formats as the code writes them now.
func goldenFormats(t *testing.T) []storedFormat {
	t.Helper()
	format := func(vs [3]eventstore.NewEvent) storedFormat {
		return storedFormat{Type: vs[0].Type, SchemaVersion: vs[0].SchemaVersion, Full: vs[0].Data, Hollow: vs[1].Data, Zero: vs[2].Data}
	}
	var out []storedFormat
	for _, vs := range append(creditEvents(), variants[domain.TradeClaimed]()) {
		out = append(out, format([3]eventstore.NewEvent{storedAs(t, vs[0]), storedAs(t, vs[1]), storedAs(t, vs[2])}))
	}
	return append(out, format([3]eventstore.NewEvent{registeredAs(t, filled[domain.RegisteredDocument]()),
		registeredAs(t, hollow[domain.RegisteredDocument]()), registeredAs(t, domain.RegisteredDocument{})}))
}

// TestStoredFormatsAreTheGoldenOnes: every lc event type is stored, field for field, byte for
// byte, as in its golden file of testdata/formats, written from the code before the records had
// types of their own for the nested objects (terms, presentations, examinations, refusal notices,
// waivers, amendments, transfers, undertakings, discounts, trade claims…). Streams stored then
// load unchanged only while this holds; a format that must change gets a new schema version and
// an upcaster, and its golden file the old version kept beside the new.
func TestStoredFormatsAreTheGoldenOnes(t *testing.T) {
	for _, f := range goldenFormats(t) {
		got, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		path := filepath.Join("testdata", "formats", f.Type+".json")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stored as\n%s\nits golden file %s has\n%s", f.Type, got, path, want)
		}
	}
}
