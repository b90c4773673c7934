package domain

import (
	"fmt"
	"strings"
	"time"
)

// Status is where a credit is in its life.
type Status string

const (
	StatusApplied Status = "APPLIED"
	// StatusPendingIssue: issued by one officer, waiting for a second user's approval (four eyes).
	StatusPendingIssue Status = "PENDING_ISSUE_APPROVAL"
	StatusIssued       Status = "ISSUED"
	StatusRefused      Status = "REFUSED"  // the last presentation was refused (UCP 600 Art. 16)
	StatusHonoured     Status = "HONOURED" // a complying presentation was honoured (Art. 15(a))
)

// Event is something that happened to a credit; Apply rebuilds state from events.
type Event interface{ EventName() string }

// The credit's events. Names are explicit and stable: they are stored.
type (
	Applied struct {
		ID, TradeID string
		Terms       Terms
		// PresentableUntil is decided when applied, on the place of expiry's calendar then.
		PresentableUntil time.Time
	}
	IssueRequested struct {
		IssueDate Date
		By        Stamp // the maker
	}
	Issued struct {
		IssueDate  Date
		ApprovedBy Stamp // the checker, when the issue needed four eyes
	}
	DocumentsExamined struct {
		PresentationID string
		Presentation   Presentation
		Result         Examination // the automatic examination: the examiner's findings pre-filled
		// ReceivedAt is the bank's receipt; DeadlineAt the end of the examination's last banking
		// day at its place (Art. 14(b)). Unset on presentations decided at once, before the queue.
		ReceivedAt time.Time
		DeadlineAt time.Time
	}
	PresentationRefused struct {
		PresentationID string
		Notice         RefusalNotice
		// DecisionUntil ends the applicant's decision period (Policy.DecisionDays).
		DecisionUntil time.Time
	}
	WaiverRequested struct {
		PresentationID string
		By             Stamp
		Date           Date
	}
	WaiverRejected struct {
		PresentationID string
		Date           Date
	}
	DiscrepanciesWaived struct {
		PresentationID string
		Waiver         Waiver
	}
	Honoured struct {
		PresentationID string
		Date           Date
		By             BIC // the confirming bank, when it honoured (confirmation.go)
	}
)

func (Applied) EventName() string             { return "lc.Applied" }
func (Issued) EventName() string              { return "lc.Issued" }
func (IssueRequested) EventName() string      { return "lc.IssueRequested" }
func (DocumentsExamined) EventName() string   { return "lc.DocumentsExamined" }
func (PresentationRefused) EventName() string { return "lc.PresentationRefused" }
func (DiscrepanciesWaived) EventName() string { return "lc.DiscrepanciesWaived" }
func (WaiverRequested) EventName() string     { return "lc.WaiverRequested" }
func (WaiverRejected) EventName() string      { return "lc.WaiverRejected" }
func (Honoured) EventName() string            { return "lc.Honoured" }

// LetterOfCredit is the event-sourced aggregate.
type LetterOfCredit struct {
	ID, TradeID string
	Terms       Terms
	// PresentableUntil is the instant a presentation must be made before (PresentableUntil):
	// set when applied, moved by an accepted amendment of the expiry date.
	PresentableUntil time.Time
	Status           Status
	IssueDate        Date
	IssueRequest     *IssueRequest // set when the issue needed a second user's approval
	Presentations    []ExaminedPresentation
	Amendments       []Amendment
	AdvisedOn        Date
	AcceptedOn       Date
	Cancellation     *Cancellation // the issuing bank's proposal to cancel, and the beneficiary's answer
	Transfer         *Transfer     // the transfer to a second beneficiary (UCP 600 Art. 38)
	ExpiredAt        time.Time
	Confirmation     *Confirmation        // the confirming bank's (confirmation.go)
	Reimbursements   []ReimbursementClaim // the confirming bank's claims (reimbursement.go)
	Version          int64                // events applied from the store
	changes          []Event
}

