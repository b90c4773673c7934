package domain

import "github.com/tradefin/tradefin/events/money"

// Permission is MT700 43P/43T: ALLOWED, NOT ALLOWED or CONDITIONAL.
type Permission string

const (
	Allowed     Permission = "ALLOWED"
	NotAllowed  Permission = "NOT ALLOWED"
	Conditional Permission = "CONDITIONAL"
)

// Tolerance is MT700 39A: the percentage the amount may be above or below (e.g. 10/10).
type Tolerance struct {
	PlusPct  int64 `json:"plusPct"`
	MinusPct int64 `json:"minusPct"`
}

// Party is a named party with its address, and its organisation's identifier in the network's
// directory (an LEI for a trader): who may act as this party (MT700 names only and addresses).
type Party struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
}

// Goods is MT700 45A, with the quantity and unit price where the credit states them.
type Goods struct {
	Description string       `json:"description"`
	Quantity    int64        `json:"quantity,omitempty"` // in Unit; 0 when not stated
	Unit        string       `json:"unit,omitempty"`
	UnitPrice   *money.Money `json:"unitPrice,omitempty"`
	// QuantityAbout: "about" or "approximately" qualifies the quantity (UCP 600 Art. 30(a)).
	QuantityAbout bool `json:"quantityAbout,omitempty"`
	// CountedInUnits: the quantity is a number of packing units or items (Art. 30(b) then gives
	// no 5% tolerance).
	CountedInUnits bool `json:"countedInUnits,omitempty"`
}

// Terms are the credit's terms as issued, with accepted amendments applied.
type Terms struct {
	Number       string      `json:"number"` // MT700 20
	Applicant    Party       `json:"applicant"`
	Beneficiary  Party       `json:"beneficiary"`
	IssuingBank  string      `json:"issuingBank"`         // BIC
	AdvisingBank string      `json:"advisingBank"`        // BIC
	Amount       money.Money `json:"amount"`              // 32B
	Tolerance    *Tolerance  `json:"tolerance,omitempty"` // 39A
	// AmountAbout: "about" or "approximately" qualifies the amount (Art. 30(a): ±10%).
	AmountAbout      bool           `json:"amountAbout,omitempty"`
	ExpiryDate       Date           `json:"expiryDate"`                 // 31D
	ExpiryPlace      string         `json:"expiryPlace"`                // 31D: place for presentation
	LatestShipment   Date           `json:"latestShipment,omitempty"`   // 44C
	PartialShipments Permission     `json:"partialShipments,omitempty"` // 43P
	Transhipment     Permission     `json:"transhipment,omitempty"`     // 43T
	PortOfLoading    string         `json:"portOfLoading,omitempty"`    // 44E
	PortOfDischarge  string         `json:"portOfDischarge,omitempty"`  // 44F
	Goods            Goods          `json:"goods"`                      // 45A
	Incoterm         string         `json:"incoterm,omitempty"`         // e.g. CIF, CIP
	Documents        []DocumentKind `json:"documentsRequired"`          // 46A
	// PresentationPeriodDays is MT700 48; 0 means the Art. 14(c) default of 21 days.
	PresentationPeriodDays int `json:"presentationPeriodDays,omitempty"`
	// BeneficiaryAccount (IBAN) is where a complying presentation is paid (MT700 57a/78
	// instructions); AccountCurrency is its ISO 4217 currency when it differs from the credit's,
	// so settlement converts at the rate of the day and records it.
	BeneficiaryAccount string `json:"beneficiaryAccount,omitempty"`
	AccountCurrency    string `json:"accountCurrency,omitempty"`
	// Form (40A), availability (41a, 42C, 42a, 42M, 42P), reimbursing bank (53a), advise-through
	// bank (57a) and instructions to the paying, accepting or negotiating bank (78): availability.go.
	Form              Form         `json:"form,omitempty"`
	Availability      Availability `json:"availability,omitzero"`
	ReimbursingBank   string       `json:"reimbursingBank,omitempty"`
	AdviseThroughBank string       `json:"adviseThroughBank,omitempty"`
	Instructions      string       `json:"instructions,omitempty"`
	// Confirmation is MT700 49 and ConfirmationParty 58a, the bank asked to confirm ("": the
	// advising bank): confirmation.go.
	Confirmation      ConfirmationInstructions `json:"confirmation,omitempty"`
	ConfirmationParty BIC                      `json:"requestedConfirmationParty,omitempty"`
}

// maxAmount is the most the credit allows: 39A's plus tolerance, or "about" ±10% (Art. 30(a)).
func (t Terms) maxAmount() money.Money {
	switch {
	case t.Tolerance != nil:
		return t.Amount.Percent(100 + t.Tolerance.PlusPct)
	case t.AmountAbout:
		return t.Amount.Percent(110)
	}
	return t.Amount
}

// minAmount is the least a full drawing may be (39A minus tolerance, or "about" −10%).
func (t Terms) minAmount() money.Money {
	switch {
	case t.Tolerance != nil:
		return t.Amount.Percent(100 - t.Tolerance.MinusPct)
	case t.AmountAbout:
		return t.Amount.Percent(90)
	}
	return t.Amount
}
