package store

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// amendmentRecord is domain.Amendment as stored.
type amendmentRecord struct {
	Number            int          `json:"number"`
	Date              domain.Date  `json:"date"`
	NewExpiry         domain.Date  `json:"newExpiry,omitempty"`
	Increase          *money.Money `json:"increase,omitempty"`
	Decrease          *money.Money `json:"decrease,omitempty"`
	NewLatestShipment domain.Date  `json:"newLatestShipment,omitempty"`
	termChangesRecord
	narrativeRecord
	Status      string         `json:"status"`
	RequestedBy identity.Stamp `json:"requestedBy,omitzero"`
	AdvisedOn   domain.Date    `json:"advisedOn,omitzero"`
	Partial     bool           `json:"partial,omitempty"`
}

func toAmendmentRecord(v domain.Amendment) amendmentRecord {
	return amendmentRecord{
		Number:            v.Number,
		Date:              v.Date,
		NewExpiry:         v.NewExpiry,
		Increase:          v.Increase,
		Decrease:          v.Decrease,
		NewLatestShipment: v.NewLatestShipment,
		termChangesRecord: toTermChangesRecord(v.TermChanges),
		narrativeRecord:   toNarrativeRecord(v.Narrative),
		Status:            v.Status,
		RequestedBy:       v.RequestedBy,
		AdvisedOn:         v.AdvisedOn,
		Partial:           v.Partial,
	}
}

func fromAmendmentRecord(r amendmentRecord) domain.Amendment {
	return domain.Amendment{
		Number:            r.Number,
		Date:              r.Date,
		NewExpiry:         r.NewExpiry,
		Increase:          r.Increase,
		Decrease:          r.Decrease,
		NewLatestShipment: r.NewLatestShipment,
		TermChanges:       fromTermChangesRecord(r.termChangesRecord),
		Narrative:         fromNarrativeRecord(r.narrativeRecord),
		Status:            r.Status,
		RequestedBy:       r.RequestedBy,
		AdvisedOn:         r.AdvisedOn,
		Partial:           r.Partial,
	}
}

// termChangesRecord is domain.TermChanges as stored.
type termChangesRecord struct {
	NewTolerance              *toleranceRecord  `json:"newTolerance,omitempty"`
	NewPartialShipments       domain.Permission `json:"newPartialShipments,omitempty"`
	NewTranshipment           domain.Permission `json:"newTranshipment,omitempty"`
	NewPortOfLoading          string            `json:"newPortOfLoading,omitempty"`
	NewPortOfDischarge        string            `json:"newPortOfDischarge,omitempty"`
	NewPresentationPeriodDays int               `json:"newPresentationPeriodDays,omitempty"`
	NewBeneficiary            *partyRecord      `json:"newBeneficiary,omitempty"`
}

func toTermChangesRecord(v domain.TermChanges) termChangesRecord {
	return termChangesRecord{
		NewTolerance:              optional(v.NewTolerance, toToleranceRecord),
		NewPartialShipments:       v.NewPartialShipments,
		NewTranshipment:           v.NewTranshipment,
		NewPortOfLoading:          v.NewPortOfLoading,
		NewPortOfDischarge:        v.NewPortOfDischarge,
		NewPresentationPeriodDays: v.NewPresentationPeriodDays,
		NewBeneficiary:            optional(v.NewBeneficiary, toPartyRecord),
	}
}

func fromTermChangesRecord(r termChangesRecord) domain.TermChanges {
	return domain.TermChanges{
		NewTolerance:              optional(r.NewTolerance, fromToleranceRecord),
		NewPartialShipments:       r.NewPartialShipments,
		NewTranshipment:           r.NewTranshipment,
		NewPortOfLoading:          r.NewPortOfLoading,
		NewPortOfDischarge:        r.NewPortOfDischarge,
		NewPresentationPeriodDays: r.NewPresentationPeriodDays,
		NewBeneficiary:            optional(r.NewBeneficiary, fromPartyRecord),
	}
}

// narrativeRecord is domain.Narrative as stored.
type narrativeRecord struct {
	Goods      []narrativeChangeRecord `json:"goods,omitempty"`
	Documents  []narrativeChangeRecord `json:"documents,omitempty"`
	Conditions []narrativeChangeRecord `json:"conditions,omitempty"`
}

func toNarrativeRecord(v domain.Narrative) narrativeRecord {
	return narrativeRecord{
		Goods:      each(v.Goods, toNarrativeChangeRecord),
		Documents:  each(v.Documents, toNarrativeChangeRecord),
		Conditions: each(v.Conditions, toNarrativeChangeRecord),
	}
}

func fromNarrativeRecord(r narrativeRecord) domain.Narrative {
	return domain.Narrative{
		Goods:      each(r.Goods, fromNarrativeChangeRecord),
		Documents:  each(r.Documents, fromNarrativeChangeRecord),
		Conditions: each(r.Conditions, fromNarrativeChangeRecord),
	}
}

// narrativeChangeRecord is domain.NarrativeChange as stored.
type narrativeChangeRecord struct {
	Code     domain.NarrativeCode `json:"code"`
	Text     string               `json:"text,omitempty"`
	Document domain.DocumentKind  `json:"document,omitempty"`
}

func toNarrativeChangeRecord(v domain.NarrativeChange) narrativeChangeRecord {
	return narrativeChangeRecord(v)
}

func fromNarrativeChangeRecord(r narrativeChangeRecord) domain.NarrativeChange {
	return domain.NarrativeChange(r)
}