// ExaminedPresentation is a presentation with its examination and outcome.
type ExaminedPresentation struct {
	ID           string
	Presentation Presentation
	Result       Examination
	Refusal      *RefusalNotice
	Waiver       *Waiver
	// WaiverRequest is the applicant's waiver awaiting, or given, the bank's decision.
	WaiverRequest  *WaiverRequested
	WaiverRejected bool
	Honoured       bool
	HonouredOn     Date
	HonouredBy     BIC // the confirming bank when it honoured; "" the issuing bank
	// DecisionUntil ends the applicant's decision period of a refusal held pending its waiver.
	DecisionUntil time.Time
	Undertaking   *Undertaking // a usance credit's undertaking at honour (undertaking.go)
	Instalments   []Instalment // a mixed payment credit's honoured drawing (mixed_payment.go)
	Discount      *Discount    // the nominated bank's prepayment or purchase of the undertaking (discount.go)
	// ReceivedAt, DeadlineAt and Precluded are the examination's clock (examination_task.go).
	ReceivedAt, DeadlineAt time.Time
	Precluded              bool
	Reserve                *UnderReserve // forwarded under reserve by the nominated bank (forward_under_reserve.go)
}

// Apply for a credit: the importer's application. The place of expiry must be one whose
// banking calendar cals knows: it decides when the credit expires (UCP 600 Art. 6(d), 29(a)).
func Apply(id, tradeID string, t Terms, cals Calendars) (*LetterOfCredit, error) {
	missing := checkIDs(id, tradeID)
	for _, f := range []struct {
		bad        bool
		name, rule string
	}{
		{!t.Amount.IsPositive(), "terms.amount", "required: a positive amount (MT700 32B)"},
		{t.ExpiryDate.IsZero(), "terms.expiryDate", "required: a credit must state an expiry date (UCP 600 Art. 6(d)(i))"},
		{t.Applicant.Name == "", "terms.applicant.name", "required (MT700 50)"},
		{t.Beneficiary.Name == "", "terms.beneficiary.name", "required (MT700 59)"},
		{!validOrgID(t.Applicant.ID), "terms.applicant.id", "required: the applicant's organisation identifier (LEI), 1-35 letters and digits"},
		{!validOrgID(t.Beneficiary.ID), "terms.beneficiary.id", "required: the beneficiary's organisation identifier (LEI), 1-35 letters and digits"},
	} {
		if f.bad {
			missing = append(missing, FieldError{Field: f.name, Reason: f.rule})
		}
	}
	cal, known := cals.For(t.ExpiryPlace)
	if !known {
		missing = append(missing, FieldError{Field: "terms.expiryPlace", Reason: fmt.Sprintf(
			"required: the place for presentation whose banking calendar decides the expiry (UCP 600 Art. 6(d)(ii), 29(a)); one of %s", strings.Join(cals.Places(), ", "))})
	}
	missing = append(missing, checkTerms(t)...)
	missing = append(missing, checkConfirmationTerms(t, "terms.")...)
	if len(missing) > 0 {
		return nil, missing
	}
	if err := validSettlementAccount(t.BeneficiaryAccount, t.AccountCurrency); err != nil {
		return nil, err
	}
	if err := checkConfirmerOnNetwork(t); err != nil { // confirming_bank.go
		return nil, err
	}
	lc := &LetterOfCredit{}
	lc.record(Applied{ID: id, TradeID: tradeID, Terms: t, PresentableUntil: PresentableUntil(t.ExpiryDate, cal)})
	return lc, nil
}

// Issue the credit (the issuing bank sends MT700). Above the bank's four-eyes limit the issue
// is only requested: a second user approves it (ApproveIssue).
func (lc *LetterOfCredit) Issue(on Date, maker Stamp, limit FourEyes) error {
	if lc.Status == StatusPendingIssue && lc.IssueRequest != nil && lc.IssueRequest.By == maker && lc.IssueRequest.IssueDate == on {
		return nil // a retried request: nothing new
	}
	if lc.Status != StatusApplied {
		return fmt.Errorf("issue: %w (%s)", ErrInvalidState, lc.Status)
	}
	if on.After(lc.Terms.ExpiryDate) {
		return errorf(KindRule, "issue on %s: the credit would already have expired on %s", on, lc.Terms.ExpiryDate)
	}
	if limit.Exceeds(lc.Terms.Amount) {
		lc.record(IssueRequested{IssueDate: on, By: maker})
		return nil
	}
	lc.record(Issued{IssueDate: on})
	return nil
}

// ApproveIssue is the checker's approval of a requested issue: a user other than the maker.
func (lc *LetterOfCredit) ApproveIssue(checker Stamp) error {
	if lc.Status == StatusIssued && lc.IssueRequest != nil && lc.IssueRequest.ApprovedBy == checker {
		return nil // a retried approval
	}
	if lc.Status != StatusPendingIssue || lc.IssueRequest == nil {
		return fmt.Errorf("approve issue: %w (%s): no issue awaits approval", ErrInvalidState, lc.Status)
	}
	if checker.User == lc.IssueRequest.By.User {
		return ErrOwnApproval
	}
	lc.record(Issued{IssueDate: lc.IssueRequest.IssueDate, ApprovedBy: checker})
	return nil
}

