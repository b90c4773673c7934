package domain

import (
	"fmt"
	"strings"
)

// checkRequiredDocuments: MT700 46A; every stipulated document must be presented (Art. 14(a)
// examines the documents the credit requires).
func checkRequiredDocuments(t Terms, p Presentation, _ Calendar) []Discrepancy {
	var out []Discrepancy
	for _, k := range t.Documents {
		if _, ok := p.document(k); !ok {
			out = append(out, Discrepancy{Rule: "MT700 46A", Document: k, Message: fmt.Sprintf("%s required by the credit was not presented", words(k))})
		}
	}
	return out
}

// checkInvoice: Art. 18(a) a commercial invoice must appear to be issued by the beneficiary,
// be made out in the name of the applicant and in the currency of the credit; 18(c) the goods
// description must correspond with that in the credit.
func checkInvoice(t Terms, p Presentation, _ Calendar) []Discrepancy {
	inv, ok := p.document(CommercialInvoice)
	if !ok {
		return nil
	}
	var out []Discrepancy
	add := func(rule, field, msg string) {
		out = append(out, Discrepancy{Rule: rule, Document: CommercialInvoice, Field: field, Message: msg})
	}
	if !sameText(inv.Issuer, t.Beneficiary.Name) {
		add("UCP 600 Art. 18(a)(i)", "issuer", fmt.Sprintf("issued by %q, not by the beneficiary %q", inv.Issuer, t.Beneficiary.Name))
	}
	if !sameText(inv.MadeOutTo, t.Applicant.Name) {
		add("UCP 600 Art. 18(a)(ii)", "made out to", fmt.Sprintf("made out to %q, not to the applicant %q", inv.MadeOutTo, t.Applicant.Name))
	}
	if inv.Amount != nil && inv.Amount.Currency != t.Amount.Currency {
		add("UCP 600 Art. 18(a)(iii)", "currency", fmt.Sprintf("in %s; the credit is in %s", inv.Amount.Currency, t.Amount.Currency))
	}
	if !corresponds(inv.GoodsDescription, t.Goods.Description) {
		add("UCP 600 Art. 18(c)", "goods description", fmt.Sprintf("%q does not correspond with the credit's %q", inv.GoodsDescription, t.Goods.Description))
	}
	return out
}

// checkTransportDocument: Art. 20 bill of lading — on-board notation (20(a)(ii)), ports of
// loading and discharge as stated in the credit (20(a)(iii); MT700 44E/44F), transhipment
// (MT700 43T; 20(c)(ii): a B/L may show transhipment of goods shipped in a container even when
// the credit prohibits it), and Art. 27: a clean transport document only.
func checkTransportDocument(t Terms, p Presentation, _ Calendar) []Discrepancy {
	bl, ok := p.document(BillOfLading)
	if !ok {
		return nil
	}
	var out []Discrepancy
	add := func(rule, field, msg string) {
		out = append(out, Discrepancy{Rule: rule, Document: BillOfLading, Field: field, Message: msg})
	}
	if !bl.OnBoardNotation {
		add("UCP 600 Art. 20(a)(ii)", "on-board notation", "no indication that the goods were shipped on board a named vessel")
	}
	if t.PortOfLoading != "" && !sameText(bl.PortOfLoading, t.PortOfLoading) {
		add("UCP 600 Art. 20(a)(iii); MT700 44E", "port of loading", fmt.Sprintf("port of loading %s; the credit states %s", bl.PortOfLoading, t.PortOfLoading))
	}
	if t.PortOfDischarge != "" && !sameText(bl.PortOfDischarge, t.PortOfDischarge) {
		add("UCP 600 Art. 20(a)(iii); MT700 44F", "port of discharge", fmt.Sprintf("port of discharge %s; the credit states %s", bl.PortOfDischarge, t.PortOfDischarge))
	}
	if t.Transhipment == NotAllowed && bl.Transhipment && !bl.Container {
		add("MT700 43T; UCP 600 Art. 20(c)", "transhipment", "indicates transhipment of goods not shipped in a container; the credit prohibits transhipment")
	}
	if len(bl.Clauses) > 0 {
		add("UCP 600 Art. 27", "clauses", fmt.Sprintf("not clean: bears the clause %q declaring a defective condition of the goods or packaging", strings.Join(bl.Clauses, "; ")))
	}
	return out
}

