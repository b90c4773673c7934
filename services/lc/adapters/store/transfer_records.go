package store

import (
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The stored formats of a transfer's events (version 1 each).
type (
	transferAskedRecord struct {
		Transfer transferRecord `json:"transfer"`
	}
	creditTransferredRecord struct {
		By string      `json:"by"`
		On domain.Date `json:"on"`
	}
	transferredDocumentsPresentedRecord struct {
		Presentation transferredPresentationRecord `json:"presentation"`
	}
	invoiceSubstitutedRecord struct {
		PresentationID string         `json:"presentationId"`
		Invoice        documentRecord `json:"invoice"`
	}
	// Art. 38(i) (domain/transfer_as_received.go).
	substitutionDemandedRecord struct {
		PresentationID string      `json:"presentationId"`
		By             string      `json:"by"`
		On             domain.Date `json:"on"`
	}
	presentedAsReceivedRecord struct {
		PresentationID string `json:"presentationId"`
		By             string `json:"by"`
	}
	// Art. 38(e)-(f) (domain/transfer_amendment.go).
	transferredAmendmentAdvisedRecord struct {
		Number int         `json:"number"`
		By     string      `json:"by"`
		On     domain.Date `json:"on"`
	}
	transferredAmendmentAnsweredRecord struct {
		Number   int  `json:"number"`
		Accepted bool `json:"accepted"`
	}
)

func registerTransfer(r *eventstore.Registry) {
	r.Register("lc.TransferAsked", transferAskedRecord{})
	r.Register("lc.CreditTransferred", creditTransferredRecord{})
	r.Register("lc.TransferredDocumentsPresented", transferredDocumentsPresentedRecord{})
	r.Register("lc.InvoiceSubstituted", invoiceSubstitutedRecord{})
	r.Register("lc.SubstitutionDemanded", substitutionDemandedRecord{})
	r.Register("lc.PresentedAsReceived", presentedAsReceivedRecord{})
	r.Register("lc.TransferredAmendmentAdvised", transferredAmendmentAdvisedRecord{})
	r.Register("lc.TransferredAmendmentAnswered", transferredAmendmentAnsweredRecord{})
}

func transferEventRecord(e domain.Event) (aggregate.Record[domain.Event], bool) {
	switch e := e.(type) {
	case domain.TransferAsked:
		return transferAskedRecord{Transfer: toTransferRecord(e.Transfer)}, true
	case domain.CreditTransferred:
		return creditTransferredRecord(e), true
	case domain.TransferredDocumentsPresented:
		return transferredDocumentsPresentedRecord{Presentation: toTransferredPresentationRecord(e.Presentation)}, true
	case domain.InvoiceSubstituted:
		return invoiceSubstitutedRecord{PresentationID: e.PresentationID, Invoice: toDocumentRecord(e.Invoice)}, true
	case domain.SubstitutionDemanded:
		return substitutionDemandedRecord(e), true
	case domain.PresentedAsReceived:
		return presentedAsReceivedRecord(e), true
	case domain.TransferredAmendmentAdvised:
		return transferredAmendmentAdvisedRecord(e), true
	case domain.TransferredAmendmentAnswered:
		return transferredAmendmentAnsweredRecord(e), true
	}
	return nil, false
}

func (r transferAskedRecord) Event() domain.Event {
	return domain.TransferAsked{Transfer: fromTransferRecord(r.Transfer)}
}
func (r creditTransferredRecord) Event() domain.Event { return domain.CreditTransferred(r) }
func (r transferredDocumentsPresentedRecord) Event() domain.Event {
	return domain.TransferredDocumentsPresented{Presentation: fromTransferredPresentationRecord(r.Presentation)}
}
func (r invoiceSubstitutedRecord) Event() domain.Event {
	return domain.InvoiceSubstituted{PresentationID: r.PresentationID, Invoice: fromDocumentRecord(r.Invoice)}
}
func (r substitutionDemandedRecord) Event() domain.Event { return domain.SubstitutionDemanded(r) }
func (r presentedAsReceivedRecord) Event() domain.Event  { return domain.PresentedAsReceived(r) }
func (r transferredAmendmentAdvisedRecord) Event() domain.Event {
	return domain.TransferredAmendmentAdvised(r)
}
func (r transferredAmendmentAnsweredRecord) Event() domain.Event {
	return domain.TransferredAmendmentAnswered(r)
}

// transferred is lc.transferred.v1: the LC_TRANSFERRED milestone.
func transferred(lc *domain.LetterOfCredit, by identity.Stamp) contracts.LCTransferred {
	t := lc.TransferredTerms()
	return contracts.LCTransferred{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, TransferringBank: lc.Transfer.TransferredBy,
		SecondBeneficiaryOrg: t.Beneficiary.ID, SecondBeneficiary: t.Beneficiary.Name, Amount: t.Amount, ExpiryDate: t.ExpiryDate.String()}
}

// payees are who is paid what of an honoured presentation under a transferred credit.
func payees(lc *domain.LetterOfCredit, presentationID string, honoured money.Money) []contracts.Payee {
	var out []contracts.Payee
	for _, p := range lc.Payees(presentationID, honoured) {
		out = append(out, contracts.Payee{Org: p.Org, Name: p.Name, Account: p.Account, Amount: p.Amount})
	}
	return out
}
