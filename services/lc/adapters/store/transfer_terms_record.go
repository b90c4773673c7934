package store

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// transferRecord is domain.Transfer as stored.
type transferRecord struct {
	SecondBeneficiary             partyRecord                     `json:"secondBeneficiary"`
	SecondBeneficiaryAccount      string                          `json:"secondBeneficiaryAccount,omitempty"`
	Amount                        money.Money                     `json:"amount"`
	UnitPrice                     *money.Money                    `json:"unitPrice,omitempty"`
	ExpiryDate                    domain.Date                     `json:"expiryDate,omitzero"`
	LatestShipment                domain.Date                     `json:"latestShipment,omitzero"`
	PresentationPeriodDays        int                             `json:"presentationPeriodDays,omitempty"`
	InsuranceCoverPct             int64                           `json:"insuranceCoverPct,omitempty"`
	SubstituteApplicant           bool                            `json:"substituteApplicant,omitempty"`
	AmendmentsToSecondBeneficiary *bool                           `json:"amendmentsToSecondBeneficiary,omitempty"`
	RequestedBy                   identity.Stamp                  `json:"requestedBy,omitzero"`
	Status                        string                          `json:"status"`
	TransferredOn                 domain.Date                     `json:"transferredOn,omitzero"`
	TransferredBy                 string                          `json:"transferredBy,omitempty"`
	Presentations                 []transferredPresentationRecord `json:"presentations,omitempty"`
}

func toTransferRecord(v domain.Transfer) transferRecord {
	return transferRecord{
		SecondBeneficiary:             toPartyRecord(v.SecondBeneficiary),
		SecondBeneficiaryAccount:      v.SecondBeneficiaryAccount,
		Amount:                        v.Amount,
		UnitPrice:                     v.UnitPrice,
		ExpiryDate:                    v.ExpiryDate,
		LatestShipment:                v.LatestShipment,
		PresentationPeriodDays:        v.PresentationPeriodDays,
		InsuranceCoverPct:             v.InsuranceCoverPct,
		SubstituteApplicant:           v.SubstituteApplicant,
		AmendmentsToSecondBeneficiary: v.AmendmentsToSecondBeneficiary,
		RequestedBy:                   v.RequestedBy,
		Status:                        v.Status,
		TransferredOn:                 v.TransferredOn,
		TransferredBy:                 v.TransferredBy,
		Presentations:                 each(v.Presentations, toTransferredPresentationRecord),
	}
}

func fromTransferRecord(r transferRecord) domain.Transfer {
	return domain.Transfer{
		SecondBeneficiary:             fromPartyRecord(r.SecondBeneficiary),
		SecondBeneficiaryAccount:      r.SecondBeneficiaryAccount,
		Amount:                        r.Amount,
		UnitPrice:                     r.UnitPrice,
		ExpiryDate:                    r.ExpiryDate,
		LatestShipment:                r.LatestShipment,
		PresentationPeriodDays:        r.PresentationPeriodDays,
		InsuranceCoverPct:             r.InsuranceCoverPct,
		SubstituteApplicant:           r.SubstituteApplicant,
		AmendmentsToSecondBeneficiary: r.AmendmentsToSecondBeneficiary,
		RequestedBy:                   r.RequestedBy,
		Status:                        r.Status,
		TransferredOn:                 r.TransferredOn,
		TransferredBy:                 r.TransferredBy,
		Presentations:                 each(r.Presentations, fromTransferredPresentationRecord),
	}
}

// transferredPresentationRecord is domain.TransferredPresentation as stored.
type transferredPresentationRecord struct {
	ID           string             `json:"id"`
	Presentation presentationRecord `json:"presentation"`
	Result       examinationRecord  `json:"result"`
	Substituted  bool               `json:"substituted,omitempty"`
	DemandedOn   domain.Date        `json:"demandedOn,omitzero"`
	AsReceived   bool               `json:"asReceived,omitempty"`
}

func toTransferredPresentationRecord(v domain.TransferredPresentation) transferredPresentationRecord {
	return transferredPresentationRecord{
		ID:           v.ID,
		Presentation: toPresentationRecord(v.Presentation),
		Result:       toExaminationRecord(v.Result),
		Substituted:  v.Substituted,
		DemandedOn:   v.DemandedOn,
		AsReceived:   v.AsReceived,
	}
}

func fromTransferredPresentationRecord(r transferredPresentationRecord) domain.TransferredPresentation {
	return domain.TransferredPresentation{
		ID:           r.ID,
		Presentation: fromPresentationRecord(r.Presentation),
		Result:       fromExaminationRecord(r.Result),
		Substituted:  r.Substituted,
		DemandedOn:   r.DemandedOn,
		AsReceived:   r.AsReceived,
	}
}
