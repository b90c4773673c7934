package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The confirming bank's endpoints (UCP 600 Art. 8): it confirms the credit and, having honoured
// a presentation, claims reimbursement of it (Art. 8(c); MT742 under URR 725).
func registerConfirmation(mux *apispec.Mux, a app.Application) {
	c := a.Commands
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/confirmation", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ConfirmedOn domain.Date `json:"confirmedOn"`
		}
		if err := decodeOptional(r, &req); err != nil { // no body, or no date: today
			fail(w, r, err)
			return
		}
		lc, err := c.ConfirmCredit.Handle(r.Context(), command.ConfirmCredit{ID: r.PathValue("id"), On: req.ConfirmedOn})
		credit(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations/{pid}/reimbursement-claim", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ClaimedOn domain.Date `json:"claimedOn"`
		}
		if err := decodeOptional(r, &req); err != nil { // no body, or no date: today
			fail(w, r, err)
			return
		}
		lc, err := c.ClaimReimbursement.Handle(r.Context(), command.ClaimReimbursement{ID: r.PathValue("id"), PresentationID: r.PathValue("pid"), On: req.ClaimedOn})
		credit(w, r, lc, err)
	})
}

type (
	confirmationView struct {
		By string      `json:"by"` // BIC of the confirming bank
		On domain.Date `json:"on"`
	}
	reimbursementClaimView struct {
		PresentationID string      `json:"presentationId"`
		Amount         money.Money `json:"amount"`
		By             string      `json:"by"`   // BIC of the claiming (confirming) bank
		From           string      `json:"from"` // BIC of the bank claimed on: the reimbursing or issuing bank
		On             domain.Date `json:"on"`
	}
)

// confirmationOf adds the confirmation and the reimbursement claims to the credit's view.
func confirmationOf(v *creditView, lc *domain.LetterOfCredit) {
	if c := lc.Confirmation; c != nil {
		v.Confirmation = &confirmationView{By: c.By, On: c.On}
	}
	v.Reimbursements = []reimbursementClaimView{}
	for _, c := range lc.Reimbursements {
		v.Reimbursements = append(v.Reimbursements, reimbursementClaimView{PresentationID: c.PresentationID, Amount: c.Amount, By: c.By, From: c.From, On: c.On})
	}
}
