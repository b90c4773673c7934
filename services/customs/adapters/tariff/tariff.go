// Package tariff holds the duty rates customs assesses imports by.
package tariff

import "github.com/tradefin/tradefin/services/customs/domain"

// Excerpt is a small excerpt of conventional third-country duty rates of the EU Common Customs
// Tariff (Council Regulation (EEC) No 2658/87, Annex I), by HS heading or subheading, in basis
// points. A deployment loads its territory's full tariff instead.
func Excerpt() domain.TariffTable {
	return domain.TariffTable{
		"0901":   0,    // coffee, not roasted
		"090121": 750,  // coffee, roasted, not decaffeinated: 7.5 %
		"6109":   1200, // T-shirts, knitted: 12 %
		"6403":   800,  // footwear with leather uppers: 8 %
		"6907":   500,  // ceramic flags and paving, hearth or wall tiles: 5 %
		"8471":   0,    // automatic data-processing machines (ITA)
		"9401":   270,  // seats: 2.7 %
	}
}