// checkInsurance: Art. 28(e) the insurance must be effective no later than the date of
// shipment; 28(f)(i) in the currency of the credit; 28(f)(ii) for at least 110% of the CIF or
// CIP value (the invoice's amount when the value cannot be determined otherwise).
func checkInsurance(t Terms, p Presentation, _ Calendar) []Discrepancy {
	ins, ok := p.document(InsuranceDocument)
	if !ok {
		return nil
	}
	var out []Discrepancy
	add := func(rule, field, msg string) {
		out = append(out, Discrepancy{Rule: rule, Document: InsuranceDocument, Field: field, Message: msg})
	}
	if shipped, ok := p.shipmentDate(); ok {
		effective := ins.EffectiveDate
		if effective.IsZero() {
			effective = ins.IssueDate
		}
		if effective.After(shipped) {
			add("UCP 600 Art. 28(e)", "date", fmt.Sprintf("cover effective from %s, later than shipment on %s", effective, shipped))
		}
	}
	if ins.InsuredAmount == nil {
		add("UCP 600 Art. 28(f)(ii)", "insured amount", "the amount of cover is not indicated")
		return out
	}
	if ins.InsuredAmount.Currency != t.Amount.Currency {
		add("UCP 600 Art. 28(f)(i)", "currency", fmt.Sprintf("cover in %s; the credit is in %s", ins.InsuredAmount.Currency, t.Amount.Currency))
		return out
	}
	value := t.Amount
	if inv, ok := p.document(CommercialInvoice); ok && inv.Amount != nil && inv.Amount.Currency == t.Amount.Currency {
		value = *inv.Amount
	}
	if least := value.Percent(110); ins.InsuredAmount.Minor < least.Minor {
		add("UCP 600 Art. 28(f)(ii)", "insured amount", fmt.Sprintf("cover of %s is less than 110%% of the CIF/CIP value %s (%s)", ins.InsuredAmount, value, least))
	}
	return out
}

// checkDataConsistency: Art. 14(d) data in a document must not conflict with data in another
// stipulated document: here the quantity on the invoice and the packing list, and the ports on
// the bill of lading and the insurance document.
func checkDataConsistency(_ Terms, p Presentation, _ Calendar) []Discrepancy {
	var out []Discrepancy
	inv, hasInv := p.document(CommercialInvoice)
	pl, hasPL := p.document(PackingList)
	if hasInv && hasPL && inv.Quantity != 0 && pl.Quantity != 0 && inv.Quantity != pl.Quantity {
		out = append(out, Discrepancy{Rule: "UCP 600 Art. 14(d)", Document: PackingList, Field: "quantity",
			Message: fmt.Sprintf("quantity %d conflicts with %d on the commercial invoice", pl.Quantity, inv.Quantity)})
	}
	bl, hasBL := p.document(BillOfLading)
	ins, hasIns := p.document(InsuranceDocument)
	if hasBL && hasIns && ins.PortOfDischarge != "" && !sameText(ins.PortOfDischarge, bl.PortOfDischarge) {
		out = append(out, Discrepancy{Rule: "UCP 600 Art. 14(d)", Document: InsuranceDocument, Field: "port of discharge",
			Message: fmt.Sprintf("port of discharge %s conflicts with %s on the bill of lading", ins.PortOfDischarge, bl.PortOfDischarge)})
	}
	return out
}

func words(k DocumentKind) string { return strings.ReplaceAll(string(k), "_", " ") }

// sameText compares names and places ignoring case and spacing (ISBP practice does not treat
// typing differences that do not affect meaning as discrepancies).
func sameText(a, b string) bool { return normalise(a) == normalise(b) }

// corresponds: the invoice's goods description must correspond with the credit's (Art. 18(c));
// it may carry more detail, so the credit's words must all appear in it.
func corresponds(invoice, credit string) bool {
	inv := " " + normalise(invoice) + " "
	for _, w := range strings.Fields(normalise(credit)) {
		if !strings.Contains(inv, " "+w+" ") {
			return false
		}
	}
	return true
}

func normalise(s string) string {
	s = strings.ToUpper(s)
	s = strings.Map(func(r rune) rune {
		if r == ',' || r == '.' || r == ';' || r == ':' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
