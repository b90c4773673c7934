package rules

// Discounting before maturity (UCP 600 Art. 12(b)): the nominated bank that accepted a draft or
// incurred a deferred payment undertaking prepays or purchases it, paying the beneficiary now;
// at maturity the issuing bank pays the nominated bank. On the presentation (or drawing) track
// UNDERTAKING_DISCOUNTED follows HONOURED and comes before SETTLED (the maturity payment), once.
// The nominated bank commits it as its organisation (performer.go's NominatedBank).
const UndertakingDiscounted Type = "UNDERTAKING_DISCOUNTED"

// discountNeeds is the one rule of a discount the table cannot say on the single presentation
// track (a drawing's track says it in drawings.go): a matured undertaking, once SETTLED, is paid
// and no longer discounted.
func discountNeeds(next Type, s State) error {
	if next == UndertakingDiscounted && s.Has(Settled) {
		return Errorf(ErrOutOfOrder, "%s cannot follow %s: the undertaking is paid at maturity, no longer discounted (UCP 600 Art. 12(b))", next, Settled)
	}
	return nil
}
