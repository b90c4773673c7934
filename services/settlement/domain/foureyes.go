package domain

import "github.com/tradefin/tradefin/events/money"

// FourEyes is the maker-checker policy: a payment whose amount is above its currency's threshold
// (minor units) is released by one user of the debtor bank and approved by another.
//
// The maker is whoever requests the release: a payments officer of the debtor bank by hand, or
// the trade workflow after the honour, in which case the honour's actor (whose act raised the
// payment) stands as the human maker. The checker is a user of the debtor bank holding approver
// who is neither the maker nor the honour's actor (Authorize, ActApprove); the workflow is never a
// checker. Until the checker approves, nothing is instructed and no pacs.009 exists.
type FourEyes = money.Thresholds

// ParseFourEyes reads the thresholds (money.ParseThresholds); a bad one is an invalid-input error.
func ParseFourEyes(s string) (FourEyes, error) {
	f, err := money.ParseThresholds(s)
	if err != nil {
		return FourEyes{}, invalid("four-eyes %v", err)
	}
	return f, nil
}
