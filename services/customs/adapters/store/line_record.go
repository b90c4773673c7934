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

// lineRecordsOf keeps nil as nil: a lodgement stored without lines reads back without them.
func lineRecordsOf(ls []domain.Line) []lineRecord {
	if ls == nil {
		return nil
	}
	out := make([]lineRecord, len(ls))
	for i, l := range ls {
		out[i] = lineRecord{HSCode: l.HSCode, Description: l.Description, CustomsValue: l.CustomsValue}
	}
	return out
}

func linesOf(rs []lineRecord) []domain.Line {
	if rs == nil {
		return nil
	}
	out := make([]domain.Line, len(rs))
	for i, r := range rs {
		out[i] = domain.Line{HSCode: r.HSCode, Description: r.Description, CustomsValue: r.CustomsValue}
	}
	return out
}
