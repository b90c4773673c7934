package domain

import "time"

// UndertakingKind is what the honour of a usance credit is (UCP 600 Art. 2, "honour"): to incur
// a deferred payment undertaking and pay at maturity (b), or to accept a bill of exchange drawn
// by the beneficiary and pay it at maturity (c).
type UndertakingKind string

// The undertakings of a usance credit's honour.
const (
	DeferredPaymentUndertaking UndertakingKind = "DEFERRED_PAYMENT" // BY DEF PAYMENT (42P)
	AcceptedDraft              UndertakingKind = "ACCEPTED_DRAFT"   // BY ACCEPTANCE, or BY NEGOTIATION of usance drafts (42C, 42a)
)

// Undertaking is the issuing bank's undertaking at the honour of a usance presentation: to pay
// on the maturity date. The bank that incurred it or accepted the draft advises it with MT754,
// the amount in 32B (accepted or undertaken, not yet paid) and the maturity date beside it; the
// payment follows at maturity.
type Undertaking struct {
	Kind   UndertakingKind
	Tenor  string // as 42C or 42P states it
	Drawee string // the accepted draft's drawee (42a)
	On     Date   // the honour's date: when incurred or accepted
	// MaturityDate is the due date on a banking day of the place of payment; PayableAt its start
	// there (Maturity).
	MaturityDate Date
	PayableAt    time.Time
}

// UndertakingIncurred: the issuing bank incurred a deferred payment undertaking or accepted the
// draft of an honoured usance presentation.
type UndertakingIncurred struct {
	PresentationID string
	Undertaking    Undertaking
}

func (UndertakingIncurred) EventName() string { return "lc.UndertakingIncurred" }

// Undertake records the issuing bank's undertaking for each honoured presentation of a usance
// credit that has none yet, with its maturity on the banking calendar of the bank the documents
// were presented to (pol; the credit's place for presentation for a bank the calendars do not place). A sight credit has nothing to undertake: its honour is the payment. The
// commands that may honour (a presentation, an accepted waiver) call it after the domain's
// decision, so honour and undertaking are stored together; calling it again records nothing.
func (lc *LetterOfCredit) Undertake(pol Policy) error {
	if lc.Terms.AvailableBy() == ByMixedPayment {
		return lc.undertakeMixed(pol)
	}
	tn, usance := lc.Terms.Tenor()
	if !usance {
		return nil
	}
	kind := AcceptedDraft
	if lc.Terms.AvailableBy() == ByDeferredPayment {
		kind = DeferredPaymentUndertaking
	}
	for i := range lc.Presentations {
		p := lc.Presentations[i]
		if !p.Honoured || p.Undertaking != nil {
			continue
		}
		// The bank that honoured pays where the documents were presented: its place's calendar.
		m, err := tn.maturity(p.Presentation, p.HonouredOn, pol.Calendars.ofBank(p.Presentation.Bank, lc.Terms))
		if err != nil {
			return err
		}
		lc.record(UndertakingIncurred{PresentationID: p.ID, Undertaking: Undertaking{Kind: kind, Tenor: tn.String(),
			Drawee: lc.Terms.Availability.Drawee, On: p.HonouredOn, MaturityDate: m.Date, PayableAt: m.PayableAt}})
	}
	return nil
}

// applyUndertaking puts the undertaking on its presentation.
func (lc *LetterOfCredit) applyUndertaking(e UndertakingIncurred) {
	for i := range lc.Presentations {
		if lc.Presentations[i].ID == e.PresentationID {
			u := e.Undertaking
			lc.Presentations[i].Undertaking = &u
		}
	}
}
