// Package app is the letters-of-credit service's application layer: one type per use case,
// listed here.
package app

import (
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
}

// Queries are the read-side use cases.
type Queries struct {
	ExaminePresentation query.ExaminePresentationHandler
	Credit              query.CreditHandler
}

// New wires the application on a repository; fourEyes is the issuing bank's maker-checker limit.
func New(repo command.Repository, fourEyes domain.FourEyes) Application {
	return Application{
		Commands: Commands{
			ApplyForCredit:     command.ApplyForCreditHandler{Repo: repo},
			IssueCredit:        command.IssueCreditHandler{Repo: repo, FourEyes: fourEyes},
			ApproveIssue:       command.ApproveIssueHandler{Repo: repo},
			AdviseCredit:       command.AdviseCreditHandler{Repo: repo},
			AcceptCredit:       command.AcceptCreditHandler{Repo: repo},
			PresentDocuments:   command.PresentDocumentsHandler{Repo: repo},
			WaiveDiscrepancies: command.WaiveDiscrepanciesHandler{Repo: repo},
			DecideWaiver:       command.DecideWaiverHandler{Repo: repo},
			AmendCredit:        command.AmendCreditHandler{Repo: repo},
			AnswerAmendment:    command.AnswerAmendmentHandler{Repo: repo},
		},
		Queries: Queries{Credit: query.CreditHandler{Repo: repo}},
	}
}
