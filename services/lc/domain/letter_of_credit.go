package domain

import (
	"errors"
	"fmt"
	"strings"
)

// Status is where a credit is in its life.
type Status string

const (
	StatusApplied  Status = "APPLIED"
	StatusIssued   Status = "ISSUED"
	StatusRefused  Status = "REFUSED"  // the last presentation was refused (UCP 600 Art. 16)
	StatusHonoured Status = "HONOURED" // a complying presentation was honoured (Art. 15(a))
)

// ErrInvalidState: the command does not fit the credit's state.
var ErrInvalidState = errors.New("not allowed in the credit's current state")

// Event is something that happened to a credit; Apply rebuilds state from events.
type Event interface{ EventName() string }

// The credit's events. Names are explicit and stable: they are stored.
type (
	Applied struct {
		ID, TradeID string
		Terms       Terms
	}
	Issued            struct{ IssueDate Date }
	DocumentsExamined struct {
		PresentationID string
		Presentation   Presentation
		Result         Examination
	}
	PresentationRefused struct {
		PresentationID string
		Notice         RefusalNotice
	}
	DiscrepanciesWaived struct {
		PresentationID string
		Waiver         Waiver
	}
	Honoured struct {
		PresentationID string
		Date           Date
	}
)

func (Applied) EventName() string             { return "lc.Applied" }
func (Issued) EventName() string              { return "lc.Issued" }
func (DocumentsExamined) EventName() string   { return "lc.DocumentsExamined" }
func (PresentationRefused) EventName() string { return "lc.PresentationRefused" }
func (DiscrepanciesWaived) EventName() string { return "lc.DiscrepanciesWaived" }
func (Honoured) EventName() string            { return "lc.Honoured" }

// LetterOfCredit is the event-sourced aggregate.
type LetterOfCredit struct {
	ID, TradeID   string
	Terms         Terms
	Status        Status
	IssueDate     Date
	Presentations []ExaminedPresentation
	Amendments    []Amendment
	AdvisedOn     Date
	AcceptedOn    Date
	Version       int64 // events applied from the store
	changes       []Event
}

// ExaminedPresentation is a presentation with its examination and outcome.
type ExaminedPresentation struct {
	ID           string
	Presentation Presentation
	Result       Examination
	Refusal      *RefusalNotice
	Waiver       *Waiver
	Honoured     bool
	HonouredOn   Date
}

// Apply for a credit: the importer's application.
func Apply(id, tradeID string, t Terms) (*LetterOfCredit, error) {
	var missing InvalidFields
	for _, f := range []struct {
		bad        bool
		name, rule string
	}{
		{id == "", "id", "required: the credit's ID"},
		{tradeID == "", "tradeId", "required: the trade the credit pays for"},
		{!t.Amount.IsPositive(), "terms.amount", "required: a positive amount (MT700 32B)"},
		{t.ExpiryDate.IsZero(), "terms.expiryDate", "required: a credit must state an expiry date (UCP 600 Art. 6(d)(i))"},
		{t.Applicant.Name == "", "terms.applicant.name", "required (MT700 50)"},
		{t.Beneficiary.Name == "", "terms.beneficiary.name", "required (MT700 59)"},
	} {
		if f.bad {
			missing = append(missing, FieldError{Field: f.name, Reason: f.rule})
		}
	}
	if len(missing) > 0 {
		return nil, missing
	}
	if err := validSettlementAccount(t.BeneficiaryAccount, t.AccountCurrency); err != nil {
		return nil, err
	}
	lc := &LetterOfCredit{}
	lc.record(Applied{ID: id, TradeID: tradeID, Terms: t})
	return lc, nil
}

// Issue the credit (the issuing bank sends MT700).
func (lc *LetterOfCredit) Issue(on Date) error {
	if lc.Status != StatusApplied {
		return fmt.Errorf("issue: %w (%s)", ErrInvalidState, lc.Status)
	}
	if on.After(lc.Terms.ExpiryDate) {
		return fmt.Errorf("issue on %s: the credit would already have expired on %s", on, lc.Terms.ExpiryDate)
	}
	lc.record(Issued{IssueDate: on})
	return nil
}

