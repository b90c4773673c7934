package domain

import "fmt"

// lastDayForPresentation extends a day on which the bank is closed to the next banking day
// (UCP 600 Art. 29(a)).
func lastDayForPresentation(d Date, cal Calendar) Date { return cal.NextBankingDayFrom(d) }

// checkExpiry: Art. 6(d)(i) a credit must state an expiry date for presentation, and 6(e) a
// presentation must be made on or before it, at the place for presentation (6(d)(ii)).
func checkExpiry(t Terms, p Presentation, cal Calendar) []Discrepancy {
	var out []Discrepancy
	last := lastDayForPresentation(t.ExpiryDate, cal)
	if p.Date.After(last) {
		msg := fmt.Sprintf("presented on %s, after the credit expired on %s", p.Date, t.ExpiryDate)
		if last != t.ExpiryDate {
			msg += fmt.Sprintf(" (extended to %s under Art. 29(a))", last)
		}
		out = append(out, Discrepancy{Rule: "UCP 600 Art. 6(e)", Field: "presentation date", Message: "credit expired: " + msg})
	}
	// Art. 6(d)(ii): the place of the issuing bank is a place for presentation in addition to any other.
	if t.ExpiryPlace != "" && p.Place != "" && !sameText(t.ExpiryPlace, p.Place) && (p.Bank == "" || p.Bank != t.IssuingBank) {
		out = append(out, Discrepancy{Rule: "UCP 600 Art. 6(d)(ii)", Field: "place of presentation",
			Message: fmt.Sprintf("presented at %s; the credit is available for presentation at %s", p.Place, t.ExpiryPlace)})
	}
	return out
}

// checkPresentationPeriod: Art. 14(c) originals of a transport document must be presented
// within the credit's period (MT700 48) or 21 calendar days after shipment, and never later
// than the expiry date; Art. 29(a) extends a last day falling on a closed day.
func checkPresentationPeriod(t Terms, p Presentation, cal Calendar) []Discrepancy {
	shipped, ok := p.shipmentDate()
	if !ok {
		return nil
	}
	period, rule := t.PresentationPeriodDays, "MT700 48"
	if period == 0 {
		period, rule = 21, "UCP 600 Art. 14(c)"
	}
	last := shipped.AddDays(period)
	if t.ExpiryDate.Before(last) {
		last = t.ExpiryDate
	}
	last = lastDayForPresentation(last, cal)
	if p.Date.After(last) {
		return []Discrepancy{{Rule: rule, Document: BillOfLading, Field: "presentation date",
			Message: fmt.Sprintf("documents presented on %s, later than %d days after shipment on %s (last day %s)", p.Date, period, shipped, last)}}
	}
	return nil
}

// checkDocumentDates: Art. 14(i) a document may be dated prior to the date of its issuance of
// the credit but must not be dated later than its date of presentation.
func checkDocumentDates(_ Terms, p Presentation, _ Calendar) []Discrepancy {
	var out []Discrepancy
	for _, d := range p.Documents {
		if d.IssueDate.After(p.Date) {
			out = append(out, Discrepancy{Rule: "UCP 600 Art. 14(i)", Document: d.Kind, Field: "issue date",
				Message: fmt.Sprintf("dated %s, after the presentation on %s", d.IssueDate, p.Date)})
		}
	}
	return out
}

// checkLatestShipment: MT700 44C. The latest date for shipment is not extended when it falls on
// a closed day (Art. 29(c)).
func checkLatestShipment(t Terms, p Presentation, _ Calendar) []Discrepancy {
	shipped, ok := p.shipmentDate()
	if !ok || t.LatestShipment.IsZero() || !shipped.After(t.LatestShipment) {
		return nil
	}
	return []Discrepancy{{Rule: "MT700 44C; UCP 600 Art. 29(c)", Document: BillOfLading, Field: "date of shipment",
		Message: fmt.Sprintf("shipped on %s, after the latest shipment date %s", shipped, t.LatestShipment)}}
}