// Present documents received by the bank at instant at: the bank stamps the receipt (the date
// at its place, on its calendar), examines them automatically on the face of the documents (UCP
// 600 Art. 14) against the documents registered with customs for the trade (reg), and queues the
// examination for its examiner with its deadline (Art. 14(b); examination_task.go). The examiner
// decides (DecideExamination). A presentation after the credit's presentable-until instant is
// refused outright (Art. 6(e)).
func (lc *LetterOfCredit) Present(id string, p Presentation, at time.Time, pol Policy, reg RegisteredDocuments) (Examination, error) {
	for _, x := range lc.Presentations {
		if x.ID == id {
			return x.Result, nil // a retried presentation: same result, nothing new
		}
	}
	if !lc.available() {
		return Examination{}, fmt.Errorf("present: %w (%s)", ErrInvalidState, lc.Status)
	}
	if err := lc.checkNotExpired(at); err != nil {
		return Examination{}, fmt.Errorf("present: %w", err)
	}
	bad := append(checkID("presentationId", id), checkPresentation(p)...)
	for i, d := range p.Documents {
		if d.SHA256 != "" && !isSHA256Hex(d.SHA256) {
			bad = append(bad, FieldError{Field: fmt.Sprintf("presentation.documents[%d].sha256", i), Reason: "64 lower-case hex digits (SHA-256)"})
		}
	}
	if len(bad) > 0 {
		return Examination{}, bad
	}
	return lc.queueExamination(id, p, at, pol, reg)
}

// RequestWaiver: the applicant waives the discrepancies of the refused presentation (UCP 600
// Art. 16(b): the issuing bank may approach the applicant for a waiver). The issuing bank then
// decides (DecideWaiver); until it does, the documents stay held. Both happen within the
// decision period (Policy.DecisionDays), at is when.
func (lc *LetterOfCredit) RequestWaiver(presentationID string, by Stamp, on Date, at time.Time) error {
	p, err := lc.refused(presentationID)
	if err != nil {
		return err
	}
	if p.WaiverRequest != nil {
		return nil // a retried waiver: the first stands
	}
	if err := p.checkDecisionPeriod(at); err != nil {
		return err
	}
	lc.record(WaiverRequested{PresentationID: presentationID, By: by, Date: on})
	return nil
}

// DecideWaiver is the issuing bank's decision on the applicant's waiver (Art. 16(b): the bank is
// free to refuse it). Accepted, the discrepancies are waived and the credit honoured; rejected,
// the refusal stands and nothing is waived.
func (lc *LetterOfCredit) DecideWaiver(presentationID string, accepted bool, on Date, at time.Time) error {
	p, err := lc.refused(presentationID)
	if err != nil {
		return err
	}
	if p.WaiverRequest == nil {
		return fmt.Errorf("decide waiver: %w: the applicant has not waived presentation %s", ErrInvalidState, presentationID)
	}
	if p.WaiverRejected {
		if accepted {
			return fmt.Errorf("decide waiver: %w: the waiver of %s was already rejected", ErrInvalidState, presentationID)
		}
		return nil // a retried rejection
	}
	if err := p.checkDecisionPeriod(at); err != nil {
		return err
	}
	if !accepted {
		lc.record(WaiverRejected{PresentationID: presentationID, Date: on})
		return nil
	}
	lc.record(DiscrepanciesWaived{PresentationID: presentationID, Waiver: Waiver{By: p.WaiverRequest.By.Org, Date: p.WaiverRequest.Date, Accepted: true}})
	lc.recordHonour(Honoured{PresentationID: presentationID, Date: on, By: lc.honouredBy(p)})
	return nil
}

// checkDecisionPeriod refuses a waiver, or a decision on one, after the decision period: the
// refusal stands and the credit may have expired since.
func (p *ExaminedPresentation) checkDecisionPeriod(at time.Time) error {
	if !p.DecisionUntil.IsZero() && !at.Before(p.DecisionUntil) {
		return fmt.Errorf("waiver: %w: the applicant's decision period on presentation %s ended at %s; the refusal stands",
			ErrInvalidState, p.ID, p.DecisionUntil.Format(time.RFC3339))
	}
	return nil
}

