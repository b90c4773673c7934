package swiftmap

import (
	"os"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestReceivedRefusalReadsTheGoldenMT734: each numbered 77J item is one discrepancy with the
// rule it cites; 77B's code is the disposal (UCP 600 Art. 16(c)(iii)(b)).
func TestReceivedRefusalReadsTheGoldenMT734(t *testing.T) {
	b, err := os.ReadFile("../swift/testdata/golden/mt734.fin")
	if err != nil {
		t.Fatal(err)
	}
	m, err := swift.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	r, err := ReceivedRefusal(m)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.Discrepancy{
		{Rule: "UCP 600 ART. 18(A)(I)", Message: "INVOICE NOT ISSUED BY THE BENEFICIARY"},
		{Rule: "UCP 600 ART. 20(A)(II)", Message: "BILL OF LADING WITHOUT ON BOARD NOTATION"},
	}
	if r.From != "ESSESESS" || r.To != "BCOMPTPL" || r.Presentation != "BCP26PRS0042" || r.Disposal != domain.HoldPendingWaiver || len(r.Discrepancies) != 2 ||
		r.Discrepancies[0] != want[0] || r.Discrepancies[1] != want[1] {
		t.Fatalf("%+v", r)
	}
	if got := discrepanciesOf([]string{"1. UCP 600 Art. 14(d): data conflict", "DOCUMENTS LATE"}); len(got) != 1 || got[0].Rule != "UCP 600 Art. 14(d)" || got[0].Message != "data conflict DOCUMENTS LATE" {
		t.Errorf("one rendered by tradefin: %+v", got)
	}
	if got := discrepanciesOf([]string{"LATE PRESENTATION"}); got[0].Rule != "MT734 77J" || got[0].Message != "LATE PRESENTATION" {
		t.Errorf("an unnumbered one citing no rule: %+v", got)
	}
}

// TestEveryDisposalRendersAndReadsBack: each disposal of Art. 16(c)(iii) is rendered in MT734
// 77B as the standard codes it (/PREVINST/ for (d)) and read back as the same disposal.
func TestEveryDisposalRendersAndReadsBack(t *testing.T) {
	amount := money.New(100_00, money.MustCurrency("EUR"))
	for _, d := range []domain.Disposal{domain.HoldPendingInstructions, domain.HoldPendingWaiver, domain.ReturnDocuments, domain.PreviousInstructions} {
		m, err := swift.MT734{Sender: "ESSESESS", Receiver: "BCOMPTPL", Reference: "LC-1-1", PresentingBankRef: "P-1",
			UtilisationDate: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), Amount: &amount, Discrepancies: []string{"1. LATE PRESENTATION"}, Disposal: []string{disposalCode(d)}}.Message()
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		if r, err := ReceivedRefusal(m); err != nil || r.Disposal != d {
			t.Errorf("%s read back as %q (%v)", d, r.Disposal, err)
		}
	}
}
