package store

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// lineRecord is a domain.Line, one good of a declaration, as stored inside
// customs.DeclarationLodged.
type lineRecord struct {
	HSCode       string      `json:"hsCode"`
	Description  string      `json:"description"`
	CustomsValue money.Money `json:"customsValue"`
}

// lineRecordsOf and linesOf map no lines to nil ("Lines": null), as a slice never filled; every
// lodgement has at least one (domain.Lodge).
func lineRecordsOf(ls []domain.Line) (out []lineRecord) {
	for _, l := range ls {
		out = append(out, lineRecord{HSCode: l.HSCode, Description: l.Description, CustomsValue: l.CustomsValue})
	}
	return out
}

func linesOf(rs []lineRecord) (out []domain.Line) {
	for _, r := range rs {
		out = append(out, domain.Line{HSCode: r.HSCode, Description: r.Description, CustomsValue: r.CustomsValue})
	}
	return out
}
