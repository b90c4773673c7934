package contracts

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// LCFullyDrawn: the honoured drawings of a credit drawn by several presentations (UCP 600 Art.
// 31(a)) used it up, within its 39A tolerance and Art. 30; nothing more may be presented under
// it. The presentation events of such a credit name their drawing (Drawing: the presentation's
// ID); a credit drawn once names none.
type LCFullyDrawn struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID           string         `json:"lcId"`
	PresentationID string         `json:"presentationId"` // the drawing that used the credit up
	Drawn          money.Money    `json:"drawn"`          // the sum of the honoured drawings
}

// DrawingOf is the drawing an event is of: its drawing's reference on a presentation event of a
// credit drawn by several presentations, the presentation paid on settlement.payment_settled.v1
// (the trade workflow keeps it only for a presentation it knows as a drawing), "" otherwise.
func DrawingOf(data any) string {
	switch e := data.(type) {
	case *DocumentsPresented:
		return e.Drawing
	case *DocumentsRefused:
		return e.Drawing
	case *DiscrepanciesWaived:
		return e.Drawing
	case *LCHonoured:
		return e.Drawing
	case *LCUndertakingDiscounted: // discount.go
		return e.Drawing
	case *PaymentSettled:
		return e.PresentationID
	}
	return ""
}
