//go:build !unit

package e2e_test

import (
	"context"
	"testing"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/money"
)

// checkServices asks each service, through its own API, for the trade's final state.
func checkServices(ctx context.Context, t *testing.T, p *platform, r scenario.Result) {
	t.Helper()
	c := p.client(t)

	var credit struct {
		TradeID string `json:"tradeId"`
		Status  string `json:"status"`
	}
	if err := c.Get(ctx, p.endpoints.LC+"/v1/letters-of-credit/"+r.LCID, "erik", &credit); err != nil || credit.Status != "HONOURED" || credit.TradeID != r.TradeID {
		t.Errorf("credit %s: %+v %v", r.LCID, credit, err)
	}

	var declaration struct {
		TradeID string `json:"tradeId"`
		Status  string `json:"status"`
	}
	for id, want := range map[string]string{r.ExportID: exportCleared, r.ImportID: importReleased} {
		if err := c.Get(ctx, p.endpoints.Customs+"/v1/declarations/"+id, "audra", &declaration); err != nil || declaration.Status != want {
			t.Errorf("declaration %s: %+v %v, want status %s", id, declaration, err, want)
		}
	}

	var pay scenario.Payment
	if err := c.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+r.PaymentID, "audra", &pay); err != nil {
		t.Fatalf("payment %s: %v", r.PaymentID, err)
	}
	// The beneficiary's account is in USD: the EUR credit is paid with the rate recorded.
	if pay.Status != "settled" || pay.FX == nil || pay.FX.Rate == "" || pay.Credited == nil || pay.Credited.Currency.Code() != "USD" {
		t.Errorf("payment %s: %+v", r.PaymentID, pay)
	}
	balance := map[money.Currency]int64{}
	for _, e := range pay.Postings {
		if e.Side == "debit" {
			balance[e.Amount.Currency] += e.Amount.Minor
		} else {
			balance[e.Amount.Currency] -= e.Amount.Minor
		}
	}
	for cur, net := range balance {
		if net != 0 {
			t.Errorf("payment %s: postings in %s do not balance (%d)", r.PaymentID, cur.Code(), net)
		}
	}
	if len(pay.Postings) == 0 {
		t.Errorf("payment %s has no postings", r.PaymentID)
	}
}

// The customs declaration statuses at the end of the happy path.
const (
	exportCleared  = "CLEARED"
	importReleased = "RELEASED"
)
