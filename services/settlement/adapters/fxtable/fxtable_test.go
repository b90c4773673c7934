package fxtable

import (
	"context"
	"testing"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

func TestDevTable(t *testing.T) {
	r, err := Dev().Rate(context.Background(), money.MustCurrency("EUR"), money.MustCurrency("USD"))
	if err != nil || r.Decimal() != "1.0842" || r.Source == "" || r.AsOf.IsZero() {
		t.Fatalf("%v %v", r, err)
	}
	if _, err := Dev().Rate(context.Background(), money.MustCurrency("CHF"), money.MustCurrency("USD")); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("missing pair: %v", err)
	}
}