// Present documents: the bank examines them (UCP 600 Art. 14) and, if they comply, honours
// (Art. 15(a)); if not, it refuses with every discrepancy in one notice (Art. 16(c)) and holds
// the documents pending the applicant's waiver (Art. 16(b), 16(c)(iii)(b)).
func (lc *LetterOfCredit) Present(id string, p Presentation, cal Calendar) (Examination, error) {
	for _, x := range lc.Presentations {
		if x.ID == id {
			return x.Result, nil // a retried presentation: same result, nothing new
		}
	}
	if !lc.available() {
		return Examination{}, fmt.Errorf("present: %w (%s)", ErrInvalidState, lc.Status)
	}
	var bad InvalidFields
	for i, d := range p.Documents {
		if d.SHA256 != "" && !isSHA256Hex(d.SHA256) {
			bad = append(bad, FieldError{Field: fmt.Sprintf("presentation.documents[%d].sha256", i), Reason: "64 lower-case hex digits (SHA-256)"})
		}
	}
	if len(bad) > 0 {
		return Examination{}, bad
	}
	res := Examine(lc.Terms, p, cal)
	lc.record(DocumentsExamined{PresentationID: id, Presentation: p, Result: res})
	if res.Compliant {
		lc.record(Honoured{PresentationID: id, Date: p.Date})
		return res, nil
	}
	notice, err := Refuse(res, HoldPendingWaiver, p.Date)
	if err != nil {
		return res, err
	}
	lc.record(PresentationRefused{PresentationID: id, Notice: notice})
	return res, nil
}

// Waive: the applicant waives the discrepancies of the refused presentation and the issuing bank
// decides (Art. 16(b)); accepted, the credit is honoured.
func (lc *LetterOfCredit) Waive(presentationID string, w Waiver) error {
	if lc.Status != StatusRefused {
		return fmt.Errorf("waive: %w (%s)", ErrInvalidState, lc.Status)
	}
	last := lc.Presentations[len(lc.Presentations)-1]
	if last.ID != presentationID {
		return fmt.Errorf("waive: presentation %s is not the refused one (%s)", presentationID, last.ID)
	}
	lc.record(DiscrepanciesWaived{PresentationID: presentationID, Waiver: w})
	if w.Accepted {
		lc.record(Honoured{PresentationID: presentationID, Date: w.Date})
	}
	return nil
}

// Changes are the events recorded since the credit was loaded.
func (lc *LetterOfCredit) Changes() []Event { return lc.changes }

func (lc *LetterOfCredit) record(e Event) {
	lc.Apply(e)
	lc.changes = append(lc.changes, e)
}

// Apply changes state for an event; loading replays stored events through it.
func (lc *LetterOfCredit) Apply(e Event) {
	switch e := e.(type) {
	case Applied:
		lc.ID, lc.TradeID, lc.Terms, lc.Status = e.ID, e.TradeID, e.Terms, StatusApplied
	case Issued:
		lc.IssueDate, lc.Status = e.IssueDate, StatusIssued
	case DocumentsExamined:
		lc.Presentations = append(lc.Presentations, ExaminedPresentation{ID: e.PresentationID, Presentation: e.Presentation, Result: e.Result})
	case PresentationRefused:
		lc.last().Refusal, lc.Status = &e.Notice, StatusRefused
	case DiscrepanciesWaived:
		lc.last().Waiver = &e.Waiver
	case Honoured:
		lc.last().Honoured, lc.last().HonouredOn, lc.Status = true, e.Date, StatusHonoured
	case Advised:
		lc.AdvisedOn, lc.Status = e.On, StatusAdvised
	case Accepted:
		lc.AcceptedOn, lc.Status = e.On, StatusAccepted
	case AmendmentProposed, AmendmentAnswered:
		lc.applyAmendment(e)
	}
}

func (lc *LetterOfCredit) last() *ExaminedPresentation {
	return &lc.Presentations[len(lc.Presentations)-1]
}

func isSHA256Hex(s string) bool {
	return len(s) == 64 && strings.Trim(s, "0123456789abcdef") == ""
}
