package web

import (
	"errors"
	"net/http"
	"slices"

	"github.com/tradefin/tradefin/services/portal/adapters/lcapi"
	"github.com/tradefin/tradefin/services/portal/domain"
)

// The confirming bank's desk (UCP 600 Art. 8): its two steps, run like the page's others.
func init() {
	tradeSteps[domain.Confirm] = func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return "Confirmation added: the bank is bound to honour (UCP 600 Art. 8(b)).", s.apis.LC.Confirm(r.Context(), u.token, t.Credit.ID, r.FormValue("confirmedOn"))
	}
	tradeSteps[domain.ClaimReimbursement] = func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		c := confirmationOf(domain.Credit{}, t.Credit)
		pid := c.Claimable(c.ConfirmingBank)
		if pid == "" {
			return "", errors.New("no presentation honoured by the confirming bank awaits its claim")
		}
		return "Reimbursement claimed (UCP 600 Art. 8(c)).", s.apis.LC.ClaimReimbursement(r.Context(), u.token, t.Credit.ID, pid, t.Today)
	}
}

// confirmationOf adds to the page's view of the credit what the confirming bank's steps need.
func confirmationOf(dc domain.Credit, c *lcapi.Credit) domain.Credit {
	dc.ConfirmingBank, dc.Confirmed = c.Terms.ConfirmingBank(), c.Confirmation != nil
	if c.Confirmation != nil {
		dc.ConfirmingBank = c.Confirmation.By
	}
	if len(dc.Presentations) == 0 {
		for _, p := range c.Presentations {
			dc.Presentations = append(dc.Presentations, domain.Presentation{ID: p.ID, Honoured: p.Honoured})
		}
	}
	for i := range dc.Presentations {
		k := slices.IndexFunc(c.Presentations, func(p lcapi.Presentation) bool { return p.ID == dc.Presentations[i].ID })
		if k < 0 {
			continue
		}
		dc.Presentations[i].HonouredBy = c.Presentations[k].HonouredBy
		dc.Presentations[i].Claimed = slices.ContainsFunc(c.Reimbursements, func(r lcapi.ReimbursementClaim) bool { return r.PresentationID == dc.Presentations[i].ID })
	}
	return dc
}
