// Package fxtable is the fixed-table FX rate provider for dev and tests: rates configured as exact
// decimal strings, stamped with the table's source and as-of time.
package fxtable

import (
	"context"

	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Table maps "EUR/USD" to a decimal rate.
type Table struct {
	Rates  map[string]string
	Source string
	AsOf   time.Time
}

// Dev is the table used by the dev stack.
func Dev() Table {
	return Table{Source: "tradefin fixed dev table", AsOf: time.Date(2026, 11, 20, 16, 0, 0, 0, time.UTC), Rates: map[string]string{
		"EUR/USD": "1.0842", "USD/EUR": "0.9223", "USD/JPY": "151.235", "EUR/GBP": "0.8571", "GBP/EUR": "1.1667",
	}}
}

func (t Table) Rate(_ context.Context, from, to money.Currency) (domain.Rate, error) {
	d, ok := t.Rates[from.Code()+"/"+to.Code()]
	if !ok {
		return domain.Rate{}, &domain.Error{Kind: domain.KindInvalid, Msg: "no " + from.Code() + "/" + to.Code() + " rate"}
	}
	return domain.ParseRate(from, to, d, t.Source, t.AsOf)
}
