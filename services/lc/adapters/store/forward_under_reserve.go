package store

import "github.com/tradefin/tradefin/services/lc/domain"

// forwardedUnderReserveRecord is domain.ForwardedUnderReserve as stored (version 1).
type forwardedUnderReserveRecord struct {
	PresentationID string              `json:"presentationId"`
	By             string              `json:"by"`
	On             domain.Date         `json:"on"`
	Discrepancies  []discrepancyRecord `json:"discrepancies"`
}

func (r forwardedUnderReserveRecord) Event() domain.Event {
	return domain.ForwardedUnderReserve{PresentationID: r.PresentationID, By: r.By, On: r.On, Discrepancies: each(r.Discrepancies, fromDiscrepancyRecord)}
}
