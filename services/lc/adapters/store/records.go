package store

import (
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The stored formats of a credit's events, separate from the domain events so that changing a
// domain struct cannot change what is stored. Version 1 of each is the shape streams were first
// written in (the Go field names); a format that changes gets an upcaster from its old versions
// in formats below. The nested objects of an event — terms, presentation, examination, refusal
// notice, waiver, amendment, transfer, undertaking, discount, trade claim — are stored as record
// types of their own too (terms_record.go, presentation_record.go, …), field names as streams
// were written when they were the domain's json tags; the domain has no json tags. The golden
// files of testdata/formats pin every format (TestStoredFormatsAreTheGoldenOnes).
type (
	appliedRecord struct {
		ID               string      `json:"ID"`
		TradeID          string      `json:"TradeID"`
		Terms            termsRecord `json:"Terms"`
		PresentableUntil time.Time   `json:"PresentableUntil,omitzero"`
	}
	issueRequestedRecord struct {
		IssueDate domain.Date    `json:"IssueDate"`
		By        identity.Stamp `json:"By"`
	}
	// issuedRecord is version 2: version 1 named the fields IssueDate and ApprovedBy.
	issuedRecord struct {
		IssueDate  domain.Date    `json:"issuedOn"`
		ApprovedBy identity.Stamp `json:"approvedBy,omitzero"`
	}
	documentsExaminedRecord struct {
		PresentationID string             `json:"PresentationID"`
		Presentation   presentationRecord `json:"Presentation"`
		Result         examinationRecord  `json:"Result"`
		ReceivedAt     time.Time          `json:"receivedAt,omitzero"`
		DeadlineAt     time.Time          `json:"deadlineAt,omitzero"`
	}
	refusalPrecludedRecord struct {
		PresentationID string    `json:"presentationId"`
		At             time.Time `json:"at"`
	}
	presentationRefusedRecord struct {
		PresentationID string              `json:"PresentationID"`
		Notice         refusalNoticeRecord `json:"Notice"`
		DecisionUntil  time.Time           `json:"DecisionUntil,omitzero"`
	}
	waiverRequestedRecord struct {
		PresentationID string         `json:"PresentationID"`
		By             identity.Stamp `json:"By"`
		Date           domain.Date    `json:"Date"`
	}
	waiverRejectedRecord struct {
		PresentationID string      `json:"PresentationID"`
		Date           domain.Date `json:"Date"`
	}
	discrepanciesWaivedRecord struct {
		PresentationID string       `json:"PresentationID"`
		Waiver         waiverRecord `json:"Waiver"`
	}
	honouredRecord struct {
		PresentationID string      `json:"PresentationID"`
		Date           domain.Date `json:"Date"`
		By             domain.BIC  `json:"By,omitzero"` // the confirming bank; absent before confirmation
	}
	advisedRecord struct {
		By string      `json:"By"`
		On domain.Date `json:"On"`
	}
	acceptedRecord struct {
		On domain.Date `json:"On"`
	}
	amendmentProposedRecord struct {
		Amendment amendmentRecord `json:"Amendment"`
	}
	amendmentAnsweredRecord struct {
		Number           int       `json:"Number"`
		Accepted         bool      `json:"Accepted"`
		PresentableUntil time.Time `json:"PresentableUntil,omitzero"`
		Partial          bool      `json:"Partial,omitzero"`
	}
	cancellationProposedRecord struct {
		Reason string       `json:"reason"`
		By     domain.Stamp `json:"by"`
		At     time.Time    `json:"at"`
	}
	cancellationAnsweredRecord struct {
		Accepted bool      `json:"accepted"`
		At       time.Time `json:"at"`
	}
	expiredRecord struct {
		At time.Time `json:"at"`
	}
	tradeClaimedRecord struct {
		Claim tradeClaimRecord `json:"claim"`
	}
	creditReceivedRecord struct {
		ID               string         `json:"id"`
		TradeID          string         `json:"tradeId"`
		Terms            termsRecord    `json:"terms"`
		IssueDate        domain.Date    `json:"issuedOn"`
		PresentableUntil time.Time      `json:"presentableUntil,omitzero"`
		By               identity.Stamp `json:"by"`
	}
	undertakingIncurredRecord struct {
		PresentationID string            `json:"presentationId"`
		Undertaking    undertakingRecord `json:"undertaking"`
	}
)

var formats = func() *eventstore.Registry {
	r := eventstore.NewRegistry()
	r.Register("lc.Applied", appliedRecord{})
	r.Register("lc.IssueRequested", issueRequestedRecord{})
	r.Register("lc.Issued", issuedRecord{}, upcastIssuedV1)
	r.Register("lc.DocumentsExamined", documentsExaminedRecord{})
	r.Register("lc.PresentationRefused", presentationRefusedRecord{})
	r.Register("lc.WaiverRequested", waiverRequestedRecord{})
	r.Register("lc.WaiverRejected", waiverRejectedRecord{})
	r.Register("lc.DiscrepanciesWaived", discrepanciesWaivedRecord{})
	r.Register("lc.Honoured", honouredRecord{})
	r.Register("lc.Advised", advisedRecord{})
	r.Register("lc.Accepted", acceptedRecord{})
	r.Register("lc.AmendmentProposed", amendmentProposedRecord{})
	r.Register("lc.AmendmentAnswered", amendmentAnsweredRecord{})
	r.Register("lc.CancellationProposed", cancellationProposedRecord{})
	r.Register("lc.CancellationAnswered", cancellationAnsweredRecord{})
	r.Register("lc.Expired", expiredRecord{})
	r.Register("lc.TradeClaimed", tradeClaimedRecord{})
	r.Register("lc.CreditReceived", creditReceivedRecord{})
	registerAmendmentSteps(r)
	registerTransfer(r)
	r.Register("lc.UndertakingIncurred", undertakingIncurredRecord{})
	r.Register("lc.RefusalPrecluded", refusalPrecludedRecord{})
	r.Register("lc.DocumentRegistered", documentRegisteredRecord{})
	r.Register("lc.FullyDrawn", fullyDrawnRecord{})
	r.Register("lc.ForwardedUnderReserve", forwardedUnderReserveRecord{})
	r.Register("lc.InstalmentsScheduled", instalmentsScheduledRecord{})
	r.Register("lc.UndertakingDiscounted", undertakingDiscountedRecord{})
	registerConfirmationRecords(r)
	return r
}()

// upcastIssuedV1: version 2 of lc.Issued renamed IssueDate to issuedOn and ApprovedBy to
// approvedBy.
func upcastIssuedV1(data []byte) ([]byte, error) {
	data, err := eventstore.RenameField("IssueDate", "issuedOn")(data)
	if err != nil {
		return nil, err
	}
	return eventstore.RenameField("ApprovedBy", "approvedBy")(data)
}

func toRecord(e domain.Event) (aggregate.Record[domain.Event], error) {
	switch e := e.(type) {
	case domain.Applied:
		return appliedRecord{ID: e.ID, TradeID: e.TradeID, Terms: toTermsRecord(e.Terms), PresentableUntil: e.PresentableUntil}, nil
	case domain.IssueRequested:
		return issueRequestedRecord(e), nil
	case domain.Issued:
		return issuedRecord(e), nil
	case domain.DocumentsExamined:
		return documentsExaminedRecord{PresentationID: e.PresentationID, Presentation: toPresentationRecord(e.Presentation),
			Result: toExaminationRecord(e.Result), ReceivedAt: e.ReceivedAt, DeadlineAt: e.DeadlineAt}, nil
	case domain.PresentationRefused:
		return presentationRefusedRecord{PresentationID: e.PresentationID, Notice: toRefusalNoticeRecord(e.Notice), DecisionUntil: e.DecisionUntil}, nil
	case domain.WaiverRequested:
		return waiverRequestedRecord(e), nil
	case domain.WaiverRejected:
		return waiverRejectedRecord(e), nil
	case domain.DiscrepanciesWaived:
		return discrepanciesWaivedRecord{PresentationID: e.PresentationID, Waiver: toWaiverRecord(e.Waiver)}, nil
	case domain.Honoured:
		return honouredRecord(e), nil
	case domain.Advised:
		return advisedRecord(e), nil
	case domain.Accepted:
		return acceptedRecord(e), nil
	case domain.AmendmentProposed:
		return amendmentProposedRecord{Amendment: toAmendmentRecord(e.Amendment)}, nil
	case domain.AmendmentAnswered:
		return amendmentAnsweredRecord(e), nil
	case domain.CancellationProposed:
		return cancellationProposedRecord(e), nil
	case domain.CancellationAnswered:
		return cancellationAnsweredRecord(e), nil
	case domain.Expired:
		return expiredRecord(e), nil
	case domain.TradeClaimed:
		return tradeClaimedRecord{Claim: toTradeClaimRecord(e.Claim)}, nil
	case domain.CreditReceived:
		return creditReceivedRecord{ID: e.ID, TradeID: e.TradeID, Terms: toTermsRecord(e.Terms), IssueDate: e.IssueDate,
			PresentableUntil: e.PresentableUntil, By: e.By}, nil
	case domain.UndertakingIncurred:
		return undertakingIncurredRecord{PresentationID: e.PresentationID, Undertaking: toUndertakingRecord(e.Undertaking)}, nil
	case domain.RefusalPrecluded:
		return refusalPrecludedRecord(e), nil
	case domain.FullyDrawn:
		return fullyDrawnRecord(e), nil
	case domain.ForwardedUnderReserve:
		return forwardedUnderReserveRecord{PresentationID: e.PresentationID, By: e.By, On: e.On, Discrepancies: each(e.Discrepancies, toDiscrepancyRecord)}, nil
	case domain.InstalmentsScheduled:
		return instalmentsRecord(e), nil
	case domain.UndertakingDiscounted:
		return undertakingDiscountedRecord{PresentationID: e.PresentationID, Discount: toDiscountRecord(e.Discount)}, nil
	case domain.Confirmed, domain.ReimbursementClaimed:
		return confirmationRecord(e), nil
	}
	if r, ok := amendmentStepRecord(e); ok {
		return r, nil
	}
	if r, ok := transferEventRecord(e); ok {
		return r, nil
	}
	return nil, fmt.Errorf("%w: no stored format for %T", eventstore.ErrUnknownEventType, e)
}

func (r appliedRecord) Event() domain.Event {
	return domain.Applied{ID: r.ID, TradeID: r.TradeID, Terms: fromTermsRecord(r.Terms), PresentableUntil: r.PresentableUntil}
}
func (r issueRequestedRecord) Event() domain.Event { return domain.IssueRequested(r) }
func (r issuedRecord) Event() domain.Event         { return domain.Issued(r) }
func (r documentsExaminedRecord) Event() domain.Event {
	return domain.DocumentsExamined{PresentationID: r.PresentationID, Presentation: fromPresentationRecord(r.Presentation),
		Result: fromExaminationRecord(r.Result), ReceivedAt: r.ReceivedAt, DeadlineAt: r.DeadlineAt}
}
func (r presentationRefusedRecord) Event() domain.Event {
	return domain.PresentationRefused{PresentationID: r.PresentationID, Notice: fromRefusalNoticeRecord(r.Notice), DecisionUntil: r.DecisionUntil}
}
func (r waiverRequestedRecord) Event() domain.Event { return domain.WaiverRequested(r) }
func (r waiverRejectedRecord) Event() domain.Event  { return domain.WaiverRejected(r) }
func (r discrepanciesWaivedRecord) Event() domain.Event {
	return domain.DiscrepanciesWaived{PresentationID: r.PresentationID, Waiver: fromWaiverRecord(r.Waiver)}
}
func (r honouredRecord) Event() domain.Event { return domain.Honoured(r) }
func (r advisedRecord) Event() domain.Event  { return domain.Advised(r) }
func (r acceptedRecord) Event() domain.Event { return domain.Accepted(r) }
func (r amendmentProposedRecord) Event() domain.Event {
	return domain.AmendmentProposed{Amendment: fromAmendmentRecord(r.Amendment)}
}
func (r amendmentAnsweredRecord) Event() domain.Event    { return domain.AmendmentAnswered(r) }
func (r cancellationProposedRecord) Event() domain.Event { return domain.CancellationProposed(r) }
func (r cancellationAnsweredRecord) Event() domain.Event { return domain.CancellationAnswered(r) }
func (r expiredRecord) Event() domain.Event              { return domain.Expired(r) }
func (r tradeClaimedRecord) Event() domain.Event {
	return domain.TradeClaimed{Claim: fromTradeClaimRecord(r.Claim)}
}
func (r creditReceivedRecord) Event() domain.Event {
	return domain.CreditReceived{ID: r.ID, TradeID: r.TradeID, Terms: fromTermsRecord(r.Terms), IssueDate: r.IssueDate,
		PresentableUntil: r.PresentableUntil, By: r.By}
}
func (r undertakingIncurredRecord) Event() domain.Event {
	return domain.UndertakingIncurred{PresentationID: r.PresentationID, Undertaking: fromUndertakingRecord(r.Undertaking)}
}
func (r refusalPrecludedRecord) Event() domain.Event { return domain.RefusalPrecluded(r) }
