package domain

import "fmt"

// TermChanges are the changes an amendment may make to the credit's terms beside the expiry,
// the amount and the latest shipment date (MT707 fields; zero: unchanged). The parties are not
// among them except the beneficiary's name and address: a credit for another beneficiary is a
// transfer (UCP 600 Art. 38), not an amendment.
type TermChanges struct {
	NewTolerance              *Tolerance // 39A
	NewPartialShipments       Permission // 43P
	NewTranshipment           Permission // 43T
	NewPortOfLoading          string     // 44E
	NewPortOfDischarge        string     // 44F
	NewPresentationPeriodDays int        // 48
	NewBeneficiary            *Party     // 59: name and address
}

func (c TermChanges) none() bool { return c == TermChanges{} }

// check names each change that breaks its field's rules.
func (c TermChanges) check(t Terms) InvalidFields {
	var b bounds
	if tol := c.NewTolerance; tol != nil {
		b.number("newTolerance.plusPct", tol.PlusPct, 0, MaxPercent)
		b.number("newTolerance.minusPct", tol.MinusPct, 0, MaxPercent)
	}
	for _, p := range []struct {
		field string
		v     Permission
	}{{"newPartialShipments", c.NewPartialShipments}, {"newTranshipment", c.NewTranshipment}} {
		if p.v != "" && p.v != Allowed && p.v != NotAllowed && p.v != Conditional {
			b.bad = append(b.bad, FieldError{Field: p.field, Reason: fmt.Sprintf("%q: one of ALLOWED, NOT ALLOWED, CONDITIONAL (MT707 43P/43T)", p.v)})
		}
	}
	b.text("newPortOfLoading", c.NewPortOfLoading, MaxPlaceLength)
	b.text("newPortOfDischarge", c.NewPortOfDischarge, MaxPlaceLength)
	if c.NewPresentationPeriodDays != 0 {
		b.number("newPresentationPeriodDays", int64(c.NewPresentationPeriodDays), 1, MaxPeriodDays)
	}
	if p := c.NewBeneficiary; p != nil {
		b.text("newBeneficiary.name", p.Name, MaxNameLength)
		b.text("newBeneficiary.address", p.Address, MaxNameLength)
		switch {
		case p.ID != "" && p.ID != t.Beneficiary.ID:
			b.bad = append(b.bad, FieldError{Field: "newBeneficiary.id", Reason: "an amendment changes the beneficiary's name or address, not who it is: another beneficiary is a transfer (UCP 600 Art. 38)"})
		case p.Name == "":
			b.bad = append(b.bad, FieldError{Field: "newBeneficiary.name", Reason: "required: the beneficiary's name after the amendment (MT707 59)"})
		}
	}
	return b.bad
}

// apply is t with the changes made.
func (c TermChanges) apply(t Terms) Terms {
	if c.NewTolerance != nil {
		tol := *c.NewTolerance
		t.Tolerance, t.AmountAbout = &tol, false // 39A replaces "about" (Art. 30(a)): one tolerance
	}
	if c.NewPartialShipments != "" {
		t.PartialShipments = c.NewPartialShipments
	}
	if c.NewTranshipment != "" {
		t.Transhipment = c.NewTranshipment
	}
	if c.NewPortOfLoading != "" {
		t.PortOfLoading = c.NewPortOfLoading
	}
	if c.NewPortOfDischarge != "" {
		t.PortOfDischarge = c.NewPortOfDischarge
	}
	if c.NewPresentationPeriodDays != 0 {
		t.PresentationPeriodDays = c.NewPresentationPeriodDays
	}
	if p := c.NewBeneficiary; p != nil {
		t.Beneficiary.Name, t.Beneficiary.Address = p.Name, p.Address
	}
	return t
}

// Fields are the MT707 tags of what the amendment changes, in the message's order.
func (a Amendment) Fields() []string {
	var out []string
	for _, f := range []struct {
		changed bool
		tag     string
	}{
		{a.NewBeneficiary != nil, "59"}, {!a.NewExpiry.IsZero(), "31E"}, {a.Increase != nil, "32B"}, {a.Decrease != nil, "33B"},
		{a.NewTolerance != nil, "39A"}, {a.NewPartialShipments != "", "43P"}, {a.NewTranshipment != "", "43T"},
		{a.NewPortOfLoading != "", "44E"}, {a.NewPortOfDischarge != "", "44F"}, {!a.NewLatestShipment.IsZero(), "44C"},
		{len(a.Goods) > 0, "45B"}, {len(a.Documents) > 0, "46B"}, {len(a.Conditions) > 0, "47B"}, {a.NewPresentationPeriodDays != 0, "48"},
	} {
		if f.changed {
			out = append(out, f.tag)
		}
	}
	return out
}
