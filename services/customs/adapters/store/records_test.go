package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/customs/domain"
)

func TestEveryEventHasAStoredRecord(t *testing.T) {
	recordtest.Run[*domain.Declaration, domain.Event](t, declarations, domain.DocumentRegistered{}, domain.DeclarationLodged{}, domain.Inspected{},
		domain.ExportCleared{}, domain.DutyAssessed{}, domain.DutyPaid{}, domain.DutyGuaranteed{}, domain.GoodsReleased{},
		domain.BillOfLadingIssued{}, domain.TransportEventRecorded{})
}
