package store

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// termsRecord is domain.Terms as stored.
type termsRecord struct {
	Number                 string                          `json:"number"`
	Applicant              partyRecord                     `json:"applicant"`
	Beneficiary            partyRecord                     `json:"beneficiary"`
	IssuingBank            string                          `json:"issuingBank"`
	AdvisingBank           string                          `json:"advisingBank"`
	Amount                 money.Money                     `json:"amount"`
	Tolerance              *toleranceRecord                `json:"tolerance,omitempty"`
	AmountAbout            bool                            `json:"amountAbout,omitempty"`
	ExpiryDate             domain.Date                     `json:"expiryDate"`
	ExpiryPlace            string                          `json:"expiryPlace"`
	LatestShipment         domain.Date                     `json:"latestShipment,omitempty"`
	PartialShipments       domain.Permission               `json:"partialShipments,omitempty"`
	Transhipment           domain.Permission               `json:"transhipment,omitempty"`
	PortOfLoading          string                          `json:"portOfLoading,omitempty"`
	PortOfDischarge        string                          `json:"portOfDischarge,omitempty"`
	Goods                  goodsRecord                     `json:"goods"`
	Incoterm               string                          `json:"incoterm,omitempty"`
	Documents              []domain.DocumentKind           `json:"documentsRequired"`
	AdditionalConditions   []string                        `json:"additionalConditions,omitempty"`
	PresentationPeriodDays int                             `json:"presentationPeriodDays,omitempty"`
	BeneficiaryAccount     string                          `json:"beneficiaryAccount,omitempty"`
	AccountCurrency        string                          `json:"accountCurrency,omitempty"`
	Form                   domain.Form                     `json:"form,omitempty"`
	Availability           availabilityRecord              `json:"availability,omitzero"`
	ReimbursingBank        string                          `json:"reimbursingBank,omitempty"`
	AdviseThroughBank      string                          `json:"adviseThroughBank,omitempty"`
	Instructions           string                          `json:"instructions,omitempty"`
	Confirmation           domain.ConfirmationInstructions `json:"confirmation,omitempty"`
	ConfirmationParty      string                          `json:"requestedConfirmationParty,omitempty"`
}

func toTermsRecord(v domain.Terms) termsRecord {
	return termsRecord{
		Number:                 v.Number,
		Applicant:              toPartyRecord(v.Applicant),
		Beneficiary:            toPartyRecord(v.Beneficiary),
		IssuingBank:            v.IssuingBank,
		AdvisingBank:           v.AdvisingBank,
		Amount:                 v.Amount,
		Tolerance:              optional(v.Tolerance, toToleranceRecord),
		AmountAbout:            v.AmountAbout,
		ExpiryDate:             v.ExpiryDate,
		ExpiryPlace:            v.ExpiryPlace,
		LatestShipment:         v.LatestShipment,
		PartialShipments:       v.PartialShipments,
		Transhipment:           v.Transhipment,
		PortOfLoading:          v.PortOfLoading,
		PortOfDischarge:        v.PortOfDischarge,
		Goods:                  toGoodsRecord(v.Goods),
		Incoterm:               v.Incoterm,
		Documents:              v.Documents,
		AdditionalConditions:   v.AdditionalConditions,
		PresentationPeriodDays: v.PresentationPeriodDays,
		BeneficiaryAccount:     v.BeneficiaryAccount,
		AccountCurrency:        v.AccountCurrency,
		Form:                   v.Form,
		Availability:           toAvailabilityRecord(v.Availability),
		ReimbursingBank:        v.ReimbursingBank,
		AdviseThroughBank:      v.AdviseThroughBank,
		Instructions:           v.Instructions,
		Confirmation:           v.Confirmation,
		ConfirmationParty:      v.ConfirmationParty,
	}
}

func fromTermsRecord(r termsRecord) domain.Terms {
	return domain.Terms{
		Number:                 r.Number,
		Applicant:              fromPartyRecord(r.Applicant),
		Beneficiary:            fromPartyRecord(r.Beneficiary),
		IssuingBank:            r.IssuingBank,
		AdvisingBank:           r.AdvisingBank,
		Amount:                 r.Amount,
		Tolerance:              optional(r.Tolerance, fromToleranceRecord),
		AmountAbout:            r.AmountAbout,
		ExpiryDate:             r.ExpiryDate,
		ExpiryPlace:            r.ExpiryPlace,
		LatestShipment:         r.LatestShipment,
		PartialShipments:       r.PartialShipments,
		Transhipment:           r.Transhipment,
		PortOfLoading:          r.PortOfLoading,
		PortOfDischarge:        r.PortOfDischarge,
		Goods:                  fromGoodsRecord(r.Goods),
		Incoterm:               r.Incoterm,
		Documents:              r.Documents,
		AdditionalConditions:   r.AdditionalConditions,
		PresentationPeriodDays: r.PresentationPeriodDays,
		BeneficiaryAccount:     r.BeneficiaryAccount,
		AccountCurrency:        r.AccountCurrency,
		Form:                   r.Form,
		Availability:           fromAvailabilityRecord(r.Availability),
		ReimbursingBank:        r.ReimbursingBank,
		AdviseThroughBank:      r.AdviseThroughBank,
		Instructions:           r.Instructions,
		Confirmation:           r.Confirmation,
		ConfirmationParty:      r.ConfirmationParty,
	}
}

// partyRecord is domain.Party as stored.
type partyRecord struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
}

func toPartyRecord(v domain.Party) partyRecord { return partyRecord(v) }

func fromPartyRecord(r partyRecord) domain.Party { return domain.Party(r) }

// toleranceRecord is domain.Tolerance as stored.
type toleranceRecord struct {
	PlusPct  int64 `json:"plusPct"`
	MinusPct int64 `json:"minusPct"`
}

func toToleranceRecord(v domain.Tolerance) toleranceRecord { return toleranceRecord(v) }

func fromToleranceRecord(r toleranceRecord) domain.Tolerance { return domain.Tolerance(r) }

// goodsRecord is domain.Goods as stored.
type goodsRecord struct {
	Description    string       `json:"description"`
	Quantity       int64        `json:"quantity,omitempty"`
	Unit           string       `json:"unit,omitempty"`
	UnitPrice      *money.Money `json:"unitPrice,omitempty"`
	QuantityAbout  bool         `json:"quantityAbout,omitempty"`
	CountedInUnits bool         `json:"countedInUnits,omitempty"`
}

func toGoodsRecord(v domain.Goods) goodsRecord { return goodsRecord(v) }

func fromGoodsRecord(r goodsRecord) domain.Goods { return domain.Goods(r) }

// availabilityRecord is domain.Availability as stored.
type availabilityRecord struct {
	With                   string             `json:"with,omitempty"`
	By                     domain.AvailableBy `json:"by,omitempty"`
	DraftsAt               string             `json:"draftsAt,omitempty"`
	Drawee                 string             `json:"drawee,omitempty"`
	MixedPaymentDetails    string             `json:"mixedPaymentDetails,omitempty"`
	DeferredPaymentDetails string             `json:"deferredPaymentDetails,omitempty"`
}

func toAvailabilityRecord(v domain.Availability) availabilityRecord { return availabilityRecord(v) }

func fromAvailabilityRecord(r availabilityRecord) domain.Availability { return domain.Availability(r) }
