package store

import "github.com/tradefin/tradefin/services/lc/domain"

// fullyDrawnRecord is domain.FullyDrawn as stored (version 1).
type fullyDrawnRecord struct {
	PresentationID string `json:"PresentationID"`
}

func (r fullyDrawnRecord) Event() domain.Event { return domain.FullyDrawn(r) }
