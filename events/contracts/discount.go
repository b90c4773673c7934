package contracts

import (
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// LCUndertakingDiscounted: the nominated bank prepaid or purchased a usance presentation's
// deferred payment undertaking or accepted draft before its maturity (UCP 600 Art. 12(b)). It
// pays the beneficiary Proceeds now; at maturity the issuing bank pays it Face instead of the
// beneficiary. Settlement raises the proceeds' payment from it (DiscountRef) and redirects the
// maturity payment of the honour to the nominated bank.
type LCUndertakingDiscounted struct {
	TradeID        string         `json:"tradeId"`
	Actor          identity.Stamp `json:"actor"` // who acted: organisation, user, client
	LCID           string         `json:"lcId"`
	PresentationID string         `json:"presentationId"` // the honoured presentation
	NominatedBank  string         `json:"nominatedBank"`  // BIC: pays the proceeds, receives the face at maturity
	Proceeds       money.Money    `json:"proceeds"`       // paid to the beneficiary now
	Face           money.Money    `json:"face"`           // the undertaking's amount, due at maturity
	DiscountedOn   string         `json:"discountedOn"`   // YYYY-MM-DD
	MaturityDate   string         `json:"maturityDate"`   // YYYY-MM-DD
	PayableAt      string         `json:"payableAt"`      // RFC 3339, UTC
	Drawing        string         `json:"drawing,omitempty"`
	// Whom the proceeds are paid: the beneficiary, at its bank (the advising bank), as the
	// honour names them (LCHonoured).
	AdvisingBank       string `json:"advisingBank"`
	Beneficiary        string `json:"beneficiary"`
	BeneficiaryAccount string `json:"beneficiaryAccount,omitempty"` // IBAN
}

// DiscountSuffix marks the payment of a discount's proceeds: the honoured presentation's
// payment reference with ":discount" after its presentation ID (no presentation ID holds a ':').
const DiscountSuffix = ":discount"

// DiscountRef names the payment of the proceeds of the honoured presentation's discount.
func DiscountRef(honoured PaymentRef) PaymentRef {
	honoured.PresentationID += DiscountSuffix
	return honoured
}

// Check applies the bounds a consumer trusts the discount within: a valid trade ID, a nominated
// bank, proceeds above zero and at most the face, in its currency (Art. 12(b): the discount is
// of the undertaking, never more than it). Its error wraps ErrMalformed: permanent.
func (d LCUndertakingDiscounted) Check() error {
	if err := CheckTradeID(d.TradeID); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	switch {
	case d.NominatedBank == "" || len(d.NominatedBank) > 11:
		return fmt.Errorf("%w: a discount names its nominated bank's BIC", ErrMalformed)
	case d.Proceeds.Currency != d.Face.Currency || d.Proceeds.Minor <= 0 || d.Proceeds.Minor > d.Face.Minor:
		return fmt.Errorf("%w: discount proceeds %s: above zero and at most the face %s, in its currency", ErrMalformed, d.Proceeds, d.Face)
	case len(d.PresentationID) > MaxTradeIDLength:
		return fmt.Errorf("%w: presentation ID of %d characters, at most %d", ErrMalformed, len(d.PresentationID), MaxTradeIDLength)
	}
	return nil
}
