package app

import (
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/app/query"
)

// WithExamination wires the bank's examination to what it reads beside the credits: the
// documents customs registered per trade, and the index of credits with presentations its
// examination queue walks and a received MT734 is looked up in.
func (a Application) WithExamination(docs command.DocumentRegistry, index ExaminationIndex, repo query.Credits) Application {
	a.Commands.PresentDocuments.Documents = docs
	a.Commands.SubstituteInvoice.Documents = docs
	a.Queries.ExaminationQueue = query.ExaminationQueueHandler{Index: index, Repo: repo}
	a.Commands.ReceiveRefusal.Index = index // an MT734 refers to a presentation
	return a
}

// ExaminationIndex is the read model of the credits with presentations (adapters/store).
type ExaminationIndex interface {
	query.CreditsAwaitingExamination
	command.PresentationIndex
}
