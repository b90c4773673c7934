package domain

// OfBank is the calendar the acts of the bank bic run on under a credit with terms t: its place's
// as the bank configures it, or the credit's place for presentation's for a bank the
// configuration does not place (UCP 600 Art. 2, 6(d)(ii)). The stateless pre-check examines on it:
// the calendar is the bank's configuration, never the presenter's data.
func (cs Calendars) OfBank(bic string, t Terms) Calendar { return cs.ofBank(bic, t) }
