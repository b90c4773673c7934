package contracts

import (
	"errors"
	"testing"

	"github.com/tradefin/tradefin/events/money"
)

func TestInstalmentRefRoundTrips(t *testing.T) {
	ref := InstalmentRef(PaymentRef{TradeID: "T", LCID: "LC", PresentationID: "P-1"}, 2)
	if ref.PresentationID != "P-1:instalment-2" {
		t.Fatalf("instalment ref %+v", ref)
	}
	if p, n, ok := InstalmentOf(ref.PresentationID); !ok || p != "P-1" || n != 2 {
		t.Fatalf("InstalmentOf(%q) = %q %d %v", ref.PresentationID, p, n, ok)
	}
	for _, id := range []string{"P-1", "P-1:instalment-0", "P-1:instalment-5", "P-1:instalment-x", "P-1:reimbursement"} {
		if _, _, ok := InstalmentOf(id); ok {
			t.Errorf("%q read as an instalment", id)
		}
	}
}

func TestCheckInstalments(t *testing.T) {
	eur := money.MustCurrency("EUR")
	h := LCHonoured{LCID: "LC", Amount: money.New(100_00, eur), Instalments: []HonouredInstalment{
		{Number: 1, Amount: money.New(40_00, eur)}, {Number: 2, Amount: money.New(60_00, eur), PayableAt: "2027-03-01T00:00:00Z"}}}
	if err := CheckInstalments(&h); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*LCHonoured){
		"short":        func(h *LCHonoured) { h.Instalments[1].Amount.Minor-- },
		"out of order": func(h *LCHonoured) { h.Instalments[0].Number = 2 },
		"currency":     func(h *LCHonoured) { h.Instalments[0].Amount.Currency = money.MustCurrency("USD") },
		"zero":         func(h *LCHonoured) { h.Instalments[0].Amount.Minor, h.Instalments[1].Amount.Minor = 0, 100_00 },
		"too many": func(h *LCHonoured) {
			h.Instalments = append(h.Instalments, h.Instalments[0], h.Instalments[0], h.Instalments[0])
		},
	} {
		bad := h
		bad.Instalments = append([]HonouredInstalment(nil), h.Instalments...)
		edit(&bad)
		if err := CheckInstalments(&bad); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
