package service

import (
	"fmt"
	"strconv"
	"time"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// OptionsFromEnv reads the issuing bank's settings:
//   - TRADEFIN_LC_FOUR_EYES: the maker-checker limits ("EUR:100000000,USD:100000000", minor
//     units; default 1,000,000 major units in every currency);
//   - TRADEFIN_LC_CALENDARS: a JSON file of the banking calendars of the places of expiry
//     (adapters/calendars; default the dev network's);
//   - TRADEFIN_LC_DECISION_DAYS: the applicant's decision period after a refusal, in banking
//     days (default domain.DefaultDecisionDays);
//   - TRADEFIN_LC_EXAMINATION_PERIOD: a Go duration replacing the examination's five banking
//     days (UCP 600 Art. 14(b)) with a period from receipt, for demonstrations and tests of the
//     deadline's enforcement only (default unset: the five banking days).
func OptionsFromEnv() (app.Settings, error) {
	fourEyes, err := domain.ParseFourEyes(platform.Env("TRADEFIN_LC_FOUR_EYES", ""))
	if err != nil {
		return app.Settings{}, fmt.Errorf("TRADEFIN_LC_FOUR_EYES: %w", err)
	}
	cals, err := calendars.Load(platform.Env("TRADEFIN_LC_CALENDARS", ""))
	if err != nil {
		return app.Settings{}, fmt.Errorf("TRADEFIN_LC_CALENDARS: %w", err)
	}
	days, err := strconv.Atoi(platform.Env("TRADEFIN_LC_DECISION_DAYS", strconv.Itoa(domain.DefaultDecisionDays)))
	pol := domain.Policy{Calendars: cals, DecisionDays: days}
	if err == nil {
		err = pol.Validate()
	}
	if err != nil {
		return app.Settings{}, fmt.Errorf("TRADEFIN_LC_DECISION_DAYS: %w", err)
	}
	if v := platform.Env("TRADEFIN_LC_EXAMINATION_PERIOD", ""); v != "" {
		if pol.ExaminationPeriod, err = time.ParseDuration(v); err != nil || pol.ExaminationPeriod <= 0 {
			return app.Settings{}, fmt.Errorf("TRADEFIN_LC_EXAMINATION_PERIOD: %q: want a positive Go duration, e.g. 30s", v)
		}
	}
	return app.Settings{FourEyes: fourEyes, Policy: pol}, nil
}
