package domain

import (
	"fmt"

	"github.com/tradefin/tradefin/events/money"
)

// BasisPoints is a rate in hundredths of a percent: 500 bp = 5 %.
type BasisPoints int64

// Tariff gives the ad valorem duty rate of a good by its HS code.
type Tariff interface {
	Rate(hsCode string) (BasisPoints, bool)
}

// TariffTable is a tariff keyed by HS heading (4 digits) or subheading (6 digits); the most
// specific entry wins.
type TariffTable map[string]BasisPoints

// Rate looks the code up by subheading, then heading.
func (t TariffTable) Rate(hsCode string) (BasisPoints, bool) {
	for _, k := range []string{hsCode[:min(6, len(hsCode))], hsCode[:min(4, len(hsCode))]} {
		if r, ok := t[k]; ok {
			return r, true
		}
	}
	return 0, false
}

// dutyOn is the ad valorem duty on a customs value: value × rate, in the value's minor units,
// rounded half up to the unit (integer arithmetic: 10,000 bp = 100 %). The customs value is the
// transaction value (WTO Customs Valuation Agreement, Art. 1).
func dutyOn(value money.Money, rate BasisPoints) (money.Money, error) {
	if value.Minor < 0 || rate < 0 {
		return money.Money{}, fmt.Errorf("negative value or rate")
	}
	if value.Minor > 0 && int64(rate) > (1<<62)/value.Minor {
		return money.Money{}, fmt.Errorf("duty on %d at %d bp overflows", value.Minor, rate)
	}
	product := value.Minor * int64(rate)
	return money.New((product+5_000)/10_000, value.Currency), nil
}
