package rules

import (
	"strings"
	"testing"
)

// Discounting before maturity (UCP 600 Art. 12(b)): the nominated bank (ExporterBankMSP)
// discounts after HONOURED and before SETTLED, once, on the single track and on each drawing's.
func TestUndertakingDiscountedBetweenHonourAndSettlement(t *testing.T) {
	walk(t, LCApplied, LCIssued, LCAdvised, LCAccepted, ExportCleared, Shipped, DocumentsPresented, Honoured,
		UndertakingDiscounted, ImportReleased, Settled, Closed)
	if EntitledOrg(UndertakingDiscounted) != ExporterBank || CommittingOrg(UndertakingDiscounted, false) != NominatedBank {
		t.Errorf("UNDERTAKING_DISCOUNTED is committed by %s", EntitledOrg(UndertakingDiscounted))
	}
	shipped := walk(t, LCApplied, LCIssued, ExportCleared, Shipped)
	s := walkDrawings(t, shipped, step{DocumentsPresented, "P1"}, step{Honoured, "P1"}, step{UndertakingDiscounted, "P1"},
		step{Shipped, ""}, step{DocumentsPresented, "P2"}, step{Honoured, "P2"}, step{Settled, "P2"}, step{LCFullyDrawn, ""}, step{ImportReleased, ""})
	if err := CheckDrawing(Closed, "", s, ImporterBank); err == nil || !strings.Contains(err.Error(), "UNDERTAKING_DISCOUNTED") {
		t.Errorf("CLOSED with a discounted drawing unpaid at maturity: %v", err)
	}
	walkDrawings(t, s, step{Settled, "P1"}, step{Closed, ""})

	presented := walk(t, LCApplied, LCIssued, ExportCleared, Shipped, DocumentsPresented)
	honoured := presented.After(Honoured)
	for _, c := range []struct {
		name, drawing, org, code, words string
		s                               State
	}{
		{"not before honour", "", ExporterBank, ErrOutOfOrder, "needs HONOURED", walk(t, LCApplied, LCIssued, ExportCleared, Shipped, DocumentsPresented)},
		{"not by the issuing bank", "", ImporterBank, ErrNotEntitled, "only ExporterBankMSP", honoured},
		{"not after the maturity payment", "", ExporterBank, ErrOutOfOrder, "cannot follow SETTLED", honoured.After(Settled)},
		{"once", "", ExporterBank, ErrOutOfOrder, "happens once", honoured.After(UndertakingDiscounted)},
		{"a drawing's once", "P1", ExporterBank, ErrOutOfOrder, "cannot follow UNDERTAKING_DISCOUNTED on drawing P1",
			walkDrawings(t, shipped, step{DocumentsPresented, "P1"}, step{Honoured, "P1"}, step{UndertakingDiscounted, "P1"})},
		{"a drawing's after its honour", "P1", ExporterBank, ErrOutOfOrder, "cannot follow DOCUMENTS_PRESENTED on drawing P1",
			walkDrawings(t, shipped, step{DocumentsPresented, "P1"}, step{DocumentsPresented, "P2"}, step{Honoured, "P2"})},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckDrawing(UndertakingDiscounted, c.drawing, c.s, c.org)
			if err == nil || !strings.HasPrefix(err.Error(), c.code+":") || !strings.Contains(err.Error(), c.words) {
				t.Fatalf("CheckDrawing = %v, want %s containing %q", err, c.code, c.words)
			}
		})
	}
}
