package contracts

import "github.com/tradefin/tradefin/events/identity"

// LCAmendmentIssued: the issuing bank issued an amendment (MT707), of its own or at the
// applicant's request; it is irrevocably bound by it from then on, while the credit's terms
// change only when the beneficiary accepts it (UCP 600 Art. 10(b); lc.amended.v1).
type LCAmendmentIssued struct {
	TradeID   string         `json:"tradeId"`
	Actor     identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID      string         `json:"lcId"`
	Amendment int            `json:"amendment"` // MT707 26E
	// Fields are the MT707 tags of what it changes (e.g. 32B, 45B, 47B).
	Fields []string `json:"fields"`
	// RequestedBy is the applicant's organisation when it requested the amendment.
	RequestedBy string `json:"requestedBy,omitempty"`
}
