package domain

import (
	"errors"
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/identity"
)

// passesByItself are the rejection reasons (ISO 20022 ExternalStatusReason1Code, External Code
// Sets) whose cause is a moment's, not the instruction's: the same instruction sent again may
// settle, so a rejected payment is re-instructed at once. Any other reason (AC01 wrong account,
// AC04 closed, AC06 blocked, RC01 wrong BIC, DUPL a duplicate, an unknown code...) needs a person:
// the debtor bank's payments officer corrects the instruction.
var passesByItself = map[string]string{
	"AB05": "TimeoutCreditorAgent",
	"AB06": "TimeoutInstructedAgent",
	"AB07": "OfflineAgent",
	"AB08": "OfflineCreditorAgent",
	"AM04": "InsufficientFunds",
	"ED05": "SettlementFailed",
	"TM01": "InvalidCutOffTime", // received after the cut-off: the next business day's cycle takes it
}

// MayPassByItself reports whether a rejection with reason may settle when instructed again unchanged.
func MayPassByItself(reason string) bool { _, ok := passesByItself[reason]; return ok }

// ErrAwaitingCorrection: the payment's last attempt was rejected for a reason that does not pass
// by itself (or after maxAutomatic attempts, for any reason): it is instructed again only after a
// payments officer of the debtor bank corrects the instruction (Correct). Found by errors.Is
// through the conflict that carries it.
var ErrAwaitingCorrection = errors.New("payment awaiting correction of its instruction")

// AwaitsCorrection reports whether the payment is failed and waits for a person to correct it.
func (p *Payment) AwaitsCorrection() bool {
	a := p.Current()
	return p.Status == StatusFailed && a != nil && (!MayPassByItself(a.Reason) || len(p.Attempts) >= maxAutomatic)
}

// Reinstruct instructs a failed payment again, unchanged, as a new attempt (new MsgId and UETR,
// the postings booked again), when its rejection may pass by itself. Otherwise it answers a
// conflict wrapping ErrAwaitingCorrection and records nothing. The approval a payment above the
// four-eyes threshold was released with stands: the amount and the creditor are the ones approved.
func (p *Payment) Reinstruct(in Instruction, by identity.Stamp, now time.Time) error {
	if p.Status != StatusFailed {
		return conflict("payment %s is %s, only a failed payment is instructed again", p.id, p.Status)
	}
	if err := p.refuseDisputed(); err != nil {
		return err
	}
	if p.AwaitsCorrection() {
		a := p.Current()
		return &Error{Kind: KindConflict, Cause: ErrAwaitingCorrection, Msg: fmt.Sprintf(
			"payment %s attempt %d was rejected (%s): it awaits the correction of its instruction by a payments officer of the debtor bank",
			p.id, a.Number, reasonText(a.Reason))}
	}
	return p.instruct(in, by, now)
}

// Correction is a payments officer's correction of a rejected payment's instruction.
type Correction struct {
	CreditorAccount string // the beneficiary's account (IBAN, ISO 13616, or another account ID)
	By              identity.Stamp
	At              time.Time
}

// Correct records the correction of a failed payment's instruction by a payments officer of the
// debtor bank (Authorize, ActCorrect) and instructs the next attempt with it; above the four-eyes
// threshold f the corrected instruction waits for a checker's approval instead (Approve), as a
// release does: a changed creditor is a new instruction.
func (p *Payment) Correct(account string, in Instruction, by identity.Stamp, f FourEyes, now time.Time) error {
	if p.Status != StatusFailed {
		return conflict("payment %s is %s, only a failed payment's instruction is corrected", p.id, p.Status)
	}
	if err := p.refuseDisputed(); err != nil {
		return err
	}
	if err := CheckAccount(account); err != nil {
		return err
	}
	if err := p.refuseExhausted(); err != nil {
		return err
	}
	four := p.NeedsApproval(f)
	p.record(InstructionCorrected{Actor: by, CreditorAccount: account, AwaitsApproval: four, At: now.UTC()})
	if four {
		return nil
	}
	return p.instruct(in, by, now)
}

// RepeatsCorrection reports whether by's correction to account is the last one recorded and has
// been acted on (the payment is no longer failed): a retried request, answered with the stored
// outcome.
func (p *Payment) RepeatsCorrection(account string, by identity.Stamp) bool {
	n := len(p.Corrections)
	return n > 0 && p.Status != StatusFailed && p.Corrections[n-1].CreditorAccount == account && p.Corrections[n-1].By == by
}

func reasonText(code string) string {
	if code == "" {
		return "no reason given"
	}
	return code
}
