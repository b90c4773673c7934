package httpapi

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The API's form of a credit's terms (MT700 fields). It is the API's own: a renamed domain field
// changes neither the API nor the description. Dates and money are the shared value types
// (YYYY-MM-DD; minor units and an ISO 4217 code). The party, tolerance and goods types have
// their domain counterparts' fields in order, so they convert into each other and the compiler
// checks that they stay alike.
type (
	termsDTO struct {
		Number                 string           `json:"number"`
		Applicant              partyDTO         `json:"applicant"`
		Beneficiary            partyDTO         `json:"beneficiary"`
		IssuingBank            string           `json:"issuingBank"`
		AdvisingBank           string           `json:"advisingBank"`
		Amount                 money.Money      `json:"amount"`
		Tolerance              *toleranceDTO    `json:"tolerance,omitempty"`
		AmountAbout            bool             `json:"amountAbout,omitempty"`
		ExpiryDate             domain.Date      `json:"expiryDate"`
		ExpiryPlace            string           `json:"expiryPlace"`
		LatestShipment         domain.Date      `json:"latestShipment,omitzero"`
		PartialShipments       string           `json:"partialShipments,omitempty"`
		Transhipment           string           `json:"transhipment,omitempty"`
		PortOfLoading          string           `json:"portOfLoading,omitempty"`
		PortOfDischarge        string           `json:"portOfDischarge,omitempty"`
		Goods                  goodsDTO         `json:"goods"`
		Incoterm               string           `json:"incoterm,omitempty"`
		DocumentsRequired      []string         `json:"documentsRequired"`
		PresentationPeriodDays int              `json:"presentationPeriodDays,omitempty"`
		BeneficiaryAccount     string           `json:"beneficiaryAccount,omitempty"`
		AccountCurrency        string           `json:"accountCurrency,omitempty"`
		Form                   string           `json:"form,omitempty"`
		Availability           *availabilityDTO `json:"availability,omitempty"`
		ReimbursingBank        string           `json:"reimbursingBank,omitempty"`
		AdviseThroughBank      string           `json:"adviseThroughBank,omitempty"`
		Instructions           string           `json:"instructions,omitempty"`
		// MT700 49, 58a (confirmation.go).
		Confirmation               string `json:"confirmation,omitempty"`
		RequestedConfirmationParty string `json:"requestedConfirmationParty,omitempty"`
	}
	partyDTO struct {
		ID      string `json:"id"`
		Name    string `json:"name"`
		Address string `json:"address,omitempty"`
	}
	toleranceDTO struct {
		PlusPct  int64 `json:"plusPct"`
		MinusPct int64 `json:"minusPct"`
	}
	goodsDTO struct {
		Description    string       `json:"description"`
		Quantity       int64        `json:"quantity,omitempty"`
		Unit           string       `json:"unit,omitempty"`
		UnitPrice      *money.Money `json:"unitPrice,omitempty"`
		QuantityAbout  bool         `json:"quantityAbout,omitempty"`
		CountedInUnits bool         `json:"countedInUnits,omitempty"`
	}
)

func (t termsDTO) domain() domain.Terms {
	out := domain.Terms{Number: t.Number, Applicant: domain.Party(t.Applicant), Beneficiary: domain.Party(t.Beneficiary),
		IssuingBank: t.IssuingBank, AdvisingBank: t.AdvisingBank, Amount: t.Amount, Tolerance: (*domain.Tolerance)(t.Tolerance),
		AmountAbout: t.AmountAbout, ExpiryDate: t.ExpiryDate, ExpiryPlace: t.ExpiryPlace, LatestShipment: t.LatestShipment,
		PartialShipments: domain.Permission(t.PartialShipments), Transhipment: domain.Permission(t.Transhipment),
		PortOfLoading: t.PortOfLoading, PortOfDischarge: t.PortOfDischarge, Goods: domain.Goods(t.Goods), Incoterm: t.Incoterm,
		PresentationPeriodDays: t.PresentationPeriodDays, BeneficiaryAccount: t.BeneficiaryAccount, AccountCurrency: t.AccountCurrency}
	withAvailability(&out, t)
	out.Confirmation, out.ConfirmationParty = domain.ConfirmationInstructions(t.Confirmation), t.RequestedConfirmationParty
	for _, k := range t.DocumentsRequired {
		out.Documents = append(out.Documents, domain.DocumentKind(k))
	}
	return out
}

func termsOf(t domain.Terms) termsDTO {
	out := termsDTO{Number: t.Number, Applicant: partyDTO(t.Applicant), Beneficiary: partyDTO(t.Beneficiary),
		IssuingBank: t.IssuingBank, AdvisingBank: t.AdvisingBank, Amount: t.Amount, Tolerance: (*toleranceDTO)(t.Tolerance),
		AmountAbout: t.AmountAbout, ExpiryDate: t.ExpiryDate, ExpiryPlace: t.ExpiryPlace, LatestShipment: t.LatestShipment,
		PartialShipments: string(t.PartialShipments), Transhipment: string(t.Transhipment),
		PortOfLoading: t.PortOfLoading, PortOfDischarge: t.PortOfDischarge, Goods: goodsDTO(t.Goods), Incoterm: t.Incoterm,
		DocumentsRequired:      []string{},
		PresentationPeriodDays: t.PresentationPeriodDays, BeneficiaryAccount: t.BeneficiaryAccount, AccountCurrency: t.AccountCurrency}
	availabilityOf(&out, t)
	out.Confirmation, out.RequestedConfirmationParty = string(t.Confirmation), t.ConfirmationParty
	for _, k := range t.Documents {
		out.DocumentsRequired = append(out.DocumentsRequired, string(k))
	}
	return out
}
