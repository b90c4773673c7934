package store

import (
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/domain"
)

func TestEveryEventHasAStoredRecord(t *testing.T) {
	recordtest.Run[*domain.Declaration, domain.Event](t, declarations, domain.DocumentRegistered{}, domain.DeclarationLodged{}, domain.Inspected{},
		domain.ExportCleared{}, domain.DutyAssessed{}, domain.DutyPaid{}, domain.DutyGuaranteed{}, domain.GoodsReleased{},
		domain.BillOfLadingIssued{}, domain.TransportEventRecorded{})
}

// TestRecordsRoundTrip: every event, with every field and nested value object (party,
// declaration lines, rates) set, is stored and read back unchanged.
func TestRecordsRoundTrip(t *testing.T) {
	by := identity.Stamp{Org: "5493002AZULEJOSLX028", User: "joao", Client: "portal"}
	eur := money.New(8_400_000, money.MustCurrency("EUR"))
	at := time.Date(2026, 11, 22, 6, 30, 0, 0, time.UTC)
	recordtest.RoundTrip[*domain.Declaration, domain.Event](t, declarations,
		domain.DocumentRegistered{SHA256: "ab12", TradeID: "T-1", Kind: domain.CommercialInvoice, Issuer: "Azulejos", IssueDate: "2026-11-20",
			Registrant: domain.Party{Kind: identity.Trader, Org: by.Org}, Actor: by},
		domain.DeclarationLodged{ID: "D-1", TradeID: "T-1", Direction: domain.Export, Declarant: by.Org, CustomsOffice: "PT000100",
			OriginCountry: "PT", DestinationCountry: "SE", Lines: []domain.Line{{HSCode: "690721", Description: "tiles", CustomsValue: eur},
				{HSCode: "291511", Description: "formic acid", CustomsValue: eur}}, Documents: []string{"ab12", "cd34"},
			Lane: domain.Yellow, LaneReason: "chemicals", Actor: by},
		domain.Inspected{Passed: true, Note: "checked", Actor: by},
		domain.ExportCleared{Actor: by},
		domain.DutyAssessed{Duty: eur, Rates: map[string]domain.BasisPoints{"690721": 500, "291511": 650}, Actor: by},
		domain.DutyPaid{Amount: eur, Reference: "PAY-1", Actor: by},
		domain.DutyGuaranteed{Amount: eur, Guarantor: "ESSESESS", Reference: "G-1", Actor: by},
		domain.GoodsReleased{Actor: by},
		domain.BillOfLadingIssued{ID: "S-1", TradeID: "T-1", BLNumber: "B1", OnBoardDate: "2026-11-21", Vessel: "V", Voyage: "1",
			PortOfLoading: "PTLIS", PortOfDischarge: "SEGOT", DocumentSHA256: "ef56", Carrier: "MAEU", Shipper: by.Org, Consignee: "SE123",
			Actor: by},
		domain.TransportEventRecorded{EventCode: domain.Load, Classifier: "ACT", Location: "PTLIS", EventTime: at, Actor: by},
		domain.TradeOpened{TradeID: "T-1", LCID: "LC-1", Applicant: "5493001NORDICIMP0058", Beneficiary: by.Org, IssuingBank: "ESSESESS",
			AdvisingBank: "BCOMPTPL"},
	)
}
