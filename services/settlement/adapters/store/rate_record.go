package store

import (
	"time"

	"github.com/tradefin/tradefin/services/settlement/domain"
)

// rateRecord is the FX rate an attempt applied (domain.RateRecord) as stored inside
// settlement.PaymentInstructed: null when no FX applied.
type rateRecord struct {
	From     string    `json:"From"`
	To       string    `json:"To"`
	Rate     string    `json:"Rate"` // the exact decimal
	Source   string    `json:"Source"`
	AsOf     time.Time `json:"AsOf"`
	Rounding string    `json:"Rounding"`
}

func rateRecordOf(r *domain.RateRecord) *rateRecord {
	if r == nil {
		return nil
	}
	return &rateRecord{From: r.From, To: r.To, Rate: r.Rate, Source: r.Source, AsOf: r.AsOf, Rounding: r.Rounding}
}

func (r *rateRecord) rate() *domain.RateRecord {
	if r == nil {
		return nil
	}
	return &domain.RateRecord{From: r.From, To: r.To, Rate: r.Rate, Source: r.Source, AsOf: r.AsOf, Rounding: r.Rounding}
}
