package domain

import (
	"math"
	"slices"
)

// RiskLane is the channel a declaration takes (WCO Revised Kyoto Convention, General Annex
// Ch. 6: controls based on risk management).
type RiskLane string

const (
	Green  RiskLane = "GREEN"  // release on the data alone
	Yellow RiskLane = "YELLOW" // documentary check before clearance
	Red    RiskLane = "RED"    // physical inspection before clearance
)

// riskRule sends a declaration to a lane when it matches; the first match wins, in table order.
type riskRule struct {
	lane   RiskLane
	why    string
	hsChap []string // HS chapters (first two digits) that trigger the rule
	origin []string // countries of origin that trigger the rule
	// valueOver triggers the rule when the declaration's total customs value exceeds the
	// threshold in its currency (ISO 4217 code → minor units); other currencies do not.
	valueOver map[string]int64
}

// riskRules is the profile, in one place: strategic and hazardous goods are inspected, goods from
// origins under heightened controls get a documentary check, everything else goes green.
var riskRules = []riskRule{
	{lane: Red, why: "arms and ammunition (HS chapter 93)", hsChap: []string{"93"}},
	{lane: Red, why: "nuclear materials (HS chapter 28 radioactive elements) — dual-use control", hsChap: []string{"28"}},
	{lane: Yellow, why: "chemical products (HS chapters 29, 38): dual-use screening", hsChap: []string{"29", "38"}},
	{lane: Yellow, why: "origin under heightened controls", origin: []string{"KP", "IR", "SY"}},
	{lane: Yellow, why: "high declared value: documentary check of the valuation (WTO Customs Valuation Agreement Art. 17)",
		valueOver: map[string]int64{"EUR": 1_000_000_00, "USD": 1_000_000_00, "GBP": 1_000_000_00, "CHF": 1_000_000_00, "SEK": 10_000_000_00, "JPY": 150_000_000}},
}

// assessRisk returns the lane for a declaration and the rule that chose it.
func assessRisk(lines []Line, origin string) (RiskLane, string) {
	var total int64 // the lines share one currency (Lodge checks) and each is positive
	for _, l := range lines {
		total = min(total, math.MaxInt64-l.CustomsValue.Minor) + l.CustomsValue.Minor // saturates instead of wrapping
	}
	for _, r := range riskRules {
		if slices.Contains(r.origin, origin) {
			return r.lane, r.why
		}
		if limit, ok := r.valueOver[lines[0].CustomsValue.Currency.Code()]; ok && total > limit {
			return r.lane, r.why
		}
		for _, l := range lines {
			if slices.Contains(r.hsChap, l.HSCode[:2]) {
				return r.lane, r.why
			}
		}
	}
	return Green, "no risk rule matched"
}
