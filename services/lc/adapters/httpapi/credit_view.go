package httpapi

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/swiftmap"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// creditView is a credit as the API returns it: its state and the SWIFT messages it produced.
type creditView struct {
	ID               string             `json:"id"`
	TradeID          string             `json:"tradeId"`
	Status           string             `json:"status"`
	Terms            termsDTO           `json:"terms"`
	PresentableUntil string             `json:"presentableUntil"` // RFC 3339: a presentation must come before it
	IssueDate        domain.Date        `json:"issueDate,omitzero"`
	AdvisedOn        domain.Date        `json:"advisedOn,omitzero"`
	AcceptedOn       domain.Date        `json:"acceptedOn,omitzero"`
	Presentations    []presentationView `json:"presentations"`
	Amendments       []amendmentView    `json:"amendments"`
	Cancellation     *cancellationView  `json:"cancellation,omitempty"`
	ExpiredAt        string             `json:"expiredAt,omitempty"`
	Balance          *balanceView       `json:"balance,omitempty"` // a credit drawn by several presentations
	Messages         []swiftmap.Message `json:"messages"`
	// The confirmation and the confirming bank's reimbursement claims (confirmation.go).
	Confirmation   *confirmationView        `json:"confirmation,omitempty"`
	Reimbursements []reimbursementClaimView `json:"reimbursements"`
}

type (
	presentationView struct {
		ID            string           `json:"id"`
		Presentation  presentationDTO  `json:"presentation"`
		Examination   examinationDTO   `json:"examination"`
		Refusal       *refusalView     `json:"refusal,omitempty"`
		Waiver        *waiverView      `json:"waiver,omitempty"`
		Honoured      bool             `json:"honoured"`
		HonouredOn    domain.Date      `json:"honouredOn,omitzero"`
		DecisionUntil string           `json:"decisionUntil,omitempty"` // the applicant's decision period ends (RFC 3339)
		Undertaking   *undertakingView `json:"undertaking,omitempty"`   // a usance credit's, at honour
		HonouredBy    string           `json:"honouredBy,omitempty"`    // the confirming bank (BIC) when it honoured
		Discount      *discountView    `json:"discount,omitempty"`      // the nominated bank's, before maturity (discount.go)
		UnderReserve  *reserveView     `json:"underReserve,omitempty"`  // forwarded by the nominated bank (forward_under_reserve.go)
		examinationClock
	}
	refusalView struct {
		Discrepancies []discrepancyDTO `json:"discrepancies"`
		Disposal      string           `json:"disposal"` // UCP 600 Art. 16(c)(iii)
		Date          domain.Date      `json:"date"`
	}
	waiverView struct {
		By       identity.Stamp `json:"by"`
		Date     domain.Date    `json:"date"`
		Decision string         `json:"decision"` // PENDING, ACCEPTED, REJECTED: the issuing bank's
	}
	// balanceView is domain.Balance as the API gives it.
	balanceView struct {
		Drawn      money.Money `json:"drawn"`
		Available  money.Money `json:"available"`
		Reserved   money.Money `json:"reserved,omitzero"`
		FullyDrawn bool        `json:"fullyDrawn"`
	}
	cancellationView struct {
		Reason     string         `json:"reason"`
		ProposedBy identity.Stamp `json:"proposedBy"`
		ProposedAt string         `json:"proposedAt"`
		Status     string         `json:"status"` // PROPOSED, ACCEPTED, REJECTED
	}
)

func viewOf(lc *domain.LetterOfCredit, msgs []swiftmap.Message) creditView {
	v := creditView{ID: lc.ID, TradeID: lc.TradeID, Status: string(lc.Status), Terms: termsOf(lc.Terms), PresentableUntil: rfc3339(lc.ExpiresAt()),
		IssueDate: lc.IssueDate, AdvisedOn: lc.AdvisedOn, AcceptedOn: lc.AcceptedOn, ExpiredAt: rfc3339(lc.ExpiredAt),
		Presentations: []presentationView{}, Amendments: []amendmentView{}, Messages: msgs}
	for _, p := range lc.Presentations {
		v.Presentations = append(v.Presentations, presentationViewOf(p))
	}
	for _, a := range lc.Amendments {
		v.Amendments = append(v.Amendments, amendmentViewOf(a))
	}
	if lc.DrawsSeveral() {
		v.Balance = balanceViewOf(lc.Balance())
	}
	if c := lc.Cancellation; c != nil {
		v.Cancellation = &cancellationView{Reason: c.Reason, ProposedBy: c.ProposedBy, ProposedAt: rfc3339(c.ProposedAt), Status: c.Status}
	}
	confirmationOf(&v, lc)
	return v
}

func presentationViewOf(p domain.ExaminedPresentation) presentationView {
	v := presentationView{ID: p.ID, Presentation: presentationOf(p.Presentation), Examination: examinationOf(p.Result),
		Honoured: p.Honoured, HonouredOn: p.HonouredOn, DecisionUntil: rfc3339(p.DecisionUntil), Undertaking: undertakingViewOf(p.Undertaking, p.Instalments),
		examinationClock: clockOf(p), HonouredBy: p.HonouredBy, UnderReserve: reserveViewOf(p.Reserve), Discount: discountViewOf(p.Discount)}
	if r := p.Refusal; r != nil {
		v.Refusal = &refusalView{Discrepancies: discrepanciesOf(r.Discrepancies), Disposal: string(r.Disposal), Date: r.Date}
	}
	if w := p.WaiverRequest; w != nil {
		decision := "PENDING"
		switch {
		case p.WaiverRejected:
			decision = domain.StateRejected
		case p.Waiver != nil && p.Waiver.Accepted:
			decision = domain.StateAccepted
		}
		v.Waiver = &waiverView{By: w.By, Date: w.Date, Decision: decision}
	}
	return v
}

func balanceViewOf(b domain.Balance) *balanceView {
	return &balanceView{Drawn: b.Drawn, Available: b.Available, Reserved: b.Reserved, FullyDrawn: b.FullyDrawn}
}

// rfc3339 is an instant as the API gives it, UTC; "" for none.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
