package store

import "github.com/tradefin/tradefin/services/lc/domain"

// undertakingDiscountedRecord is domain.UndertakingDiscounted as stored (version 1).
type undertakingDiscountedRecord struct {
	PresentationID string         `json:"PresentationID"`
	Discount       discountRecord `json:"Discount"`
}

func (r undertakingDiscountedRecord) Event() domain.Event {
	return domain.UndertakingDiscounted{PresentationID: r.PresentationID, Discount: fromDiscountRecord(r.Discount)}
}
