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

func toUndertakingRecord(v domain.Undertaking) undertakingRecord { return undertakingRecord(v) }

func fromUndertakingRecord(r undertakingRecord) domain.Undertaking { return domain.Undertaking(r) }
