package contracts

import (
	"strings"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// A confirmed credit (UCP 600 Art. 8) and the reimbursement of the bank that honoured under it
// (Art. 7(c), 8(c); URR 725 when MT700 53a names a reimbursing bank).

// LCConfirmed: the confirming bank added its confirmation to the credit (MT700 49 CONFIRM or MAY
// ADD); it is irrevocably bound to honour from then on (Art. 8(b)).
type LCConfirmed struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID           string         `json:"lcId"`
	ConfirmingBank string         `json:"confirmingBank"` // BIC: the advising bank or the 58a party
	ConfirmedOn    string         `json:"confirmedOn"`    // YYYY-MM-DD
}

// LCReimbursementClaimed: the confirming bank, having honoured a complying presentation, claims
// reimbursement of what it paid (Art. 8(c)); settlement raises the reimbursement payment from it.
type LCReimbursementClaimed struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID           string         `json:"lcId"`
	PresentationID string         `json:"presentationId"` // the honoured presentation
	Amount         money.Money    `json:"amount"`
	ClaimingBank   string         `json:"claimingBank"` // BIC, the confirming bank: receives
	IssuingBank    string         `json:"issuingBank"`  // BIC, bound to reimburse (Art. 7(c))
	// ReimbursingBank is MT700 53a's (BIC): it pays on the issuing bank's MT740 authorisation
	// (URR 725 Art. 6); "" when the issuing bank pays itself.
	ReimbursingBank string `json:"reimbursingBank,omitempty"`
}

// Payer is the bank that pays the reimbursement: the reimbursing bank when named, else the
// issuing bank.
func (c LCReimbursementClaimed) Payer() string {
	if c.ReimbursingBank != "" {
		return c.ReimbursingBank
	}
	return c.IssuingBank
}

// ReimbursementSettled: the reimbursement payment to the confirming bank reached finality
// (pacs.002 ACSC). It is not settlement.payment_settled.v1: that is the beneficiary's payment.
type ReimbursementSettled struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	PaymentID      string         `json:"paymentId"`
	PresentationID string         `json:"presentationId"` // the honoured presentation reimbursed
	Amount         money.Money    `json:"amount"`
}

// ReimbursementRef names the reimbursement payment of an honoured presentation: the payment of
// the presentation itself with ":reimbursement" after its presentation ID. No LC presentation
// ID holds a ':' (their pattern is letters, digits, '.', '_' and '-'), so it names no other
// presentation's payment.
func ReimbursementRef(honoured PaymentRef) PaymentRef {
	honoured.PresentationID += ReimbursementSuffix
	return honoured
}

// ReimbursementSuffix marks a reimbursement payment's presentation ID.
const ReimbursementSuffix = ":reimbursement"

// ByConfirmingBank reports whether the event is a step the confirming bank performed in its own
// name under its confirmation: an honour of a presentation made to it (UCP 600 Art. 8(a),
// LCHonoured.HonouredBy). Its organisation, not the issuing bank's, commits that milestone
// (chaincode/rules CommittingOrg); the trade workflow and the ledger agents both ask this.
func ByConfirmingBank(data any) bool {
	h, ok := data.(*LCHonoured)
	return ok && h.HonouredBy != ""
}

// IsReimbursementPayment reports whether paymentID (settlement's, as settlement.payment_failed.v1
// names it) is a confirming bank's reimbursement: its presentation part ends with
// ReimbursementSuffix, which no presentation ID holds.
func IsReimbursementPayment(paymentID string) bool {
	return strings.HasSuffix(paymentID, ReimbursementSuffix)
}
