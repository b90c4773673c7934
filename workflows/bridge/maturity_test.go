package bridge

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
)

// TestHonourSignalCarriesTheMaturity: a usance credit's lc.honoured.v1 gives the workflow's
// signal its payable-at instant; a sight credit's none; a malformed one is refused as malformed.
func TestHonourSignalCarriesTheMaturity(t *testing.T) {
	env := func(h contracts.LCHonoured) contracts.Envelope {
		h.TradeID, h.LCID, h.PresentationID = "T-1", "LC-1", "P-1"
		return contracts.Envelope{ID: "e1", Type: "lc.honoured.v1", Source: "/tradefin/lc", TradeID: "T-1", Time: time.Now(), Data: &h}
	}
	ev, err := signalFor(context.Background(), env(contracts.LCHonoured{Undertaking: "ACCEPTED_DRAFT", MaturityDate: "2027-03-01", PayableAt: "2027-03-01T00:00:00Z"}))
	if err != nil || !ev.PayableAt.Equal(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)) || ev.MaturityDate != "2027-03-01" || ev.Payment == nil {
		t.Fatalf("usance: %+v, %v", ev, err)
	}
	if ev, err := signalFor(context.Background(), env(contracts.LCHonoured{})); err != nil || !ev.PayableAt.IsZero() || ev.Payment == nil {
		t.Fatalf("sight: %+v, %v", ev, err)
	}
	for _, h := range []contracts.LCHonoured{{MaturityDate: "2027-03-01", PayableAt: "tomorrow"}, {MaturityDate: "1 March", PayableAt: "2027-03-01T00:00:00Z"}} {
		if _, err := signalFor(context.Background(), env(h)); !errors.Is(err, contracts.ErrMalformed) {
			t.Errorf("%+v: %v, want malformed", h, err)
		}
	}
}
