package domain

import "fmt"

// Drawings against a balance: a credit that does not prohibit partial shipments (MT700 43P;
// partial drawings and shipments are allowed unless the credit says otherwise, UCP 600 Art.
// 31(a)) may be drawn by several presentations, each examined, refused or honoured on its own
// and each paid on its own. After an honour the credit stays available for the next drawing
// until it is fully drawn (Balance), expires or is cancelled. A credit that prohibits partial
// shipments is drawn once: its honour finishes it.

// StatusPartlyDrawn: a drawing was honoured and the credit still has a balance to draw.
const StatusPartlyDrawn Status = "PARTLY_DRAWN"

// FullyDrawn: the honoured drawings used the credit up; nothing more may be presented under it.
// Recorded with the honour that drew the rest, on a credit drawn by several presentations.
type FullyDrawn struct {
	PresentationID string // the drawing that used the credit up
}

func (FullyDrawn) EventName() string { return "lc.FullyDrawn" }

// DrawsSeveral reports whether the credit may be drawn by several presentations (Art. 31(a)).
func (lc *LetterOfCredit) DrawsSeveral() bool { return lc.Terms.PartialShipments != NotAllowed }

// DrawingRef is the reference of the drawing presentation id makes on the ledger and in the
// integration events: the presentation's ID on a credit drawn by several presentations, ""
// on one drawn once (its single presentation track).
func (lc *LetterOfCredit) DrawingRef(presentationID string) string {
	if !lc.DrawsSeveral() {
		return ""
	}
	return presentationID
}

// statusAfterHonour: an honour finishes the credit unless it may be drawn again and is not yet
// fully drawn.
func (lc *LetterOfCredit) statusAfterHonour() Status {
	if lc.DrawsSeveral() && !lc.Balance().FullyDrawn {
		return StatusPartlyDrawn
	}
	return StatusHonoured
}

// recordHonour records the honour h of a presentation and, when that drew the rest of a credit
// drawn by several presentations, records it fully drawn.
func (lc *LetterOfCredit) recordHonour(h Honoured) {
	lc.record(h)
	if lc.DrawsSeveral() && lc.Status == StatusHonoured {
		lc.record(FullyDrawn{PresentationID: h.PresentationID})
	}
}

// checkBalance adds to the examination of a drawing under a partly drawn credit the discrepancy
// of drawing more than is available: the invoice may not exceed what the credit still allows
// (Art. 18(b), 30; MT700 39A), less what drawings under examination reserve. Before the first
// drawing, with none pending, the credit's own maximum is checked by checkAmountAndQuantity.
func (lc *LetterOfCredit) checkBalance(res Examination, p Presentation) Examination {
	b := lc.Balance()
	inv, ok := p.document(CommercialInvoice)
	if !ok || inv.Amount == nil || inv.Amount.Currency != b.Available.Currency || b.Drawn.Minor+b.Reserved.Minor == 0 || inv.Amount.Minor <= b.Available.Minor {
		return res
	}
	res.Discrepancies = append(res.Discrepancies, Discrepancy{Rule: "UCP 600 Art. 18(b), 30; MT700 39A", Document: CommercialInvoice, Field: "amount",
		Message: fmt.Sprintf("invoice for %s draws more than the %s available: %s of the credit's %s is drawn, %s reserved by drawings under examination", inv.Amount, b.Available, b.Drawn, lc.Terms.Amount, b.Reserved)})
	res.Compliant = false
	return res
}