// refused is the refused presentation id, the last one, while the credit is refused.
func (lc *LetterOfCredit) refused(id string) (*ExaminedPresentation, error) {
	if lc.Status == StatusHonoured {
		for i := range lc.Presentations {
			if lc.Presentations[i].ID == id && lc.Presentations[i].Waiver != nil {
				return nil, errAlreadyHonoured
			}
		}
	}
	if lc.Status != StatusRefused {
		return nil, fmt.Errorf("waiver: %w (%s)", ErrInvalidState, lc.Status)
	}
	last := lc.last()
	if last.ID != id {
		return nil, errorf(KindRule, "waiver: presentation %s is not the refused one (%s)", id, last.ID)
	}
	return last, nil
}

// errAlreadyHonoured: the waiver was accepted and the credit honoured; a retried decision.
var errAlreadyHonoured = fmt.Errorf("waiver: %w: the waiver was accepted and the credit honoured", ErrInvalidState)

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
		lc.ID, lc.TradeID, lc.Terms, lc.Status, lc.PresentableUntil = e.ID, e.TradeID, e.Terms, StatusApplied, e.PresentableUntil
	case IssueRequested:
		lc.IssueRequest, lc.Status = &IssueRequest{IssueDate: e.IssueDate, By: e.By}, StatusPendingIssue
	case Issued:
		lc.IssueDate, lc.Status = e.IssueDate, StatusIssued
		if lc.IssueRequest != nil {
			lc.IssueRequest.ApprovedBy = e.ApprovedBy
		}
	case DocumentsExamined:
		lc.Presentations = append(lc.Presentations, ExaminedPresentation{ID: e.PresentationID, Presentation: e.Presentation, Result: e.Result,
			ReceivedAt: e.ReceivedAt, DeadlineAt: e.DeadlineAt})
	case PresentationRefused:
		lc.presentation(e.PresentationID).Refusal, lc.presentation(e.PresentationID).DecisionUntil, lc.Status = &e.Notice, e.DecisionUntil, StatusRefused
	case RefusalPrecluded:
		lc.presentation(e.PresentationID).Precluded = true
	case ForwardedUnderReserve:
		lc.applyForwardedUnderReserve(e)
	case WaiverRequested:
		lc.last().WaiverRequest = &e
	case WaiverRejected:
		lc.last().WaiverRejected = true
	case DiscrepanciesWaived:
		lc.last().Waiver = &e.Waiver
	case Honoured:
		p := lc.presentation(e.PresentationID)
		p.Honoured, p.HonouredOn, p.HonouredBy = true, e.Date, e.By
		lc.Status = lc.statusAfterHonour()
	case Advised:
		lc.AdvisedOn, lc.Status = e.On, StatusAdvised
	case Accepted:
		lc.AcceptedOn, lc.Status = e.On, StatusAccepted
	case AmendmentProposed, AmendmentAnswered, AmendmentRequested, AmendmentIssued, AmendmentDeclined, AmendmentAdvised:
		lc.applyAmendment(e)
	case CancellationProposed, CancellationAnswered:
		lc.applyCancellation(e)
	case TransferAsked, CreditTransferred, TransferredDocumentsPresented, InvoiceSubstituted:
		lc.applyTransfer(e)
	case SubstitutionDemanded, PresentedAsReceived: // transfer_as_received.go
		lc.applyTransferAsReceived(e)
	case TransferredAmendmentAdvised, TransferredAmendmentAnswered: // transfer_amendment.go
		lc.applyTransferredAmendment(e)
	case Expired:
		lc.ExpiredAt, lc.Status = e.At, StatusExpired
	case CreditReceived:
		lc.applyReceived(e)
	case UndertakingIncurred:
		lc.applyUndertaking(e)
	case InstalmentsScheduled:
		lc.applyInstalments(e)
	case UndertakingDiscounted:
		lc.applyDiscount(e)
	case Confirmed:
		lc.applyConfirmed(e)
	case ReimbursementClaimed:
		lc.applyReimbursementClaimed(e)
	}
}

func (lc *LetterOfCredit) last() *ExaminedPresentation {
	return &lc.Presentations[len(lc.Presentations)-1]
}

func isSHA256Hex(s string) bool {
	return len(s) == 64 && strings.Trim(s, "0123456789abcdef") == ""
}
