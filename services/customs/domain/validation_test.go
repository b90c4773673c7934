package domain

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// fieldOf is the field a validation error names ("" when it is not a FieldError).
func fieldOf(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

func TestDocumentRegistrationNamesTheBadField(t *testing.T) {
	ok := DocumentRegistered{SHA256: strings.Repeat("ab", 32), TradeID: "T-1", Kind: CertificateOfOrigin, Issuer: "Câmara de Comércio", IssueDate: "2026-11-20",
		Registrant: Party{identity.Trader, "5493002AZULEJOSLX028"}, Actor: clerk}
	for _, c := range []struct {
		name  string
		edit  func(*DocumentRegistered)
		field string
	}{
		{"well formed", func(*DocumentRegistered) {}, ""},
		{"insurance document", func(d *DocumentRegistered) { d.Kind = InsuranceDocument }, ""},
		{"SHA-256 too short", func(d *DocumentRegistered) { d.SHA256 = "abcd" }, "sha256"},
		{"SHA-256 not hex", func(d *DocumentRegistered) { d.SHA256 = strings.Repeat("zz", 32) }, "sha256"},
		{"no trade", func(d *DocumentRegistered) { d.TradeID = "" }, "tradeId"},
		{"unknown kind", func(d *DocumentRegistered) { d.Kind = "proforma_invoice" }, "kind"},
		{"no issuer", func(d *DocumentRegistered) { d.Issuer = "" }, "issuer"},
		{"date not ISO 8601", func(d *DocumentRegistered) { d.IssueDate = "20/11/2026" }, "issueDate"},
	} {
		d := ok
		c.edit(&d)
		doc, err := RegisterDocument(d)
		if fieldOf(err) != c.field || (c.field == "") != (err == nil) {
			t.Errorf("%s: %v, want field %q", c.name, err, c.field)
		}
		if err == nil && (!doc.Same(d) || len(doc.Changes()) != 1) {
			t.Errorf("%s: registered %+v", c.name, doc)
		}
	}
	doc, _ := RegisterDocument(ok)
	again := ok
	again.Actor = identity.Stamp{Org: clerk.Org, User: "another clerk of the same party"} // who of it sent it is not the document
	other := ok
	other.Issuer = "someone else"
	otherOrg := ok
	otherOrg.Registrant = Party{identity.Trader, "5493001NORDICIMP0058"}
	if !doc.Same(again) || doc.Same(other) || doc.Same(otherOrg) {
		t.Errorf("Same: retry %v, other issuer %v, other organisation %v", doc.Same(again), doc.Same(other), doc.Same(otherOrg))
	}
}

func TestLodgementNamesTheBadField(t *testing.T) {
	usd := money.MustCurrency("USD")
	for _, c := range []struct {
		name  string
		edit  func(*DeclarationLodged)
		field string
	}{
		{"no id", func(d *DeclarationLodged) { d.ID = "" }, "id"},
		{"no trade", func(d *DeclarationLodged) { d.TradeID = "" }, "tradeId"},
		{"transit is not a direction here", func(d *DeclarationLodged) { d.Direction = "transit" }, "direction"},
		{"no declarant", func(d *DeclarationLodged) { d.Declarant = "" }, "declarant"},
		{"declarant not an LEI or EORI", func(d *DeclarationLodged) { d.Declarant = "Azulejos Lisboa Lda" }, "declarant"},
		{"LEI with a wrong check digit", func(d *DeclarationLodged) { d.Declarant = "5493002AZULEJOSLX029" }, "declarant"},
		{"an EORI number declares", func(d *DeclarationLodged) { d.Declarant = "PT123456789" }, ""},
		{"no customs office", func(d *DeclarationLodged) { d.CustomsOffice = "" }, "customsOffice"},
		{"customs office of no country", func(d *DeclarationLodged) { d.CustomsOffice = "XX000100" }, "customsOffice"},
		{"customs office too long", func(d *DeclarationLodged) { d.CustomsOffice = "PT0001000" }, "customsOffice"},
		{"id with a slash", func(d *DeclarationLodged) { d.ID = "D/1" }, "id"},
		{"trade id too long", func(d *DeclarationLodged) { d.TradeID = strings.Repeat("T", 101) }, "tradeId"},
		{"too many goods items", func(d *DeclarationLodged) { d.Lines = slices.Repeat(d.Lines, 1000) }, "lines"},
		{"too many documents", func(d *DeclarationLodged) { d.Documents = make([]string, 100) }, "documents"},
		{"description with a control character", func(d *DeclarationLodged) { d.Lines[0].Description = "tiles\x1b[31m" }, "lines[0].description"},
		{"description on two lines", func(d *DeclarationLodged) { d.Lines[0].Description = "glazed\nceramic tiles" }, ""},
		{"description too long", func(d *DeclarationLodged) { d.Lines[0].Description = strings.Repeat("é", 2001) }, "lines[0].description"},
		{"no goods", func(d *DeclarationLodged) { d.Lines = nil }, "lines"},
		{"origin a grouping, not a country (EU)", func(d *DeclarationLodged) { d.OriginCountry = "EU" }, "originCountry"},
		{"origin lower case", func(d *DeclarationLodged) { d.OriginCountry = "pt" }, "originCountry"},
		{"destination alpha-3", func(d *DeclarationLodged) { d.DestinationCountry = "SWE" }, "destinationCountry"},
		{"HS code with dots", func(d *DeclarationLodged) { d.Lines[0].HSCode = "6907.21" }, "lines[0].hsCode"},
		{"HS chapter 77 is reserved", func(d *DeclarationLodged) { d.Lines[0].HSCode = "770000" }, "lines[0].hsCode"},
		{"zero customs value", func(d *DeclarationLodged) { d.Lines[0].CustomsValue = money.New(0, eur) }, "lines[0].customsValue"},
		{"no currency", func(d *DeclarationLodged) { d.Lines[0].CustomsValue = money.Money{Minor: 100} }, "lines[0].customsValue"},
		{"lines in two currencies", func(d *DeclarationLodged) {
			d.Lines = append(d.Lines, Line{HSCode: "940161", Description: "chairs", CustomsValue: money.New(100, usd)})
		}, "lines[1].customsValue"},
	} {
		d := lodged(Import, "690721", "PT")
		c.edit(&d)
		if _, err := Lodge(d, nil); fieldOf(err) != c.field {
			t.Errorf("%s: %v, want field %q", c.name, err, c.field)
		}
	}
	// A retried lodgement is the same whatever lane the caller assumed; other content is not.
	decl, err := Lodge(lodged(Import, "690721", "PT"), nil)
	if err != nil {
		t.Fatal(err)
	}
	retry, other := lodged(Import, "690721", "PT"), lodged(Import, "690721", "ES")
	retry.Lane = Red
	if !decl.Same(retry) || decl.Same(other) {
		t.Errorf("Same: retry %v, other origin %v", decl.Same(retry), decl.Same(other))
	}
}

func TestDutyPaymentRules(t *testing.T) {
	d, _ := Lodge(lodged(Import, "690721", "PT"), nil)
	if err := d.PayDuty(money.New(1, eur), "R-1", clerk); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("paid before assessment: %v", err)
	}
	if err := d.AssessDuty(TariffTable{"6907": 500}, seOfficer); err != nil {
		t.Fatal(err)
	}
	duty := d.Duty.Duty // 84,000.00 EUR at 5 % = 4,200.00 EUR
	for _, c := range []struct {
		name      string
		amount    money.Money
		reference string
		want      func(error) bool
	}{
		{"short", money.New(duty.Minor-1, eur), "R-1", func(err error) bool { return errors.Is(err, ErrRefused) }},
		{"right figure, other currency", money.New(duty.Minor, money.MustCurrency("SEK")), "R-1", func(err error) bool { return errors.Is(err, ErrRefused) }},
		{"no reference", duty, "", func(err error) bool { return fieldOf(err) == "reference" }},
		{"in full", duty, "R-1", func(err error) bool { return err == nil }},
		{"the same payment again", duty, "R-1", func(err error) bool { return err == nil }},
		{"a second payment", duty, "R-2", func(err error) bool { return errors.Is(err, ErrInvalidState) }},
	} {
		if err := d.PayDuty(c.amount, c.reference, clerk); !c.want(err) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	if n := len(d.Changes()); n != 3 { // lodged, assessed, paid once
		t.Errorf("%d events", n)
	}
}

func TestTariffLookupAndDutyLimits(t *testing.T) {
	tariff := TariffTable{"0901": 0, "090121": 750}
	for hs, want := range map[string]BasisPoints{"090111": 0, "090121": 750, "09012100": 750, "0901219000": 750} {
		if got, ok := tariff.Rate(hs); !ok || got != want {
			t.Errorf("HS %s: %d %v, want %d (the subheading before the heading)", hs, got, ok, want)
		}
	}
	if _, ok := tariff.Rate("690721"); ok {
		t.Error("a rate for a good the tariff does not list")
	}
	if _, err := dutyOn(money.New(1<<60, eur), 10_000); err == nil {
		t.Error("an overflowing duty was computed")
	}
	if _, err := dutyOn(money.New(100, eur), -1); err == nil {
		t.Error("a negative rate was applied")
	}
	d, _ := Lodge(lodged(Import, "690721", "PT"), nil)
	if err := d.AssessDuty(TariffTable{}, seOfficer); !errors.Is(err, ErrRefused) || d.Status != StatusLodged {
		t.Errorf("no tariff line: %v, %s", err, d.Status)
	}
}

func TestGuaranteedDutyLetsTheGoodsGoBeforePayment(t *testing.T) {
	d, _ := Lodge(lodged(Import, "690721", "PT"), nil)
	if err := d.GuaranteeDuty(money.New(1, eur), "Banco", "G-1", clerk); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("guaranteed before assessment: %v", err)
	}
	if err := d.AssessDuty(TariffTable{"6907": 500}, seOfficer); err != nil {
		t.Fatal(err)
	}
	duty := d.Duty.Duty
	for _, c := range []struct {
		name                 string
		amount               money.Money
		guarantor, reference string
		want                 func(error) bool
	}{
		{"short of the duty", money.New(duty.Minor-1, eur), "Banco", "G-1", func(err error) bool { return errors.Is(err, ErrRefused) }},
		{"other currency", money.New(duty.Minor, money.MustCurrency("SEK")), "Banco", "G-1", func(err error) bool { return errors.Is(err, ErrRefused) }},
		{"no guarantor", duty, "", "G-1", func(err error) bool { return fieldOf(err) == "guarantor" }},
		{"no reference", duty, "Banco", "", func(err error) bool { return fieldOf(err) == "reference" }},
		{"more than the duty", money.New(duty.Minor+100, eur), "Banco", "G-1", func(err error) bool { return err == nil }},
		{"the same guarantee again", duty, "Banco", "G-1", func(err error) bool { return err == nil }},
		{"a second guarantee", duty, "Banco", "G-2", func(err error) bool { return errors.Is(err, ErrInvalidState) }},
	} {
		if err := d.GuaranteeDuty(c.amount, c.guarantor, c.reference, clerk); !c.want(err) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	if d.Status != StatusGuaranteed {
		t.Fatalf("status %s", d.Status)
	}
	// Released on the guarantee, or paid first and then released: both are allowed (UCC Art. 195).
	paid := *d
	if err := paid.PayDuty(duty, "R-1", clerk); err != nil || paid.Status != StatusPaid {
		t.Fatalf("paid under guarantee: %v %s", err, paid.Status)
	}
	if err := d.Release(seOfficer); err != nil || d.Status != StatusReleased {
		t.Fatalf("released on the guarantee: %v %s", err, d.Status)
	}
}
