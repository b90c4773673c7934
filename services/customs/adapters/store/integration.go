package store

import (
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// integrationEvent is what the other contexts learn of a domain event (nil: nothing), with the
// stamp of the actor that caused it.
func integrationEvent(agg aggregateOf, e domain.Event) any {
	switch e := e.(type) {
	case domain.DocumentRegistered:
		return contracts.DocumentRegistered{TradeID: e.TradeID, Actor: e.Actor, DocumentID: e.SHA256, Kind: string(e.Kind), SHA256: e.SHA256}
	case domain.DeclarationLodged:
		var hs []string
		for _, l := range e.Lines {
			hs = append(hs, l.HSCode)
		}
		if e.Direction == domain.Export {
			return contracts.ExportDeclared{TradeID: e.TradeID, Actor: e.Actor, DeclarationID: e.ID, HSCodes: hs}
		}
		return contracts.ImportDeclared{TradeID: e.TradeID, Actor: e.Actor, DeclarationID: e.ID, HSCodes: hs}
	case domain.ExportCleared:
		d := agg.(*domain.Declaration)
		return contracts.ExportCleared{TradeID: d.TradeID, Actor: e.Actor, DeclarationID: d.ID}
	case domain.DutyAssessed:
		d := agg.(*domain.Declaration)
		return contracts.DutyAssessed{TradeID: d.TradeID, Actor: e.Actor, DeclarationID: d.ID, Duty: e.Duty}
	case domain.DutyPaid:
		d := agg.(*domain.Declaration)
		return contracts.DutyPaid{TradeID: d.TradeID, Actor: e.Actor, DeclarationID: d.ID, Amount: e.Amount}
	case domain.GoodsReleased:
		d := agg.(*domain.Declaration)
		return contracts.ImportReleased{TradeID: d.TradeID, Actor: e.Actor, DeclarationID: d.ID}
	case domain.BillOfLadingIssued:
		return contracts.BillOfLadingIssued{TradeID: e.TradeID, Actor: e.Actor, BLNumber: e.BLNumber, OnBoardDate: e.OnBoardDate,
			PortOfLoading: e.PortOfLoading, PortOfDischarge: e.PortOfDischarge, SHA256: e.DocumentSHA256}
	case domain.TransportEventRecorded:
		s := agg.(*domain.Shipment)
		return contracts.TransportEvent{TradeID: s.TradeID, Actor: e.Actor, EventCode: e.EventCode, Classifier: e.Classifier, Location: e.Location,
			EventTime: e.EventTime.UTC().Format(time.RFC3339)}
	}
	return nil
}
