package swiftmap

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// mt707Order is the order of MT707's fields in the standard (SR 2018 onwards): the fields swift.MT707 does not carry yet are added and the message put in order.
var mt707Order = []string{"27", "20", "21", "23", "52A", "50B", "31C", "26E", "30", "22A", "23S", "40A", "40E", "31D", "50", "59",
	"32B", "33B", "39A", "39C", "41A", "41D", "42C", "42A", "42D", "42M", "42P", "43P", "43T", "44A", "44E", "44F", "44B", "44C", "44D",
	"45B", "46B", "47B", "49M", "49N", "71D", "71N", "48", "49", "58A", "53A", "78", "57A", "72Z"}

// issued: an amendment the issuing bank issued has its MT707; a request (or a declined one) none.
func issued(a domain.Amendment) bool {
	return a.Status != domain.StateRequested && a.Status != domain.StateDeclined
}

// MT707 renders amendment a of lc with every field it changes, narrative ones (45B/46B/47B)
// with their /ADD/, /DELETE/ and /REPALL/ codes.
func MT707(lc *domain.LetterOfCredit, a domain.Amendment) (*swift.Message, error) {
	t := lc.Terms
	m, err := swift.MT707{Sender: t.IssuingBank, Receiver: t.AdvisingBank, Reference: short(t.Number), ReceiverReference: "NONREF",
		IssuingBankReference: short(t.Number), DateOfIssue: civil(lc.IssueDate), AmendmentNumber: a.Number, DateOfAmendment: civil(a.Date),
		Purpose: "ISSU", NewExpiry: civil(a.NewExpiry), NewExpiryPlace: upper(t.ExpiryPlace, 29), Increase: a.Increase, Decrease: a.Decrease, LatestShipment: civil(a.NewLatestShipment),
		Goods: narrative(a.Goods, false), Documents: narrative(a.Documents, true), Conditions: narrative(a.Conditions, false)}.Message()
	if err != nil {
		return nil, err
	}
	if p := a.NewBeneficiary; p != nil {
		m.Add("59", strings.Join(party(*p), "\r\n"))
	}
	if tol := a.NewTolerance; tol != nil {
		m.Add("39A", swift.Tolerance(int(tol.PlusPct), int(tol.MinusPct)))
	}
	m.Add("43P", string(a.NewPartialShipments))
	m.Add("43T", string(a.NewTranshipment))
	m.Add("44E", upper(a.NewPortOfLoading, 65))
	m.Add("44F", upper(a.NewPortOfDischarge, 65))
	if a.NewPresentationPeriodDays > 0 {
		m.Add("48", fmt.Sprint(a.NewPresentationPeriodDays))
	}
	slices.SortStableFunc(m.Fields, func(x, y swift.Field) int {
		return slices.Index(mt707Order, x.Tag) - slices.Index(mt707Order, y.Tag)
	})
	return m, swift.Validate(m)
}

// narrative is a narrative field's lines: each change's code, then its text in 65-character
// lines (46B: the document's name when the change has no text), at most the field's 100.
func narrative(cs []domain.NarrativeChange, documents bool) []string {
	var out []string
	for _, c := range cs {
		text := c.Text
		if documents {
			if text == "" {
				text = strings.ReplaceAll(string(c.Document), "_", " ")
			}
			text = "+" + text
		}
		out = append(out, swift.Wrap(swift.ToX("/"+string(c.Code)+"/"+strings.ToUpper(text)), 65)...)
	}
	if len(out) > 100 {
		out = out[:100]
	}
	return out
}
