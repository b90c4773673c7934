package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/customs/domain"
)

type shipments interface {
	CreateShipment(ctx context.Context, s *domain.Shipment) (*domain.Shipment, bool, error)
	Shipment(ctx context.Context, id string) (*domain.Shipment, error)
	UpdateShipment(ctx context.Context, id string, fn func(*domain.Shipment) error) (*domain.Shipment, error)
}

// ShipmentHandlers are the carrier's reports.
type ShipmentHandlers struct{ Trades }

// IssueBillOfLading opens the shipment with the actor's organisation as its carrier, on a trade
// customs knows, naming that trade's exporter and importer as shipper and consignee if it names
// them; the B/L document, when named, must be a bill of lading of the same trade the actor may
// rely on.
func (h ShipmentHandlers) IssueBillOfLading(ctx context.Context, actor identity.Actor, b domain.BillOfLadingIssued) (*domain.Shipment, bool, error) {
	b.Carrier, b.Actor = actor.Org, actor.Stamp()
	file, err := h.admit(ctx, actor, domain.ActIssueBillOfLading, b.TradeID, func(f domain.TradeFile) domain.Parties { return f.Issuance(b) })
	if err != nil {
		return nil, false, err
	}
	if b.DocumentSHA256 != "" {
		doc, err := reliedOn(ctx, h.Repo, actor, b.TradeID, file, "documentSha256", b.DocumentSHA256)
		if err != nil {
			return nil, false, err
		}
		if doc.Kind != domain.BillOfLading {
			return nil, false, &domain.FieldError{Field: "documentSha256", Reason: "not a bill of lading"}
		}
	}
	s, err := domain.IssueBillOfLading(b)
	if err != nil {
		return nil, false, err
	}
	stored, isNew, err := h.Repo.CreateShipment(ctx, s)
	if err := createdAs(isNew, err, actor, domain.ActIssueBillOfLading, func() (domain.Parties, error) {
		file, err := h.Repo.TradeFile(ctx, stored.TradeID)
		return file.Shipment(stored), err
	}); err != nil {
		return nil, false, err
	}
	return stored, isNew, nil
}

// RecordTransportEvent adds a DCSA transport event to the shipment, reported by its carrier. It
// is authorised against the shipment's parties as a read sees them (with the customs offices of
// its trade's declarations), so whoever may read the shipment is refused 403, anyone else 404.
func (h ShipmentHandlers) RecordTransportEvent(ctx context.Context, actor identity.Actor, id string, e domain.TransportEventRecorded) (*domain.Shipment, error) {
	e.Actor = actor.Stamp()
	return h.Repo.UpdateShipment(ctx, id, func(s *domain.Shipment) error {
		file, err := h.Repo.TradeFile(ctx, s.TradeID)
		if err != nil {
			return err
		}
		if err := authorize(actor, domain.ActReportTransportEvent, file.Shipment(s), "shipment-"+id); err != nil {
			return err
		}
		_, err = s.Record(e)
		return err
	})
}
