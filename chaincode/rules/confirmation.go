package rules

// The milestones of a confirmed credit (UCP 600 Art. 8) and of its reimbursement (Art. 7(c),
// 8(c); URR 725 where a reimbursing bank is named). The confirming bank commits as
// ExporterBankMSP: on this channel it is the advising bank, the only bank besides the issuing
// bank with an organisation here (the LC service refuses a 58a naming a third bank, so none
// signs through another's agent; performer.go).
const (
	// LCConfirmed: the confirming bank added its confirmation; it is irrevocably bound to
	// honour from then on (Art. 8(b)). Once per trade, before honour.
	LCConfirmed Type = "LC_CONFIRMED"
	// ReimbursementClaimed: the confirming bank, having honoured a complying presentation,
	// claims reimbursement from the issuing bank (Art. 8(c)) or its reimbursing bank (MT742).
	ReimbursementClaimed Type = "REIMBURSEMENT_CLAIMED"
	// Reimbursed: the issuing (or reimbursing) bank's payment to the confirming bank settled.
	Reimbursed Type = "REIMBURSED"
)

// confirmationNeeds is the one rule of a confirmed credit the table cannot say: a trade whose
// credit was confirmed closes only once the confirming bank is reimbursed, since until then
// the issuing bank's undertaking to it (Art. 7(c)) is open.
func confirmationNeeds(next Type, s State) error {
	if next == Closed && s.Has(LCConfirmed) && !s.Has(Reimbursed) {
		return Errorf(ErrOutOfOrder, "%s needs %s first: the credit is confirmed and the confirming bank not yet reimbursed (UCP 600 Art. 7(c), 8(c))", next, Reimbursed)
	}
	return nil
}
