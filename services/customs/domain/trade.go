package domain

import (
	"errors"
	"slices"
	"strings"

	"github.com/tradefin/tradefin/events/identity"
)

// TradeOpened: customs learned a trade from its first credit application (lc.applied.v1). A
// trade ID is owned (issue 10): created by its first credit application and bound to that
// credit's parties, so customs takes documents, declarations and bills of lading only for a
// trade it knows, and only from the parties of its credit in their roles. The exporter is the
// credit's beneficiary, the importer its applicant (UCP 600 Art. 2).
type TradeOpened struct {
	TradeID      string
	LCID         string // the credit whose application opened it
	Applicant    string // the importer's organisation (LEI)
	Beneficiary  string // the exporter's organisation (LEI)
	IssuingBank  string // BIC
	AdvisingBank string // BIC
}

func (TradeOpened) EventName() string { return "customs.TradeOpened" }

// ErrTradeOwned: a credit application names a trade already opened by a credit of other parties.
// Nobody else's credit can join a trade.
var ErrTradeOwned = errors.New("the trade belongs to the parties of its first credit")

// OpenTrade validates what a credit application says of its trade: every identifier within its
// bounds (a message over them is refused, never retried).
func OpenTrade(t TradeOpened) (TradeOpened, error) {
	for _, err := range []error{validTradeID(t.TradeID), validID("lcId", t.LCID), validTraderID("applicantOrg", t.Applicant), validTraderID("beneficiaryOrg", t.Beneficiary),
		validBIC("issuingBank", t.IssuingBank), validBIC("advisingBank", t.AdvisingBank)} {
		if err != nil {
			return t, err
		}
	}
	if t.Applicant == t.Beneficiary {
		return t, invalid("beneficiaryOrg", "the applicant and the beneficiary are one organisation")
	}
	return t, nil
}

// Joins decides a credit application on a trade already opened (by o): the same parties are
// the same trade (a redelivery, or another credit between them), any other is ErrTradeOwned.
func (t TradeOpened) Joins(o TradeOpened) error {
	if t.Applicant == o.Applicant && t.Beneficiary == o.Beneficiary && t.IssuingBank == o.IssuingBank && t.AdvisingBank == o.AdvisingBank {
		return nil
	}
	return ErrTradeOwned
}

// Admits reports whether the actor may create documents, declarations or bills of lading on the
// trade at all: its exporter and importer, and carriers (the credit names none; the bill of
// lading it issues binds a carrier to its shipment). Whether the actor's role allows the one it
// asks for is Authorize's to say. A nil trade (not known to customs) admits nobody.
func (t *TradeOpened) Admits(a identity.Actor) bool {
	switch {
	case t == nil:
		return false
	case a.OrgKind == identity.Carrier:
		return true
	}
	return a.OrgKind == identity.Trader && slices.Contains([]string{t.Applicant, t.Beneficiary}, a.Org)
}

// validBIC: a BIC (ISO 9362): 4 letters of the institution, the 2 of its country, 2 letters or
// digits of its location, optionally 3 of its branch.
func validBIC(field, bic string) error {
	if n := len(bic); (n != 8 && n != 11) || validCountry(field, bic[4:6]) != nil ||
		strings.Trim(bic[:4], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || strings.Trim(bic[6:], upperAlnum) != "" {
		return invalid(field, "%.40q is not a BIC (ISO 9362)", bic)
	}
	return nil
}
