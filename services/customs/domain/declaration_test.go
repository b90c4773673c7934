package domain

import (
	"errors"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

var eur = money.MustCurrency("EUR")

// Who acted, as events record it: an export officer of Lisbon, an import officer of Gothenburg,
// and a clerk of the exporter.
var (
	officer   = identity.Stamp{Org: "PT000100", User: "marta", Client: "portal"}
	seOfficer = identity.Stamp{Org: "SE000100", User: "lars", Client: "portal"}
	clerk     = identity.Stamp{Org: "5493002AZULEJOSLX028", User: "joao", Client: "portal"}
)

func lodged(dir Direction, hs, origin string) DeclarationLodged {
	return DeclarationLodged{ID: "D-1", TradeID: "T-1", Direction: dir, Declarant: "5493002AZULEJOSLX028", CustomsOffice: "PT000100", OriginCountry: origin, DestinationCountry: "SE",
		Lines: []Line{{HSCode: hs, Description: "ceramic tiles", CustomsValue: money.New(84_000_00, eur)}}}
}

var allDocs = []DocumentKind{CommercialInvoice, PackingList, CertificateOfOrigin}

func TestRiskLanes(t *testing.T) {
	for _, c := range []struct {
		hs, origin string
		want       RiskLane
	}{
		{"690721", "PT", Green},
		{"930190", "PT", Red},
		{"290511", "PT", Yellow},
		{"690721", "IR", Yellow},
	} {
		d, err := Lodge(lodged(Export, c.hs, c.origin), allDocs)
		if err != nil || d.Lane != c.want {
			t.Errorf("HS %s from %s: %v, %v; want %s", c.hs, c.origin, d, err, c.want)
		}
	}
	// Coffee from Brazil: green up to the value threshold, yellow above it (the total of the lines).
	for _, c := range []struct {
		lines []int64
		want  RiskLane
	}{
		{[]int64{45_000_00}, Green},
		{[]int64{1_000_000_00}, Green},
		{[]int64{600_000_00, 400_000_01}, Yellow},
	} {
		l := lodged(Export, "090111", "BR")
		l.Lines = nil
		for _, v := range c.lines {
			l.Lines = append(l.Lines, Line{HSCode: "090111", Description: "green coffee", CustomsValue: money.New(v, eur)})
		}
		d, err := Lodge(l, allDocs)
		if err != nil || d.Lane != c.want {
			t.Errorf("coffee worth %v: %v, %v; want %s", c.lines, d, err, c.want)
		}
	}
}

func TestExportNeedsItsDocumentsAndAnInspectionOffTheGreenLane(t *testing.T) {
	if _, err := Lodge(lodged(Export, "690721", "PT"), []DocumentKind{CommercialInvoice}); !errors.Is(err, ErrRefused) {
		t.Fatalf("lodged without packing list and certificate of origin: %v", err)
	}
	var fe *FieldError
	if _, err := Lodge(lodged(Export, "6907", "PT"), allDocs); !errors.As(err, &fe) || fe.Field != "lines[0].hsCode" {
		t.Fatalf("a 4-digit HS code: %v", err)
	}
	red, _ := Lodge(lodged(Export, "930190", "PT"), allDocs)
	if err := red.Clear(officer); !errors.Is(err, ErrRefused) {
		t.Fatalf("red lane cleared without inspection: %v", err)
	}
	if err := red.Inspect(true, "seals intact", officer); err != nil {
		t.Fatal(err)
	}
	if err := red.Clear(officer); err != nil || red.Status != StatusCleared {
		t.Fatalf("clear after inspection: %v %s", err, red.Status)
	}
	if err := red.Clear(officer); err != nil || len(red.Changes()) != 3 {
		t.Fatalf("a retried clearance: %v, %d events", err, len(red.Changes()))
	}
}

func TestImportDutyFromTheTariffPaidThenReleased(t *testing.T) {
	d, err := Lodge(lodged(Import, "69072100", "PT"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Release(seOfficer); !errors.Is(err, ErrRefused) {
		t.Fatalf("released before duty: %v", err)
	}
	if err := d.AssessDuty(TariffTable{"9301": 0}, seOfficer); !errors.Is(err, ErrRefused) {
		t.Fatalf("assessed without a tariff line: %v", err)
	}
	// 84,000.00 EUR at 5 % is 4,200.00 EUR; the subheading wins over the heading.
	if err := d.AssessDuty(TariffTable{"6907": 1200, "690721": 500}, seOfficer); err != nil || d.Duty.Duty != money.New(4_200_00, eur) {
		t.Fatalf("assess: %v %+v", err, d.Duty)
	}
	if err := d.PayDuty(money.New(4_000_00, eur), "R1", clerk); !errors.Is(err, ErrRefused) {
		t.Fatalf("a short payment: %v", err)
	}
	if err := d.PayDuty(money.New(4_200_00, eur), "R1", clerk); err != nil {
		t.Fatal(err)
	}
	if err := d.Release(seOfficer); err != nil || d.Status != StatusReleased {
		t.Fatalf("release: %v %s", err, d.Status)
	}
	again := &Declaration{}
	for _, e := range d.Changes() {
		again.Apply(e)
	}
	if again.Status != StatusReleased || again.Paid.Reference != "R1" {
		t.Fatalf("replayed: %+v", again)
	}
}

func TestDutyRoundsHalfUpToTheMinorUnit(t *testing.T) {
	for _, c := range []struct {
		value int64
		rate  BasisPoints
		want  int64
	}{
		{10_000, 500, 500},       // 100.00 at 5 % = 5.00
		{1_001, 250, 25},         // 10.01 at 2.5 % = 0.25025 → 0.25
		{1_010, 250, 25},         // 10.10 at 2.5 % = 0.2525 → 0.25
		{1_020, 250, 26},         // 10.20 at 2.5 % = 0.255 → 0.26 (half up)
		{99_999, 0, 0},           // duty free
		{12_345, 10_000, 12_345}, // 100 %
	} {
		got, err := dutyOn(money.New(c.value, eur), c.rate)
		if err != nil || got.Minor != c.want {
			t.Errorf("%d at %d bp = %d (%v), want %d", c.value, c.rate, got.Minor, err, c.want)
		}
	}
}
