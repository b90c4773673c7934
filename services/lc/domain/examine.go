package domain

// rule examines one aspect of a presentation against the credit.
type rule func(t Terms, p Presentation, cal Calendar) []Discrepancy

// rules are every check the examiner applies, each in its own function named after what it
// checks; a refusal must list every discrepancy at once (Art. 16(c)(ii)), so all rules run.
var rules = []rule{
	checkExpiry,
	checkPresentationPeriod,
	checkDocumentDates,
	checkRequiredDocuments,
	checkLatestShipment,
	checkInvoice,
	checkAmountAndQuantity,
	checkTransportDocument,
	checkInsurance,
	checkDataConsistency,
}

// Examine examines a presentation under UCP 600. cal is the banking calendar of the place of
// presentation.
func Examine(t Terms, p Presentation, cal Calendar) Examination {
	out := Examination{Discrepancies: []Discrepancy{}}
	for _, r := range rules {
		out.Discrepancies = append(out.Discrepancies, r(t, p, cal)...)
	}
	out.Compliant = len(out.Discrepancies) == 0
	// Art. 14(b): a maximum of five banking days following the day of presentation. A bank need
	// not accept a presentation outside its banking hours (Art. 33), so documents delivered on a
	// closed day count as presented on the next banking day.
	out.Deadline = cal.AddBankingDays(cal.NextBankingDayFrom(p.Date), 5)
	return out
}
