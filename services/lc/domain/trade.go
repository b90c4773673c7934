package domain

import "fmt"

// TradeClaim binds a trade ID to the credit that created it and that credit's parties. A trade
// ID is the client's choice, and every event of the trade (its workflow, its ledger record) is
// keyed by it: unowned, anyone could put a credit of their own on someone else's trade and end
// it. So the first application on a trade ID claims it; the trade has that one credit.
type TradeClaim struct {
	TradeID, LCID string
	Parties       TradeParties
}

// TradeParties are the organisations of a trade's credit.
type TradeParties struct {
	Applicant, Beneficiary    string // LEIs
	IssuingBank, AdvisingBank string // BICs
}

// TradeClaimed: a trade ID was claimed by its first credit.
type TradeClaimed struct{ Claim TradeClaim }

func (TradeClaimed) EventName() string { return "lc.TradeClaimed" }

// ClaimOf is the claim a credit makes on its trade.
func ClaimOf(lc *LetterOfCredit) TradeClaim {
	t := lc.Terms
	return TradeClaim{TradeID: lc.TradeID, LCID: lc.ID, Parties: TradeParties{Applicant: t.Applicant.ID, Beneficiary: t.Beneficiary.ID,
		IssuingBank: t.IssuingBank, AdvisingBank: t.AdvisingBank}}
}

// ErrTradeTaken: the trade ID belongs to another credit's parties. It names nothing of that
// credit: they are no business of the caller.
var ErrTradeTaken = &Error{Kind: KindConflict, Msg: "the trade ID belongs to another trade"}

// Admits decides whether claim c, standing, lets another claim on the same trade ID through:
// only the same credit again (a retried application). The same parties' second credit is
// refused too, naming the first: a trade has one credit, which its workflow follows.
func (c TradeClaim) Admits(other TradeClaim) error {
	switch {
	case c == other:
		return nil
	case c.Parties != other.Parties:
		return fmt.Errorf("trade %s: %w", other.TradeID, ErrTradeTaken)
	}
	return errorf(KindConflict, "trade %s already has credit %s: a trade has one credit", other.TradeID, c.LCID)
}
