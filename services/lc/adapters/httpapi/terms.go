package httpapi

import (
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The API's form of a credit's terms (MT700 fields). It is the API's own: a renamed domain field
// changes neither the API nor the description. Dates and money are the shared value types
// (YYYY-MM-DD; minor units and an ISO 4217 code).
type (
	termsDTO struct {
		Number                 string        `json:"number"`
		Applicant              partyDTO      `json:"applicant"`
		Beneficiary            partyDTO      `json:"beneficiary"`
		IssuingBank            string        `json:"issuingBank"`
		AdvisingBank           string        `json:"advisingBank"`
		Amount                 money.Money   `json:"amount"`
		Tolerance              *toleranceDTO `json:"tolerance,omitempty"`
		AmountAbout            bool          `json:"amountAbout,omitempty"`
		ExpiryDate             domain.Date   `json:"expiryDate"`
		ExpiryPlace            string        `json:"expiryPlace"`
		LatestShipment         domain.Date   `json:"latestShipment,omitzero"`
		PartialShipments       string        `json:"partialShipments,omitempty"`
		Transhipment           string        `json:"transhipment,omitempty"`
		PortOfLoading          string        `json:"portOfLoading,omitempty"`
		PortOfDischarge        string        `json:"portOfDischarge,omitempty"`
		Goods                  goodsDTO      `json:"goods"`
		Incoterm               string        `json:"incoterm,omitempty"`
		DocumentsRequired      []string      `json:"documentsRequired"`
		PresentationPeriodDays int           `json:"presentationPeriodDays,omitempty"`
		BeneficiaryAccount     string        `json:"beneficiaryAccount,omitempty"`
		AccountCurrency        string        `json:"accountCurrency,omitempty"`
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
	out := domain.Terms{Number: t.Number, Applicant: t.Applicant.domain(), Beneficiary: t.Beneficiary.domain(),
		IssuingBank: t.IssuingBank, AdvisingBank: t.AdvisingBank, Amount: t.Amount, AmountAbout: t.AmountAbout,
		ExpiryDate: t.ExpiryDate, ExpiryPlace: t.ExpiryPlace, LatestShipment: t.LatestShipment,
		PartialShipments: domain.Permission(t.PartialShipments), Transhipment: domain.Permission(t.Transhipment),
		PortOfLoading: t.PortOfLoading, PortOfDischarge: t.PortOfDischarge, Incoterm: t.Incoterm,
		Goods: domain.Goods{Description: t.Goods.Description, Quantity: t.Goods.Quantity, Unit: t.Goods.Unit, UnitPrice: t.Goods.UnitPrice,
			QuantityAbout: t.Goods.QuantityAbout, CountedInUnits: t.Goods.CountedInUnits},
		PresentationPeriodDays: t.PresentationPeriodDays, BeneficiaryAccount: t.BeneficiaryAccount, AccountCurrency: t.AccountCurrency}
	if t.Tolerance != nil {
		out.Tolerance = &domain.Tolerance{PlusPct: t.Tolerance.PlusPct, MinusPct: t.Tolerance.MinusPct}
	}
	for _, k := range t.DocumentsRequired {
		out.Documents = append(out.Documents, domain.DocumentKind(k))
	}
	return out
}

func (p partyDTO) domain() domain.Party {
	return domain.Party{ID: p.ID, Name: p.Name, Address: p.Address}
}

func termsOf(t domain.Terms) termsDTO {
	out := termsDTO{Number: t.Number, Applicant: partyOf(t.Applicant), Beneficiary: partyOf(t.Beneficiary),
		IssuingBank: t.IssuingBank, AdvisingBank: t.AdvisingBank, Amount: t.Amount, AmountAbout: t.AmountAbout,
		ExpiryDate: t.ExpiryDate, ExpiryPlace: t.ExpiryPlace, LatestShipment: t.LatestShipment,
		PartialShipments: string(t.PartialShipments), Transhipment: string(t.Transhipment),
		PortOfLoading: t.PortOfLoading, PortOfDischarge: t.PortOfDischarge, Incoterm: t.Incoterm,
		Goods: goodsDTO{Description: t.Goods.Description, Quantity: t.Goods.Quantity, Unit: t.Goods.Unit, UnitPrice: t.Goods.UnitPrice,
			QuantityAbout: t.Goods.QuantityAbout, CountedInUnits: t.Goods.CountedInUnits},
		DocumentsRequired:      []string{},
		PresentationPeriodDays: t.PresentationPeriodDays, BeneficiaryAccount: t.BeneficiaryAccount, AccountCurrency: t.AccountCurrency}
	if t.Tolerance != nil {
		out.Tolerance = &toleranceDTO{PlusPct: t.Tolerance.PlusPct, MinusPct: t.Tolerance.MinusPct}
	}
	for _, k := range t.Documents {
		out.DocumentsRequired = append(out.DocumentsRequired, string(k))
	}
	return out
}

func partyOf(p domain.Party) partyDTO { return partyDTO{ID: p.ID, Name: p.Name, Address: p.Address} }
