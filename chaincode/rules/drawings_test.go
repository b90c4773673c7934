package rules

import (
	"strings"
	"testing"
)

// step is one milestone, of a drawing or none.
type step struct {
	m       Type
	drawing string
}

// walkDrawings commits the steps in order, failing at the first refusal.
func walkDrawings(t *testing.T, s State, steps ...step) State {
	t.Helper()
	for _, st := range steps {
		if err := CheckDrawing(st.m, st.drawing, s, EntitledOrg(st.m)); err != nil {
			t.Fatalf("%s of %q after %v %v: %v", st.m, st.drawing, s.Committed, s.Drawings, err)
		}
		s = s.AfterDrawing(st.m, st.drawing)
	}
	return s
}

// Two drawings under one credit (UCP 600 Art. 31(a)), the first refused and waived, each
// honoured and settled on its own, then the credit fully drawn and the trade closed.
func TestTwoDrawingsEachHonouredAndSettled(t *testing.T) {
	shipped := walk(t, LCApplied, LCIssued, ExportCleared, Shipped)
	s := walkDrawings(t, shipped,
		step{DocumentsPresented, "P1"}, step{DocumentsRefused, "P1"}, step{DiscrepancyWaived, "P1"}, step{Honoured, "P1"},
		step{ImportReleased, ""}, step{Settled, "P1"},
		step{LCAmended, ""}, // an amendment after a partial drawing (the balance stays available)
		step{Shipped, ""},   // the second shipment's bill of lading (Art. 31(b))
		step{DocumentsPresented, "P2"}, step{Honoured, "P2"}, step{LCFullyDrawn, ""}, step{Settled, "P2"},
		step{Closed, ""})
	if s.end() != Closed {
		t.Fatalf("the trade should be closed, ends at %q", s.end())
	}
	if s.Presentation != noPresentation {
		t.Errorf("drawings moved the single presentation track to %s", s.Presentation)
	}
}

// A partly drawn credit that expires: the expiry ends the credit, not the trade; the honoured
// drawing is still paid and the trade closes.
func TestPartlyDrawnCreditExpiresThenCloses(t *testing.T) {
	shipped := walk(t, LCApplied, LCIssued, ExportCleared, Shipped)
	s := walkDrawings(t, shipped, step{DocumentsPresented, "P1"}, step{Honoured, "P1"}, step{Expired, ""}, step{ImportReleased, ""})
	if err := CheckDrawing(DocumentsPresented, "P2", s, ExporterBank); err == nil || !strings.Contains(err.Error(), "finished") {
		t.Errorf("a presentation after the credit expired: %v, want refused as finished", err)
	}
	s = walkDrawings(t, s, step{Settled, "P1"}, step{Closed, ""})
	if s.end() != Closed {
		t.Fatalf("ends at %q, want CLOSED", s.end())
	}
	// Expired before any drawing was honoured still ends the trade.
	refused := walkDrawings(t, shipped, step{DocumentsPresented, "P1"}, step{DocumentsRefused, "P1"}, step{Expired, ""})
	if refused.end() != Expired {
		t.Errorf("an undrawn credit's expiry should end the trade, ends at %q", refused.end())
	}
}

func TestDrawingRefusals(t *testing.T) {
	shipped := walk(t, LCApplied, LCIssued, ExportCleared, Shipped)
	p1 := walkDrawings(t, shipped, step{DocumentsPresented, "P1"})
	h1 := walkDrawings(t, p1, step{Honoured, "P1"})
	settled := walkDrawings(t, h1, step{ImportReleased, ""}, step{Settled, "P1"})
	drawn := walkDrawings(t, settled, step{DocumentsPresented, "P2"}, step{Honoured, "P2"}, step{LCFullyDrawn, ""})
	legacy := walk(t, LCApplied, LCIssued, ExportCleared, Shipped, DocumentsPresented)
	cases := []struct {
		name      string
		next      Type
		drawing   string
		s         State
		wantCode  string
		wantWords string
	}{
		{"honoured twice", Honoured, "P1", h1, ErrOutOfOrder, "cannot follow HONOURED on drawing P1"},
		{"settled before honour", Settled, "P1", p1, ErrOutOfOrder, "needs HONOURED"},
		{"another drawing settled before its honour", Settled, "P2", h1, ErrOutOfOrder, "cannot follow no presentation on drawing P2"},
		{"waiver without refusal", DiscrepancyWaived, "P1", p1, ErrOutOfOrder, "needs DOCUMENTS_REFUSED"},
		{"a drawing's milestone without its reference", Honoured, "", p1, ErrOutOfOrder, "must name its drawing"},
		{"closed with the credit still open", Closed, "", settled, ErrOutOfOrder, "credit finished"},
		{"closed with a drawing unpaid", Closed, "", walkDrawings(t, h1, step{ImportReleased, ""}, step{DocumentsPresented, "P2"}, step{Honoured, "P2"}, step{LCFullyDrawn, ""}, step{Settled, "P2"}), ErrOutOfOrder, "drawing P1 stands at HONOURED"},
		{"expired under examination", Expired, "", walkDrawings(t, settled, step{DocumentsPresented, "P2"}), ErrOutOfOrder, "drawing P2 under examination"},
		{"presented after fully drawn", DocumentsPresented, "P3", drawn, ErrOutOfOrder, "finished"},
		{"amended after fully drawn", LCAmended, "", drawn, ErrOutOfOrder, "finished"},
		{"fully drawn twice", LCFullyDrawn, "", drawn, ErrOutOfOrder, "happens once"},
		{"fully drawn before any honour", LCFullyDrawn, "", p1, ErrOutOfOrder, "needs HONOURED"},
		{"a drawing on a single-track trade", Honoured, "P1", legacy, ErrOutOfOrder, "carries no drawings"},
		{"a drawing reference on a milestone of no drawing", LCAmended, "P1", h1, ErrInvalid, "no milestone of a drawing"},
		{"an overlong drawing reference", DocumentsPresented, strings.Repeat("p", MaxDrawingRef+1), shipped, ErrInvalid, "1 to 64"},
		{"the wrong organisation", Honoured, "P1", p1, ErrNotEntitled, "only ImporterBankMSP"},
		{"a second shipment before any drawing", Shipped, "", shipped, ErrOutOfOrder, "happens once"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			org := EntitledOrg(c.next)
			if c.wantCode == ErrNotEntitled {
				org = ExporterBank
			}
			err := CheckDrawing(c.next, c.drawing, c.s, org)
			if err == nil || !strings.HasPrefix(err.Error(), c.wantCode+":") || !strings.Contains(err.Error(), c.wantWords) {
				t.Fatalf("got %v, want %s containing %q", err, c.wantCode, c.wantWords)
			}
		})
	}
}

// A trade without drawings keeps the single track: honour needs no reference, and CLOSED
// needs no LC_FULLY_DRAWN (the one honour finishes the credit).
func TestSingleTrackNeedsNoDrawing(t *testing.T) {
	walk(t, LCApplied, LCIssued, ExportCleared, Shipped, DocumentsPresented, Honoured, Settled, ImportReleased, Closed)
}
