package domain

import (
	"reflect"

	"github.com/tradefin/tradefin/events/money"
)

// Permission is MT700 43P/43T: ALLOWED, NOT ALLOWED or CONDITIONAL.
type Permission string

const (
	Allowed     Permission = "ALLOWED"
	NotAllowed  Permission = "NOT ALLOWED"
	Conditional Permission = "CONDITIONAL"
)

// Tolerance is MT700 39A: the percentage the amount may be above or below (e.g. 10/10).
type Tolerance struct {
	PlusPct  int64
	MinusPct int64
}

// Party is a named party with its address, and its organisation's identifier in the network's
// directory (an LEI for a trader): who may act as this party (MT700 names only and addresses).
type Party struct {
	ID      string
	Name    string
	Address string
}

// Goods is MT700 45A, with the quantity and unit price where the credit states them.
type Goods struct {
	Description string
	Quantity    int64 // in Unit; 0 when not stated
	Unit        string
	UnitPrice   *money.Money
	// QuantityAbout: "about" or "approximately" qualifies the quantity (UCP 600 Art. 30(a)).
	QuantityAbout bool
	// CountedInUnits: the quantity is a number of packing units or items (Art. 30(b) then gives
	// no 5% tolerance).
	CountedInUnits bool
}

// Terms are the credit's terms as issued, with accepted amendments applied.
type Terms struct {
	Number       string // MT700 20
	Applicant    Party
	Beneficiary  Party
	IssuingBank  string      // BIC
	AdvisingBank string      // BIC
	Amount       money.Money // 32B
	Tolerance    *Tolerance  // 39A
	// AmountAbout: "about" or "approximately" qualifies the amount (Art. 30(a): ±10%).
	AmountAbout      bool
	ExpiryDate       Date           // 31D
	ExpiryPlace      string         // 31D: place for presentation
	LatestShipment   Date           // 44C
	PartialShipments Permission     // 43P
	Transhipment     Permission     // 43T
	PortOfLoading    string         // 44E
	PortOfDischarge  string         // 44F
	Goods            Goods          // 45A
	Incoterm         string         // e.g. CIF, CIP
	Documents        []DocumentKind // 46A
	// AdditionalConditions are MT700 47A, one condition each (amended by MT707 47B).
	AdditionalConditions []string
	// PresentationPeriodDays is MT700 48; 0 means the Art. 14(c) default of 21 days.
	PresentationPeriodDays int
	// BeneficiaryAccount (IBAN) is where a complying presentation is paid (MT700 57a/78
	// instructions); AccountCurrency is its ISO 4217 currency when it differs from the credit's,
	// so settlement converts at the rate of the day and records it.
	BeneficiaryAccount string
	AccountCurrency    string
	// Form (40A), availability (41a, 42C, 42a, 42M, 42P), reimbursing bank (53a), advise-through
	// bank (57a) and instructions to the paying, accepting or negotiating bank (78): availability.go.
	Form              Form
	Availability      Availability
	ReimbursingBank   string
	AdviseThroughBank string
	Instructions      string
	// Confirmation is MT700 49 and ConfirmationParty 58a, the bank asked to confirm ("": the
	// advising bank): confirmation.go.
	Confirmation      ConfirmationInstructions
	ConfirmationParty BIC
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

// Same reports whether t and o are the same terms, as an application retried under its ID must
// be: field for field, a list given empty the same as one not given (a credit's stored terms
// keep no empty lists).
func (t Terms) Same(o Terms) bool {
	return reflect.DeepEqual(t.withEmptyListsNil(), o.withEmptyListsNil())
}

func (t Terms) withEmptyListsNil() Terms {
	if len(t.Documents) == 0 {
		t.Documents = nil
	}
	if len(t.AdditionalConditions) == 0 {
		t.AdditionalConditions = nil
	}
	return t
}
