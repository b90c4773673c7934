package rules

import (
	"maps"
	"slices"
	"strings"
)

// Drawings against a balance (UCP 600 Art. 31(a); MT700 43P "ALLOWED"): a credit that allows
// partial shipments may be drawn by several presentations, each examined, refused or honoured
// and paid on its own. Each such presentation is a drawing, named by its reference (the
// presentation's ID), and has a track of its own:
//
//	DOCUMENTS_PRESENTED → DOCUMENTS_REFUSED → DISCREPANCY_WAIVED → HONOURED → SETTLED
//	DOCUMENTS_REFUSED → DOCUMENTS_PRESENTED (corrected documents re-presented, Art. 16)
//
// The credit stays open for further drawings until it is finished: LC_FULLY_DRAWN (the LC
// service's decision that nothing is left to draw within 39A and Art. 30), EXPIRED or
// CANCELLED. Once a drawing is honoured, EXPIRED and CANCELLED end only the credit, not the
// trade: the honoured drawings are still paid and the goods released, and CLOSED needs every
// honoured drawing settled, no drawing under examination, and the credit finished. A trade whose
// milestones carry no drawing reference keeps the single presentation track of State.Presentation.

// MaxDrawingRef bounds a drawing's reference (a presentation ID).
const MaxDrawingRef = 64

// drawingTrack is where each milestone of a drawing's track may follow on that drawing.
var drawingTrack = map[Type][]Type{
	DocumentsPresented: {noPresentation, DocumentsRefused},
	DocumentsRefused:   {DocumentsPresented},
	DiscrepancyWaived:  {DocumentsRefused},
	Honoured:           {DocumentsPresented, DiscrepancyWaived},
	Settled:            {Honoured, UndertakingDiscounted},
	// A usance drawing's undertaking discounted before maturity (discount.go).
	UndertakingDiscounted: {Honoured},
}

// onDrawingTrack reports whether t is a milestone of a drawing's track.
func onDrawingTrack(t Type) bool { _, ok := drawingTrack[t]; return ok }

// CheckDrawing is Check for a milestone of drawing (its reference; "" for a trade without
// drawings, or a milestone of no drawing's track).
func CheckDrawing(next Type, drawing string, s State, org string) error {
	if drawing == "" {
		return Check(next, s, org)
	}
	if !onDrawingTrack(next) {
		return Errorf(ErrInvalid, "%s is no milestone of a drawing: it carries no drawing reference", next)
	}
	if len(drawing) > MaxDrawingRef || strings.TrimSpace(drawing) != drawing {
		return Errorf(ErrInvalid, "a drawing reference is 1 to %d characters without surrounding spaces", MaxDrawingRef)
	}
	return check(next, drawing, s, org)
}

// checkDrawings is the part of the order that depends on the trade's drawings, for next on
// drawing ("" for a milestone of no drawing). decided is false when the trade has no drawing
// and next none: the single presentation track decides.
func checkDrawings(next Type, drawing string, s State) (decided bool, err error) {
	if drawing == "" && len(s.Drawings) == 0 {
		return false, nil
	}
	if drawing == "" && onDrawingTrack(next) {
		return true, Errorf(ErrOutOfOrder, "%s of this trade must name its drawing: the credit is drawn by several presentations", next)
	}
	if drawing != "" && s.Presentation != noPresentation {
		return true, Errorf(ErrOutOfOrder, "%s of drawing %s: this trade's presentation track carries no drawings", next, drawing)
	}
	finished := s.creditFinished()
	switch {
	case next == DocumentsPresented && finished != "":
		return true, Errorf(ErrOutOfOrder, "no new presentation after %s: the credit is finished", finished)
	case onDrawingTrack(next):
		at := s.Drawings[drawing]
		if !contains(drawingTrack[next], at) {
			return true, Errorf(ErrOutOfOrder, "%s cannot follow %s on drawing %s; it must follow %s", next, orNone(at), drawing, joinPlaces(drawingTrack[next]))
		}
	case next == LCAmended && finished != "":
		return true, Errorf(ErrOutOfOrder, "%s cannot follow %s: the credit is finished", next, finished)
	case next == Expired || next == Cancelled || next == LCFullyDrawn:
		if d := s.drawingAt(DocumentsPresented, DiscrepancyWaived); d != "" {
			return true, Errorf(ErrOutOfOrder, "%s cannot follow drawing %s under examination (UCP 600 Art. 6(d), 16)", next, d)
		}
		if finished != "" {
			return true, Errorf(ErrOutOfOrder, "%s cannot follow %s: the credit is finished", next, finished)
		}
	case next == Closed:
		if finished == "" {
			return true, Errorf(ErrOutOfOrder, "%s needs the credit finished first: %s, %s or %s", next, LCFullyDrawn, Expired, Cancelled)
		}
		if d := s.drawingAt(DocumentsPresented, DiscrepancyWaived, Honoured, UndertakingDiscounted); d != "" {
			return true, Errorf(ErrOutOfOrder, "%s needs every drawing settled or refused; drawing %s stands at %s", next, d, s.Drawings[d])
		}
	}
	return true, nil
}

// repeatsWithDrawings: on a credit drawn by several presentations each shipment has its own bill
// of lading, presented with its own drawing (Art. 31(b)), so SHIPPED may come again once a drawing
// is on the ledger.
func repeatsWithDrawings(next Type, s State) bool { return next == Shipped && len(s.Drawings) > 0 }

// creditFinished is the milestone that finished a drawn credit ("" while it may be drawn).
func (s State) creditFinished() Type {
	for _, t := range []Type{LCFullyDrawn, Expired, Cancelled} {
		if s.Has(t) {
			return t
		}
	}
	return ""
}

// drawn reports whether a drawing was honoured: then EXPIRED and CANCELLED end the credit only.
func (s State) drawn() bool { return s.drawingAt(Honoured, UndertakingDiscounted, Settled) != "" }

// drawingAt is the first drawing (by reference, deterministic) standing at one of ts, or "".
func (s State) drawingAt(ts ...Type) string {
	// The keys are sorted before use, so the first match is the same on every replay.
	//workflowcheck:ignore
	for _, d := range slices.Sorted(maps.Keys(s.Drawings)) {
		if contains(ts, s.Drawings[d]) {
			return d
		}
	}
	return ""
}

// AfterDrawing is the state once t of drawing is committed (accepted by CheckDrawing).
func (s State) AfterDrawing(t Type, drawing string) State {
	if drawing == "" {
		return s.After(t)
	}
	out := s.after(t, false)
	out.Drawings = maps.Clone(s.Drawings)
	if out.Drawings == nil {
		out.Drawings = map[string]Type{}
	}
	out.Drawings[drawing] = t
	return out
}

// Ended reports whether the trade is over (CLOSED, or EXPIRED or CANCELLED before any drawing
// was honoured): nothing may follow.
func (s State) Ended() bool { return s.end() != "" }

// CreditOpen reports whether the trade's credit is drawn by several presentations and may be
// drawn further: a drawing is on the ledger and none of LC_FULLY_DRAWN, EXPIRED, CANCELLED.
func (s State) CreditOpen() bool { return len(s.Drawings) > 0 && s.creditFinished() == "" }
