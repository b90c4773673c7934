package web

import (
	"net/http"

	"github.com/tradefin/tradefin/services/portal/adapters/tradeviewapi"
	"github.com/tradefin/tradefin/services/portal/domain"
)

// chainPage is the trade's chain verification as the page shows it.
type chainPage struct {
	tradeviewapi.Verification
	Intact bool
}

// verifyChain has the worker recompute the trade's hash chain from the ledger and the services'
// events, with the user's token (a trade the user is not party to answers 404, as its page does).
func (s *Server) verifyChain(w http.ResponseWriter, r *http.Request, u *User) {
	v, err := s.apis.Trades.Verify(r.Context(), u.token, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, u, err)
		return
	}
	statuses := make([]string, len(v.Links))
	for i, l := range v.Links {
		statuses[i] = l.Status
	}
	s.render(w, r, http.StatusOK, "verification", page{Title: "Verify trade " + v.TradeID, User: u,
		Data: chainPage{Verification: v, Intact: domain.ChainIntact(statuses)}})
}
