package domain

import "strings"

// normalized is the obligation as recorded: the account currency defaults to the amount's.
func (o Obligation) normalized() Obligation {
	if o.AccountCurrency.IsZero() {
		o.AccountCurrency = o.Amount.Currency
	}
	return o
}

// TermsDiffer names the terms in which other differs from the obligation (empty: the same
// terms). The payment ID derives from trade, LC and presentation only, so an honour raised again
// under that ID must carry the same terms; anything else is a conflict, never absorbed, or a
// raise that came first could dictate the amount or the creditor of a later real honour.
func (o Obligation) TermsDiffer(other Obligation) []string {
	a, b := o.normalized(), other.normalized()
	var diff []string
	for _, f := range []struct {
		name string
		same bool
	}{
		{"amount", a.Amount == b.Amount},
		{"issuingBank", sameBIC(a.IssuingBank, b.IssuingBank)},
		{"advisingBank", sameBIC(a.AdvisingBank, b.AdvisingBank)},
		{"beneficiary", a.Beneficiary == b.Beneficiary},
		{"beneficiaryAccount", a.BeneficiaryAccount == b.BeneficiaryAccount},
		{"accountCurrency", a.AccountCurrency == b.AccountCurrency},
	} {
		if !f.same {
			diff = append(diff, f.name)
		}
	}
	return diff
}

// TermsConflict is the error of an obligation raised again under an existing payment ID with other
// terms.
func TermsConflict(id string, fields []string) error {
	return conflict("payment %s exists with other terms (%s differ): not raised again", id, strings.Join(fields, ", "))
}

// sameBIC compares two BICs as the same institution's: an 8-character BIC is its primary office,
// the 11-character form with branch "XXX" (ISO 9362).
func sameBIC(a, b string) bool { return bic8(a) == bic8(b) }

func bic8(s string) string {
	if len(s) == 11 && strings.HasSuffix(s, "XXX") {
		return s[:8]
	}
	return s
}
