// Package app is the letters-of-credit service's application layer: one type per use case,
// listed here. Its errors are the domain's kinds (domain.KindOf); the HTTP adapter maps them.
package app

import (
	"time"

	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/app/query"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Application is every use case of the service.
type Application struct {
	Commands Commands
	Queries  Queries
}

// Commands are the write-side use cases.
type Commands struct {
	ApplyForCredit     command.ApplyForCreditHandler
	IssueCredit        command.IssueCreditHandler
	ApproveIssue       command.ApproveIssueHandler
	AdviseCredit       command.AdviseCreditHandler
	AcceptCredit       command.AcceptCreditHandler
	PresentDocuments   command.PresentDocumentsHandler
	WaiveDiscrepancies command.WaiveDiscrepanciesHandler
	DecideWaiver       command.DecideWaiverHandler
	AmendCredit        command.AmendCreditHandler
	AnswerAmendment    command.AnswerAmendmentHandler
	RequestAmendment   command.RequestAmendmentHandler
	DecideAmendment    command.DecideAmendmentRequestHandler
	AdviseAmendment    command.AdviseAmendmentHandler
	RequestTransfer    command.RequestTransferHandler
	TransferCredit     command.TransferCreditHandler
	PresentTransferred command.PresentTransferredHandler
	SubstituteInvoice  command.SubstituteInvoiceHandler
	// Art. 38(i): the transferring bank's demand and its presentation as received.
	DemandSubstitution command.DemandSubstitutionHandler
	PresentAsReceived  command.PresentAsReceivedHandler
	AdviseToSecond     command.AdviseAmendmentToSecondHandler    // Art. 38(e): an amendment to the second beneficiary
	AnswerTransferred  command.AnswerTransferredAmendmentHandler // Art. 38(f): its answer, on its own
	ProposeCancel      command.ProposeCancellationHandler
	AnswerCancel       command.AnswerCancellationHandler
	ExpireCredit       command.ExpireCreditHandler
	DecideExamination  command.DecideExaminationHandler
	PassDeadline       command.PassExaminationDeadlineHandler
	ReceiveSwift       command.ReceiveSwiftHandler
	// The confirming bank's (UCP 600 Art. 8).
	ConfirmCredit      command.ConfirmCreditHandler
	ClaimReimbursement command.ClaimReimbursementHandler
	Discount           command.DiscountUndertakingHandler // the nominated bank's, before maturity (Art. 12(b))

	// The nominated bank's: it forwards discrepant documents under reserve (UCP 600 Art. 12(a)).
	ForwardUnderReserve command.ForwardUnderReserveHandler
	ReceiveRefusal      command.ReceiveRefusalHandler // an MT734 received (UCP 600 Art. 16(c))
}

// Queries are the read-side use cases.
type Queries struct {
	ExaminePresentation query.ExaminePresentationHandler
	Credit              query.CreditHandler
	TransferredCredit   query.TransferredCreditHandler
	ExaminationQueue    query.ExaminationQueueHandler
}

// Settings are the issuing bank's: its four-eyes limit and the rules' policy (the banking
// calendars of the places of expiry, the applicant's decision period).
type Settings struct {
	FourEyes domain.FourEyes
	Policy   domain.Policy
	Now      func() time.Time // nil: time.Now
}

// New wires the application on a repository of credits and the trade claims.
func New(repo command.Repository, trades command.TradeClaims, s Settings) Application {
	clock := command.Clock(s.Now)
	return Application{
		Commands: Commands{
			ApplyForCredit:     command.ApplyForCreditHandler{Repo: repo, Trades: trades, Calendars: s.Policy.Calendars},
			IssueCredit:        command.IssueCreditHandler{Repo: repo, FourEyes: s.FourEyes},
			ApproveIssue:       command.ApproveIssueHandler{Repo: repo},
			AdviseCredit:       command.AdviseCreditHandler{Repo: repo, Clock: clock},
			AcceptCredit:       command.AcceptCreditHandler{Repo: repo, Clock: clock},
			PresentDocuments:   command.PresentDocumentsHandler{Repo: repo, Policy: s.Policy, Clock: clock},
			WaiveDiscrepancies: command.WaiveDiscrepanciesHandler{Repo: repo, Clock: clock},
			DecideWaiver:       command.DecideWaiverHandler{Repo: repo, Clock: clock, Policy: s.Policy},
			AmendCredit:        command.AmendCreditHandler{Repo: repo},
			AnswerAmendment:    command.AnswerAmendmentHandler{Repo: repo, Calendars: s.Policy.Calendars},
			RequestAmendment:   command.RequestAmendmentHandler{Repo: repo, Clock: clock},
			DecideAmendment:    command.DecideAmendmentRequestHandler{Repo: repo, Clock: clock},
			AdviseAmendment:    command.AdviseAmendmentHandler{Repo: repo, Clock: clock},
			RequestTransfer:    command.RequestTransferHandler{Repo: repo},
			TransferCredit:     command.TransferCreditHandler{Repo: repo, Clock: clock},
			PresentTransferred: command.PresentTransferredHandler{Repo: repo, Policy: s.Policy, Clock: clock},
			SubstituteInvoice:  command.SubstituteInvoiceHandler{Repo: repo, Policy: s.Policy, Clock: clock},
			DemandSubstitution: command.DemandSubstitutionHandler{Repo: repo, Clock: clock},
			PresentAsReceived:  command.PresentAsReceivedHandler{Repo: repo, Policy: s.Policy, Clock: clock},
			AdviseToSecond:     command.AdviseAmendmentToSecondHandler{Repo: repo, Clock: clock},
			AnswerTransferred:  command.AnswerTransferredAmendmentHandler{Repo: repo},
			ProposeCancel:      command.ProposeCancellationHandler{Repo: repo, Clock: clock},
			AnswerCancel:       command.AnswerCancellationHandler{Repo: repo, Clock: clock},
			ExpireCredit:       command.ExpireCreditHandler{Repo: repo, Clock: clock},
			DecideExamination:  command.DecideExaminationHandler{Repo: repo, Policy: s.Policy, Clock: clock},
			PassDeadline:       command.PassExaminationDeadlineHandler{Repo: repo, Policy: s.Policy, Clock: clock},
			ReceiveSwift:       command.ReceiveSwiftHandler{Repo: repo, Trades: trades, Calendars: s.Policy.Calendars},
			ConfirmCredit:      command.ConfirmCreditHandler{Repo: repo, Clock: clock},
			ClaimReimbursement: command.ClaimReimbursementHandler{Repo: repo, Clock: clock},
			Discount:           command.DiscountUndertakingHandler{Repo: repo, Policy: s.Policy, Clock: clock},

			ForwardUnderReserve: command.ForwardUnderReserveHandler{Repo: repo, Policy: s.Policy, Clock: clock},
			ReceiveRefusal:      command.ReceiveRefusalHandler{Repo: repo, Policy: s.Policy, Clock: clock},
		},
		Queries: Queries{Credit: query.CreditHandler{Repo: repo}, TransferredCredit: query.TransferredCreditHandler{Repo: repo},
			ExaminePresentation: query.ExaminePresentationHandler{Calendars: s.Policy.Calendars}},
	}
}
