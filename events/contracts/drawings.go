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
