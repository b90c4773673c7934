package domain

import "fmt"

// Confirmation (UCP 600 Art. 8): a bank other than the issuing bank adds its own definite
// undertaking to honour a complying presentation. MT700 49 says whether the issuing bank asks
// for it, 58a which bank it asks (none: the advising bank).

// ConfirmationInstructions is MT700 49.
type ConfirmationInstructions string

const (
	// Confirm: the issuing bank requests the confirming bank to add its confirmation.
	Confirm ConfirmationInstructions = "CONFIRM"
	// MayAdd: the confirming bank is authorised to add its confirmation (at the beneficiary's
	// request, for instance).
	MayAdd ConfirmationInstructions = "MAY ADD"
	// Without: no confirmation is requested or authorised (the default, "" too).
	Without ConfirmationInstructions = "WITHOUT"
)

// Confirmed: the confirming bank added its confirmation; from then on it is irrevocably bound to
// honour (Art. 8(b)), and a complying presentation to it is honoured by it (Art. 8(a)).
type Confirmed struct {
	By BIC
	On Date
}

func (Confirmed) EventName() string { return "lc.Confirmed" }

// Confirmation is the confirmation added to the credit.
type Confirmation struct {
	By BIC
	On Date
}

// ErrNotConfirmingBank: only the bank the credit asks to confirm may add its confirmation.
var ErrNotConfirmingBank = &Error{Kind: KindForbidden, Msg: "not the bank the credit asks to confirm (MT700 49, 58a)"}

// checkConfirmationTerms checks MT700 49 and 58a: 49 is one of its three codes; 58a is used only
// when 49 is CONFIRM or MAY ADD (the MT700 network rule) and names a bank other than the issuing
// bank, which cannot confirm its own undertaking. (53a, the reimbursing bank: availability.go.)
func checkConfirmationTerms(t Terms, at string) InvalidFields {
	var bad InvalidFields
	switch t.Confirmation {
	case "", Without, Confirm, MayAdd:
	default:
		bad = append(bad, FieldError{Field: at + "confirmation", Reason: "one of CONFIRM, MAY ADD, WITHOUT (MT700 49)"})
	}
	if p := t.ConfirmationParty; p != "" {
		switch {
		case !bicPattern.MatchString(p):
			bad = append(bad, FieldError{Field: at + "requestedConfirmationParty", Reason: "a BIC (ISO 9362), 8 or 11 characters (MT700 58a)"})
		case !t.confirmationAllowed():
			bad = append(bad, FieldError{Field: at + "requestedConfirmationParty", Reason: "only when confirmation is CONFIRM or MAY ADD (MT700 58a network rule)"})
		case p == t.IssuingBank:
			bad = append(bad, FieldError{Field: at + "requestedConfirmationParty", Reason: "a bank other than the issuing bank: its confirmation would add nothing to its own undertaking (UCP 600 Art. 2, 8)"})
		}
	}
	return bad
}

// confirmationAllowed: 49 asks for or authorises a confirmation.
func (t Terms) confirmationAllowed() bool {
	return t.Confirmation == Confirm || t.Confirmation == MayAdd
}

// ConfirmingBank is the bank the credit asks (or authorises) to confirm: 58a's, else the advising
// bank; "" when 49 is WITHOUT.
func (t Terms) ConfirmingBank() BIC {
	switch {
	case !t.confirmationAllowed():
		return ""
	case t.ConfirmationParty != "":
		return t.ConfirmationParty
	}
	return t.AdvisingBank
}

// Confirm adds the confirming bank's confirmation (Art. 8(b)). Only the bank the credit names
// may, only while the credit is available and before any presentation was honoured; a zero
// date repeats a confirmation already added (a retry) and is otherwise invalid.
func (lc *LetterOfCredit) Confirm(by BIC, on Date) error {
	want := lc.Terms.ConfirmingBank()
	if want == "" {
		return errorf(KindRule, "confirm: the credit asks for no confirmation (MT700 49 %s)", orWithout(lc.Terms.Confirmation))
	}
	if by != want {
		return fmt.Errorf("confirm: %w: %s is not %s", ErrNotConfirmingBank, by, want)
	}
	if c := lc.Confirmation; c != nil && (on.IsZero() || c.On == on) {
		return nil // a retried confirmation: nothing new
	}
	if lc.Confirmation != nil {
		return fmt.Errorf("confirm: %w: confirmed already on %s", ErrInvalidState, lc.Confirmation.On)
	}
	if !lc.available() {
		return fmt.Errorf("confirm: %w (%s)", ErrInvalidState, lc.Status)
	}
	if on.IsZero() {
		return InvalidFields{{Field: "confirmedOn", Reason: "required: the date of the confirmation"}}
	}
	if on.Before(lc.IssueDate) {
		return InvalidFields{{Field: "confirmedOn", Reason: fmt.Sprintf("%s is before the credit's issue on %s", on, lc.IssueDate)}}
	}
	lc.record(Confirmed{By: by, On: on})
	return nil
}

func (lc *LetterOfCredit) applyConfirmed(e Confirmed) {
	lc.Confirmation = &Confirmation{By: e.By, On: e.On}
}

func orWithout(c ConfirmationInstructions) ConfirmationInstructions {
	if c == "" {
		return Without
	}
	return c
}

// confirmedBy is the confirming bank once it confirmed, "" otherwise: who honours a complying
// presentation in its place (Art. 8(a)).
func (lc *LetterOfCredit) confirmedBy() BIC {
	if lc.Confirmation == nil {
		return ""
	}
	return lc.Confirmation.By
}

// honouredBy is the confirming bank when the presentation was made to it under its
// confirmation: it honours in its own name (Art. 8(a)); "" when the issuing bank honours.
func (lc *LetterOfCredit) honouredBy(p *ExaminedPresentation) BIC {
	if c := lc.confirmedBy(); c != "" && p.Presentation.Bank == c {
		return c
	}
	return ""
}
