package service_test

import (
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/service"
)

func TestOptionsFromEnv(t *testing.T) {
	t.Setenv("TRADEFIN_SETTLEMENT_AGENT_BIC", "")
	t.Setenv("TRADEFIN_SETTLEMENT_FOUR_EYES", "")
	o, err := service.OptionsFromEnv()
	if err != nil || o.Policy.SettlementAgent != "NCLRSESS" || o.Policy.FourEyes.Threshold(money.MustCurrency("EUR")) != 100_000_000 {
		t.Fatalf("defaults: %+v %v", o, err)
	}
	t.Setenv("TRADEFIN_SETTLEMENT_AGENT_BIC", "DEUTDEFF")
	t.Setenv("TRADEFIN_SETTLEMENT_FOUR_EYES", "EUR:5000,USD:7000")
	o, err = service.OptionsFromEnv()
	if err != nil || o.Policy.SettlementAgent != "DEUTDEFF" || o.Policy.FourEyes.Threshold(money.MustCurrency("USD")) != 7000 {
		t.Fatalf("set: %+v %v", o, err)
	}
	t.Setenv("TRADEFIN_SETTLEMENT_AGENT_BIC", "not-a-bic")
	t.Setenv("TRADEFIN_SETTLEMENT_FOUR_EYES", "EUR=5")
	if _, err := service.OptionsFromEnv(); err == nil || !strings.Contains(err.Error(), "TRADEFIN_SETTLEMENT_AGENT_BIC") ||
		!strings.Contains(err.Error(), "TRADEFIN_SETTLEMENT_FOUR_EYES") {
		t.Fatalf("bad settings not both reported: %v", err)
	}
}
