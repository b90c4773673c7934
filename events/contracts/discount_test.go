package contracts

import (
	"errors"
	"slices"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// A discount is a registered milestone event, its nominated bank a party, and its bounds keep
// the proceeds within the face (UCP 600 Art. 12(b)).
func TestUndertakingDiscountedContract(t *testing.T) {
	eur, _ := money.ParseCurrency("EUR")
	d := LCUndertakingDiscounted{TradeID: "T-1", Actor: identity.Stamp{Org: "BCOMPTPL", User: "ana"}, LCID: "LC1", PresentationID: "P-1",
		NominatedBank: "BCOMPTPL", Proceeds: money.New(98_00, eur), Face: money.New(100_00, eur)}
	if Milestone("lc.undertaking_discounted.v1") != "UNDERTAKING_DISCOUNTED" {
		t.Error("lc.undertaking_discounted.v1 stands for no UNDERTAKING_DISCOUNTED")
	}
	if n, ok := TypeName(&d); !ok || n != "lc.undertaking_discounted.v1" {
		t.Errorf("TypeName = %q %v", n, ok)
	}
	if got := Parties(Envelope{Data: &d}); !slices.Equal(got, []string{"BCOMPTPL"}) {
		t.Errorf("parties %v", got)
	}
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	over := d
	over.Proceeds = money.New(100_01, eur)
	noBank := d
	noBank.NominatedBank = ""
	for _, bad := range []LCUndertakingDiscounted{over, noBank} {
		if err := bad.Check(); !errors.Is(err, ErrMalformed) {
			t.Errorf("Check(%+v) = %v, want malformed", bad, err)
		}
	}
	drawn := d
	drawn.Drawing = "P-2"
	if DrawingOf(&drawn) != "P-2" || DrawingOf(&d) != "" {
		t.Errorf("a drawing's discount is of drawing %q", DrawingOf(&drawn))
	}
	if got := DiscountRef(PaymentRef{TradeID: "T-1", LCID: "LC1", PresentationID: "P-1"}).PresentationID; got != "P-1:discount" {
		t.Errorf("DiscountRef = %s", got)
	}
}
