package store

import (
	"github.com/tradefin/tradefin/services/lc/domain"
	"time"
)

// undertakingRecord is domain.Undertaking as stored.
type undertakingRecord struct {
	Kind         domain.UndertakingKind `json:"kind"`
	Tenor        string                 `json:"tenor"`
	Drawee       string                 `json:"drawee,omitempty"`
	On           domain.Date            `json:"on"`
	MaturityDate domain.Date            `json:"maturityDate"`
	PayableAt    time.Time              `json:"payableAt"`
}

func toUndertakingRecord(v domain.Undertaking) undertakingRecord {
	return undertakingRecord{Kind: v.Kind, Tenor: v.Tenor, Drawee: v.Drawee, On: v.On, MaturityDate: v.MaturityDate, PayableAt: v.PayableAt}
}

func fromUndertakingRecord(r undertakingRecord) domain.Undertaking {
	return domain.Undertaking{Kind: r.Kind, Tenor: r.Tenor, Drawee: r.Drawee, On: r.On, MaturityDate: r.MaturityDate, PayableAt: r.PayableAt}
}
