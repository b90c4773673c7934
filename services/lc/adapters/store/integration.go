package store

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// integrationEvent is what the other contexts learn of a domain event (nil: nothing).
// by is who acted; it goes into every event.
func integrationEvent(lc *domain.LetterOfCredit, e domain.Event, by identity.Stamp) any {
	t := lc.Terms
	switch e := e.(type) {
	case domain.Applied:
		return opening(lc, by, e.PresentableUntil)
	case domain.CreditReceived:
		return receivedCredit(lc, e, by)
	case domain.AmendmentAnswered:
		if !e.Accepted {
			return nil // the terms stand as they were (UCP 600 Art. 10(b))
		}
		// The amendment is the command's one change, so the credit's terms are those after it.
		return contracts.LCAmended{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, Amendment: e.Number, Amount: t.Amount,
			ExpiryDate: t.ExpiryDate.String(), LatestShipment: t.LatestShipment.String(), PresentableUntil: instant(lc.ExpiresAt())}
	case domain.AmendmentProposed:
		return amendmentIssued(lc, e.Amendment.Number, by)
	case domain.AmendmentIssued:
		return amendmentIssued(lc, e.Number, by)
	case domain.CreditTransferred:
		return transferred(lc, by)
	case domain.CancellationAnswered:
		if !e.Accepted {
			return nil
		}
		return contracts.LCCancelled{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, Reason: lc.Cancellation.Reason}
	case domain.Expired:
		return contracts.LCExpired{TradeID: lc.TradeID, Actor: by, LCID: lc.ID}
	case domain.Issued:
		return contracts.LCIssued{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, LCNumber: t.Number, IssueDate: e.IssueDate.String()}
	case domain.FullyDrawn:
		return contracts.LCFullyDrawn{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, PresentationID: e.PresentationID, Drawn: lc.Balance().Drawn}
	case domain.Advised:
		return contracts.LCAdvised{TradeID: lc.TradeID, Actor: by, LCID: lc.ID}
	case domain.Accepted:
		return contracts.LCAccepted{TradeID: lc.TradeID, Actor: by, LCID: lc.ID}
	case domain.DocumentsExamined:
		sums := []string{}
		for _, d := range e.Presentation.Documents {
			if d.SHA256 != "" {
				sums = append(sums, d.SHA256)
			}
		}
		out := contracts.DocumentsPresented{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, PresentationID: e.PresentationID, Documents: sums, Drawing: lc.DrawingRef(e.PresentationID)}
		if !e.DeadlineAt.IsZero() {
			out.ExaminationDeadline = instant(e.DeadlineAt)
		}
		return out
	case domain.PresentationRefused:
		var ds []string
		for _, d := range e.Notice.Discrepancies {
			ds = append(ds, d.Rule+": "+d.Message)
		}
		return contracts.DocumentsRefused{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, PresentationID: e.PresentationID, Discrepancies: ds, Disposal: string(e.Notice.Disposal), Drawing: lc.DrawingRef(e.PresentationID)}
	case domain.DiscrepanciesWaived:
		return contracts.DiscrepanciesWaived{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, PresentationID: e.PresentationID, Drawing: lc.DrawingRef(e.PresentationID)}
	case domain.Honoured:
		return withInstalments(withUndertaking(contracts.LCHonoured{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, PresentationID: e.PresentationID, Amount: lc.DrawingAmount(e.PresentationID), Drawing: lc.DrawingRef(e.PresentationID),
			IssuingBank: t.IssuingBank, AdvisingBank: t.AdvisingBank, Beneficiary: t.Beneficiary.Name,
			BeneficiaryAccount: t.BeneficiaryAccount, AccountCurrency: t.AccountCurrency, HonouredBy: e.By,
			Payees: payees(lc, e.PresentationID, lc.DrawingAmount(e.PresentationID))}, undertakingOf(lc, e.PresentationID)), lc, e.PresentationID)
	case domain.UndertakingDiscounted:
		return discounted(lc, e, by) // discount_integration.go
	}
	return confirmationEvent(lc, e, by)
}

// instant is the contracts' form of an instant: RFC 3339 in UTC.
func instant(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// actedBy is who did what e records: the request's actor, except that the examination's outcome
// of a presentation (honour or refusal decided at once by the rules) is the issuing bank's.
func actedBy(ctx context.Context, lc *domain.LetterOfCredit, e domain.Event) identity.Stamp {
	a, _ := identity.FromContext(ctx)
	switch e.(type) {
	case domain.Honoured, domain.PresentationRefused, domain.UndertakingIncurred, domain.FullyDrawn:
		if h, ok := e.(domain.Honoured); ok && h.By != "" { // the confirming bank honoured (UCP 600 Art. 8(a))
			return confirmerStamp(a, h.By)
		}
		if !a.Is(identity.Bank, lc.Terms.IssuingBank) {
			return identity.Stamp{Org: lc.Terms.IssuingBank, User: "automatic-examination", Client: "tradefin-lc"}
		}
	}
	return a.Stamp()
}
