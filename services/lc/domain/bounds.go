package domain

import (
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/tradefin/tradefin/events/contracts"
)

// Bounds of every identifier, text and list a credit holds, so that no single input makes an
// event or an integration message too large to store or to forward (contracts.MaxMessageBytes).
// Where SWIFT sizes a field, the bound is its MT700 size; the OpenAPI description states the
// same numbers as maxLength and maxItems.
const (
	MaxIDLength          = 100  // a credit's or a presentation's ID (the API's, not MT700 20)
	MaxNumberLength      = 16   // MT700 20: 16x
	MaxNameLength        = 140  // MT700 50/59: 4*35x
	MaxPlaceLength       = 140  // MT700 31D place, 44A-44F: up to 140z
	MaxGoodsLength       = 6500 // MT700 45A: 100*65z
	MaxShortTextLength   = 35   // a unit, an Incoterm, a document's issuer reference
	MaxIBANLength        = 42   // 34 characters (ISO 13616) with a space every four
	MaxDocumentsRequired = 20   // MT700 46A
	MaxDocuments         = 50   // documents in one presentation
	MaxClauses           = 20   // clauses on one transport document (Art. 27)
	MaxClauseLength      = 500
	MaxReasonLength      = 1000 // a cancellation's reason
	MaxPercent           = 100  // MT700 39A tolerance
	MaxPeriodDays        = 365  // MT700 48 presentation period
)

// idPattern: the same characters as a trade ID (contracts.CheckTradeID), safe in a URL path, a
// stream name and a log line.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// checkID bounds a credit's or a presentation's ID.
func checkID(field, id string) InvalidFields {
	switch {
	case id == "":
		return InvalidFields{{Field: field, Reason: "required"}}
	case len(id) > MaxIDLength:
		return InvalidFields{{Field: field, Reason: fmt.Sprintf("%d characters, at most %d", len(id), MaxIDLength)}}
	case !idPattern.MatchString(id):
		return InvalidFields{{Field: field, Reason: "only letters, digits, '.', '_' and '-', starting with a letter or digit"}}
	}
	return nil
}

// checkIDs bounds a credit's ID and its trade's.
func checkIDs(id, tradeID string) InvalidFields {
	out := checkID("id", id)
	if err := contracts.CheckTradeID(tradeID); err != nil {
		out = append(out, FieldError{Field: "tradeId", Reason: err.Error()})
	}
	return out
}

// bounds collects the fields over their bounds.
type bounds struct{ bad InvalidFields }

func (b *bounds) text(field, s string, limit int) {
	if n := utf8.RuneCountInString(s); n > limit {
		b.bad = append(b.bad, FieldError{Field: field, Reason: fmt.Sprintf("%d characters, at most %d", n, limit)})
	}
}

func (b *bounds) items(field string, n, limit int) bool {
	if n > limit {
		b.bad = append(b.bad, FieldError{Field: field, Reason: fmt.Sprintf("%d items, at most %d", n, limit)})
		return false
	}
	return true
}

func (b *bounds) number(field string, n, lo, hi int64) {
	if n < lo || n > hi {
		b.bad = append(b.bad, FieldError{Field: field, Reason: fmt.Sprintf("%d: want %d to %d", n, lo, hi)})
	}
}

// checkTerms bounds every text and list of a credit's terms.
func checkTerms(t Terms) InvalidFields {
	return append(termBounds(t, "terms."), checkAvailability(t)...)
}

func termBounds(t Terms, at string) InvalidFields {
	var b bounds
	b.text(at+"number", t.Number, MaxNumberLength)
	for _, p := range []struct {
		name  string
		party Party
	}{{"applicant", t.Applicant}, {"beneficiary", t.Beneficiary}} {
		b.text(at+p.name+".id", p.party.ID, MaxShortTextLength)
		b.text(at+p.name+".name", p.party.Name, MaxNameLength)
		b.text(at+p.name+".address", p.party.Address, MaxNameLength)
	}
	b.text(at+"issuingBank", t.IssuingBank, 11) // BIC (ISO 9362): 8 or 11
	b.text(at+"advisingBank", t.AdvisingBank, 11)
	b.text(at+"expiryPlace", t.ExpiryPlace, MaxPlaceLength)
	b.text(at+"portOfLoading", t.PortOfLoading, MaxPlaceLength)
	b.text(at+"portOfDischarge", t.PortOfDischarge, MaxPlaceLength)
	b.text(at+"goods.description", t.Goods.Description, MaxGoodsLength)
	b.text(at+"goods.unit", t.Goods.Unit, MaxShortTextLength)
	b.text(at+"incoterm", t.Incoterm, MaxShortTextLength)
	b.text(at+"beneficiaryAccount", t.BeneficiaryAccount, MaxIBANLength)
	b.text(at+"accountCurrency", t.AccountCurrency, 3)
	b.items(at+"documentsRequired", len(t.Documents), MaxDocumentsRequired)
	if b.items(at+"additionalConditions", len(t.AdditionalConditions), MaxConditions) {
		for i, c := range t.AdditionalConditions {
			b.text(fmt.Sprintf("%sadditionalConditions[%d]", at, i), c, MaxConditionLength)
		}
	}
	if t.Tolerance != nil {
		b.number(at+"tolerance.plusPct", t.Tolerance.PlusPct, 0, MaxPercent)
		b.number(at+"tolerance.minusPct", t.Tolerance.MinusPct, 0, MaxPercent)
	}
	b.number(at+"presentationPeriodDays", int64(t.PresentationPeriodDays), 0, MaxPeriodDays)
	return b.bad
}

// checkPresentation bounds every text and list of a presentation.
func checkPresentation(p Presentation) InvalidFields {
	var b bounds
	b.text("presentation.place", p.Place, MaxPlaceLength)
	if !b.items("presentation.documents", len(p.Documents), MaxDocuments) {
		return b.bad
	}
	for i, d := range p.Documents {
		at := fmt.Sprintf("presentation.documents[%d].", i)
		b.text(at+"issuer", d.Issuer, MaxNameLength)
		b.text(at+"madeOutTo", d.MadeOutTo, MaxNameLength)
		b.text(at+"goodsDescription", d.GoodsDescription, MaxGoodsLength)
		b.text(at+"portOfLoading", d.PortOfLoading, MaxPlaceLength)
		b.text(at+"portOfDischarge", d.PortOfDischarge, MaxPlaceLength)
		if b.items(at+"clauses", len(d.Clauses), MaxClauses) {
			for j, c := range d.Clauses {
				b.text(fmt.Sprintf("%sclauses[%d]", at, j), c, MaxClauseLength)
			}
		}
	}
	return b.bad
}

// CheckExamination bounds a stateless pre-check's terms and presentation (the examination
// endpoint: nothing is stored, but nothing unbounded is examined either).
func CheckExamination(t Terms, p Presentation) error {
	bad := append(termBounds(t, "terms."), checkPresentation(p)...)
	if len(bad) > 0 {
		return bad
	}
	return nil
}
