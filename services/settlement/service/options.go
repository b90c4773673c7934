package service

import (
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// DefaultSettlementAgent is the dev directory's settlement bank (Nordic Clearing House).
const DefaultSettlementAgent = "NCLRSESS"

// Options are settlement's own settings.
type Options struct {
	Policy app.Policy
}

// OptionsFromEnv reads TRADEFIN_SETTLEMENT_AGENT_BIC (the settlement bank's BIC, default
// NCLRSESS) and TRADEFIN_SETTLEMENT_FOUR_EYES (per-currency thresholds in minor units, e.g.
// "EUR:100000000,USD:100000000"; a currency not named: 1,000,000.00). Every bad setting is
// reported.
func OptionsFromEnv() (Options, error) {
	agent := platform.Env("TRADEFIN_SETTLEMENT_AGENT_BIC", DefaultSettlementAgent)
	fe, ferr := domain.ParseFourEyes(platform.Env("TRADEFIN_SETTLEMENT_FOUR_EYES", ""))
	var errs []error
	if !domain.IsBIC(agent) {
		errs = append(errs, fmt.Errorf("TRADEFIN_SETTLEMENT_AGENT_BIC %q is not a BIC (ISO 9362)", agent))
	}
	if ferr != nil {
		errs = append(errs, fmt.Errorf("TRADEFIN_SETTLEMENT_FOUR_EYES: %w", ferr))
	}
	return Options{Policy: app.Policy{SettlementAgent: agent, FourEyes: fe}}, errors.Join(errs...)
}
