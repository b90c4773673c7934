package verification

import (
	"encoding/json"
	"net/http"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// Route is the verification's pattern on the worker, beside the trade view's.
const Route = "GET /v1/trades/{id}/verification"

// Handler serves Route: the trade's Report (200 whatever its verdict; the report says), only
// for the trade's parties and the auditor, need-to-know as the trade view (404 for anyone else,
// word for word the answer for a trade that does not exist). It needs an authenticated actor
// (identity.Required in front).
func Handler(s Sources) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if err := contracts.CheckTradeID(id); err != nil {
			problem.Write(w, r, problem.InvalidFields(problem.InvalidParam{Name: "id", Reason: err.Error()}))
			return
		}
		a, _ := identity.FromContext(r.Context())
		t, err := tradeview.Get(r.Context(), s.Temporal, id)
		if err == nil && !tradeview.Visible(a, t) {
			err = problem.New(problem.NotFound, "Trade not found", "no trade "+id)
		}
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		rep, err := s.Trade(r.Context(), id)
		if err != nil {
			problem.Write(w, r, problem.New(problem.Unavailable, "A source of the trade cannot be read", err.Error()))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(rep)
	})
}
