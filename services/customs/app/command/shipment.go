package command

import (
	"context"

	"github.com/tradefin/tradefin/services/customs/domain"
)

type shipments interface {
	CreateShipment(ctx context.Context, s *domain.Shipment) (*domain.Shipment, bool, error)
	Shipment(ctx context.Context, id string) (*domain.Shipment, error)
	UpdateShipment(ctx context.Context, id string, fn func(*domain.Shipment) error) (*domain.Shipment, error)
}

// ShipmentHandlers are the carrier's reports.
type ShipmentHandlers struct{ Repo Repository }

// IssueBillOfLading opens the shipment; the B/L document, when named, must be registered for
// the same trade as a bill of lading.
func (h ShipmentHandlers) IssueBillOfLading(ctx context.Context, b domain.BillOfLadingIssued) (*domain.Shipment, bool, error) {
	if b.DocumentSHA256 != "" {
		doc, err := h.Repo.Document(ctx, b.DocumentSHA256)
		if err != nil || doc.TradeID != b.TradeID || doc.Kind != domain.BillOfLading {
			return nil, false, asProblem(&domain.FieldError{Field: "documentSha256", Reason: "no bill of lading registered for this trade with that SHA-256"})
		}
	}
	s, err := domain.IssueBillOfLading(b)
	if err != nil {
		return nil, false, asProblem(err)
	}
	return h.Repo.CreateShipment(ctx, s)
}

// RecordTransportEvent adds a DCSA transport event to the shipment.
func (h ShipmentHandlers) RecordTransportEvent(ctx context.Context, id string, e domain.TransportEventRecorded) (*domain.Shipment, error) {
	return h.Repo.UpdateShipment(ctx, id, func(s *domain.Shipment) error {
		_, err := s.Record(e)
		return asProblem(err)
	})
}
