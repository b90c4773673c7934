package contracts

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Letters of credit (services/lc).

// LCApplied: the importer applied for a documentary credit.
type LCApplied struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID           string         `json:"lcId"`
	Applicant      string         `json:"applicant"`
	Beneficiary    string         `json:"beneficiary"`
	ApplicantOrg   string         `json:"applicantOrg"`   // the applicant's organisation (LEI)
	BeneficiaryOrg string         `json:"beneficiaryOrg"` // the beneficiary's organisation (LEI)
	IssuingBank    string         `json:"issuingBank"`    // BIC
	AdvisingBank   string         `json:"advisingBank"`   // BIC
	Amount         money.Money    `json:"amount"`
	ExpiryDate     string         `json:"expiryDate"` // YYYY-MM-DD (MT700 31D)
	ExpiryPlace    string         `json:"expiryPlace"`
	LatestShipment string         `json:"latestShipment,omitempty"` // MT700 44C
	// PresentableUntil is the last instant a presentation can be made (RFC 3339, UTC): the end
	// of the expiry date's banking day at the place of expiry, moved to the next banking day
	// when the bank is closed (UCP 600 Art. 6(d)(i), 29(a)). The LC service computes it; the
	// trade workflow's expiry timer uses it and nothing else.
	PresentableUntil string `json:"presentableUntil"`
}

// LCAmended: the beneficiary accepted an amendment the issuing bank issued, so the credit's
// terms changed (UCP 600 Art. 10(b), (c); MT707). It carries the terms after the amendment.
type LCAmended struct {
	TradeID          string         `json:"tradeId"`
	Actor            identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID             string         `json:"lcId"`
	Amendment        int            `json:"amendment"` // MT707 field 26E, number of amendment
	Amount           money.Money    `json:"amount"`
	ExpiryDate       string         `json:"expiryDate"`               // YYYY-MM-DD (MT707 31E)
	LatestShipment   string         `json:"latestShipment,omitempty"` // MT707 44C
	PresentableUntil string         `json:"presentableUntil"`         // as in LCApplied, for the new expiry
}

// LCIssued: the issuing bank issued the credit (MT700 sent).
type LCIssued struct {
	TradeID   string         `json:"tradeId"`
	Actor     identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID      string         `json:"lcId"`
	LCNumber  string         `json:"lcNumber"` // MT700 field 20
	IssueDate string         `json:"issueDate"`
}

// LCAdvised: the advising bank advised the credit to the beneficiary.
type LCAdvised struct {
	TradeID string         `json:"tradeId"`
	Actor   identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID    string         `json:"lcId"`
}

// LCAccepted: the beneficiary accepted the credit's terms.
type LCAccepted struct {
	TradeID string         `json:"tradeId"`
	Actor   identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID    string         `json:"lcId"`
}

// DocumentsPresented: the beneficiary presented documents under the credit.
type DocumentsPresented struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID           string         `json:"lcId"`
	PresentationID string         `json:"presentationId"`
	Documents      []string       `json:"documents"` // SHA-256 of each document
	// ExaminationDeadline is the close of the bank's five banking days following the day of
	// presentation at its place (RFC 3339, UTC; UCP 600 Art. 14(b)): the workflow's timer.
	ExaminationDeadline string `json:"examinationDeadline,omitempty"`
	// Drawing: the drawing's reference, on a credit drawn by several presentations (drawings.go).
	Drawing string `json:"drawing,omitempty"`
}

// DocumentsRefused: the issuing bank refused the presentation (UCP 600 Art. 16, MT734).
type DocumentsRefused struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID           string         `json:"lcId"`
	PresentationID string         `json:"presentationId"`
	Discrepancies  []string       `json:"discrepancies"`
	Disposal       string         `json:"disposal"`
	// Drawing: the drawing's reference, on a credit drawn by several presentations (drawings.go).
	Drawing string `json:"drawing,omitempty"`
}

// DiscrepanciesWaived: the applicant waived the discrepancies and the bank accepted.
type DiscrepanciesWaived struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID           string         `json:"lcId"`
	PresentationID string         `json:"presentationId"`
	// Drawing: the drawing's reference, on a credit drawn by several presentations (drawings.go).
	Drawing string `json:"drawing,omitempty"`
}

// LCHonoured: the issuing bank honoured a complying presentation; settlement pays.
type LCHonoured struct {
	TradeID            string         `json:"tradeId"`
	Actor              identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID               string         `json:"lcId"`
	PresentationID     string         `json:"presentationId"`
	Amount             money.Money    `json:"amount"`
	IssuingBank        string         `json:"issuingBank"`  // BIC, pays
	AdvisingBank       string         `json:"advisingBank"` // BIC, receives for the beneficiary
	Beneficiary        string         `json:"beneficiary"`
	BeneficiaryAccount string         `json:"beneficiaryAccount,omitempty"` // IBAN
	AccountCurrency    string         `json:"accountCurrency,omitempty"`    // ISO 4217, when it differs
	Payees             []Payee        `json:"payees,omitempty"`             // a transferred credit's: who is paid what (Art. 38(h))
	// A usance credit's honour is the issuing bank's undertaking to pay at maturity (UCP 600
	// Art. 2, "honour" (b), (c)), so it travels with the honour, absent (and the event unchanged)
	// for a sight credit: Undertaking is DEFERRED_PAYMENT or ACCEPTED_DRAFT, MaturityDate the
	// due date (YYYY-MM-DD) on a banking day of the place of payment, PayableAt its start there
	// (RFC 3339, UTC). The trade workflow instructs the payment at PayableAt, not at once.
	Undertaking  string `json:"undertaking,omitempty"`
	MaturityDate string `json:"maturityDate,omitempty"`
	PayableAt    string `json:"payableAt,omitempty"`
	// Drawing: the drawing's reference, on a credit drawn by several presentations (drawings.go).
	Drawing string `json:"drawing,omitempty"`
	// HonouredBy is the confirming bank (BIC) when it honoured under its confirmation (UCP 600
	// Art. 8(a)) and pays the beneficiary; "" when the issuing bank honoured and pays.
	HonouredBy string `json:"honouredBy,omitempty"`
	// Instalments: a mixed payment credit's honour, paid in instalments (lc_instalments.go).
	Instalments []HonouredInstalment `json:"instalments,omitempty"`
}

// LCExpired: the credit expired unused (UCP 600 Art. 6(d)(i)).
type LCExpired struct {
	TradeID string         `json:"tradeId"`
	Actor   identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID    string         `json:"lcId"`
}

// LCCancelled: the credit was cancelled with the beneficiary's consent (UCP 600 Art. 10(a)).
type LCCancelled struct {
	TradeID string         `json:"tradeId"`
	Actor   identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID    string         `json:"lcId"`
	Reason  string         `json:"reason"`
}
