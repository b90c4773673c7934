package swiftmap

import (
	"strings"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// discrepancyAdvice is the MT750 the nominated bank sends the issuing bank when it forwards a
// discrepant presentation under reserve (UCP 600 Art. 12(a), 16): 20 its reference for the
// presentation, 21 the credit's number, 32B the amount presented, 77J the discrepancies it found,
// 72Z that the documents follow under reserve. Nil when the presentation was not so forwarded.
func discrepancyAdvice(t domain.Terms, p domain.ExaminedPresentation, ref string) (*swift.Message, error) {
	r := p.Reserve
	if r == nil {
		return nil, nil
	}
	amount, err := swift.CurrencyAmount(invoiceAmount(p, t.Amount))
	if err != nil {
		return nil, err
	}
	m := &swift.Message{Sender: r.By, Receiver: t.IssuingBank, Type: "750", Input: true}
	m.Add("20", ref)
	m.Add("21", short(t.Number))
	m.Add("32B", amount)
	m.Add("72Z", "DOCUMENTS FORWARDED UNDER\r\nRESERVE ON "+swift.Date6(civil(r.On)))
	m.Add("77J", strings.Join(discrepancies(r.Discrepancies), "\r\n"))
	if err := swift.Validate(m); err != nil {
		return nil, err
	}
	return m, nil
}

// dischargeAdvice is the issuing bank's MT732 (Advice of Discharge) to the nominated bank that
// forwarded presentation p under reserve, once the issuing bank took the discrepant documents up
// and honoured: the standard's use of MT732 (documents received with discrepancies have been
// taken up), which discharges the nominated bank's reserve. 21 is the nominated bank's MT750
// reference, 30 the date of the honour; nil when not forwarded under reserve or not honoured.
func dischargeAdvice(t domain.Terms, p domain.ExaminedPresentation, ref string) (*swift.Message, error) {
	r := p.Reserve
	if r == nil || !p.Honoured {
		return nil, nil
	}
	amount, err := swift.CurrencyAmount(invoiceAmount(p, t.Amount))
	if err != nil {
		return nil, err
	}
	m := &swift.Message{Sender: t.IssuingBank, Receiver: r.By, Type: "732", Input: true}
	m.Add("20", short(t.Number))
	m.Add("21", ref)
	m.Add("30", swift.Date6(civil(p.HonouredOn)))
	m.Add("32B", amount)
	if err := swift.Validate(m); err != nil {
		return nil, err
	}
	return m, nil
}
