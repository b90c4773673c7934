package domain

import "fmt"

// checkAmountAndQuantity: Art. 18(b) and 30 — the invoice may not exceed what the credit allows
// (39A tolerance, or "about" ±10% under 30(a)); quantity within 30(a) "about" ±10% or 30(b) ±5%
// for goods not counted in packing units or items; and when partial shipments are prohibited
// (43P, Art. 31), a drawing below the amount is a partial drawing unless 30(c) applies: up to
// 5% less when the full quantity is shipped and the unit price is not reduced.
func checkAmountAndQuantity(t Terms, p Presentation, _ Calendar) []Discrepancy {
	inv, ok := p.document(CommercialInvoice)
	if !ok || inv.Amount == nil || inv.Amount.Currency != t.Amount.Currency {
		return nil // nothing to compare (a missing invoice or a currency mismatch is reported elsewhere)
	}
	var out []Discrepancy
	add := func(rule, field, msg string) {
		out = append(out, Discrepancy{Rule: rule, Document: CommercialInvoice, Field: field, Message: msg})
	}
	if most := t.maxAmount(); inv.Amount.Minor > most.Minor {
		add("UCP 600 Art. 18(b); Art. 30", "amount", fmt.Sprintf("invoice for %s exceeds the %s the credit allows", inv.Amount, most))
	}
	g := t.Goods
	lo := g.Quantity
	if g.Quantity > 0 && inv.Quantity > 0 {
		hi := g.Quantity
		rule := "MT700 45A"
		switch {
		case g.QuantityAbout: // Art. 30(a)
			lo, hi, rule = percentOf(g.Quantity, 90), percentOf(g.Quantity, 110), "UCP 600 Art. 30(a)"
		case !g.CountedInUnits: // Art. 30(b)
			lo, hi, rule = percentOf(g.Quantity, 95), percentOf(g.Quantity, 105), "UCP 600 Art. 30(b)"
		}
		if inv.Quantity > hi {
			add(rule, "quantity", fmt.Sprintf("quantity %d %s exceeds the %d %s the credit allows", inv.Quantity, g.Unit, hi, g.Unit))
		}
		if t.PartialShipments == NotAllowed && inv.Quantity < lo {
			add("MT700 43P; UCP 600 Art. 31", "quantity", fmt.Sprintf("quantity %d %s is a partial shipment of %d; the credit prohibits partial shipments", inv.Quantity, g.Unit, g.Quantity))
		}
	}
	if g.UnitPrice != nil && inv.UnitPrice != nil && inv.UnitPrice.Currency == g.UnitPrice.Currency {
		most := *g.UnitPrice
		if g.QuantityAbout || t.AmountAbout {
			most = g.UnitPrice.Percent(110) // Art. 30(a) applies "about" to the unit price too
		}
		if inv.UnitPrice.Minor > most.Minor {
			add("UCP 600 Art. 30(a); MT700 45A", "unit price", fmt.Sprintf("unit price %s exceeds the credit's %s", inv.UnitPrice, g.UnitPrice))
		}
	}
	if t.PartialShipments == NotAllowed && inv.Amount.Minor < t.minAmount().Minor {
		// A quantity short but within its 30(a)/30(b) tolerance is not a partial shipment, and
		// its amount is short with it.
		shortWithinTolerance := g.Quantity > 0 && inv.Quantity > 0 && inv.Quantity < g.Quantity && inv.Quantity >= lo
		priceKept := g.UnitPrice == nil || inv.UnitPrice == nil || inv.UnitPrice.Minor >= g.UnitPrice.Minor
		within30c := inv.Amount.Minor >= t.Amount.Percent(95).Minor
		if !shortWithinTolerance && !(priceKept && within30c) {
			add("MT700 43P; UCP 600 Art. 30(c), 31", "amount", fmt.Sprintf("invoice for %s draws less than the credit's %s while partial shipments are prohibited", inv.Amount, t.Amount))
		}
	}
	return out
}

// percentOf is n × pct / 100, rounded down (quantities are whole units).
func percentOf(n, pct int64) int64 { return n * pct / 100 }
