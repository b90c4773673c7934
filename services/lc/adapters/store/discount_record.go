package store

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// discountRecord is domain.Discount as stored.
type discountRecord struct {
	By              string      `json:"by"`
	On              domain.Date `json:"on"`
	Face            money.Money `json:"face"`
	Proceeds        money.Money `json:"proceeds"`
	RateBasisPoints int         `json:"rateBasisPoints,omitempty"`
	Days            int         `json:"days"`
}

func toDiscountRecord(v domain.Discount) discountRecord { return discountRecord(v) }

func fromDiscountRecord(r discountRecord) domain.Discount { return domain.Discount(r) }
