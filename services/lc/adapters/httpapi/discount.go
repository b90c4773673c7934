package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// registerDiscount: the nominated bank prepays or purchases a usance presentation's accepted
// draft or deferred payment undertaking before its maturity (UCP 600 Art. 12(b)), stating the
// proceeds or its rate a year in basis points (and, optionally, the days to maturity).
func registerDiscount(mux *apispec.Mux, a app.Application) {
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/presentations/{pid}/discount", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Proceeds        *money.Money `json:"proceeds"`
			RateBasisPoints int          `json:"rateBasisPoints"`
			Days            int          `json:"days"`
		}
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := a.Commands.Discount.Handle(r.Context(), command.DiscountUndertaking{ID: r.PathValue("id"), PresentationID: r.PathValue("pid"),
			Terms: domain.DiscountTerms{Proceeds: req.Proceeds, RateBasisPoints: req.RateBasisPoints, Days: req.Days}})
		credit(w, r, lc, err)
	})
}

// discountView is a presentation's domain.Discount as the API gives it.
type discountView struct {
	By              domain.BIC  `json:"by"`
	On              domain.Date `json:"on"`
	Face            money.Money `json:"face"`     // what the issuing bank pays the nominated bank at maturity
	Proceeds        money.Money `json:"proceeds"` // what the nominated bank pays the beneficiary now
	RateBasisPoints int         `json:"rateBasisPoints,omitempty"`
	Days            int         `json:"days"` // from On to the maturity date
}

func discountViewOf(d *domain.Discount) *discountView {
	if d == nil {
		return nil
	}
	return &discountView{By: d.By, On: d.On, Face: d.Face, Proceeds: d.Proceeds, RateBasisPoints: d.RateBasisPoints, Days: d.Days}
}
