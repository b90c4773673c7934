package domain

import (
	"fmt"
	"slices"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// FormIrrevocableTransferable is MT700 40A of a transferable credit: one the transferring bank
// may make available to a second beneficiary at the first beneficiary's request (UCP 600 Art.
// 38(b)); only a credit that says so is transferable.
const FormIrrevocableTransferable Form = "IRREVOCABLE TRANSFERABLE"

// Transfer is the credit made available, in whole or in part, to a second beneficiary (Art.
// 38(b)) on the terms of the original credit with those Art. 38(g) lets the first beneficiary
// reduce or curtail — the amount, the unit price, the expiry date, the latest shipment date, the
// period for presentation — and the insurance cover increased to provide the cover the credit
// stipulates. Zero fields are the credit's own.
type Transfer struct {
	SecondBeneficiary Party
	// SecondBeneficiaryAccount is where the second beneficiary is paid (IBAN).
	SecondBeneficiaryAccount string
	Amount                   money.Money
	UnitPrice                *money.Money
	ExpiryDate               Date
	LatestShipment           Date
	PresentationPeriodDays   int
	// InsuranceCoverPct is the cover the second beneficiary's insurance must give, in percent of
	// its invoice value (at least Art. 28(f)(ii)'s 110).
	InsuranceCoverPct int64
	// SubstituteApplicant: the first beneficiary's name stands for the applicant's (Art. 38(g)).
	SubstituteApplicant bool
	// AmendmentsToSecondBeneficiary: whether amendments of the credit may be advised to the
	// second beneficiary, as the request must state (Art. 38(e); transfer_amendment.go). Nil on
	// transfers requested before it: none are.
	AmendmentsToSecondBeneficiary *bool
	// Amendments are those advised to the second beneficiary and its answers; Base the original
	// credit's terms at the transfer as amended by those it accepted; AmendmentsAtTransfer how
	// many amendments the credit had then. Derived from the events, not stored with the request.
	Amendments           []TransferredAmendment
	Base                 *Terms
	AmendmentsAtTransfer int

	RequestedBy   Stamp
	Status        string // REQUESTED, TRANSFERRED
	TransferredOn Date
	TransferredBy BIC
	// Presentations are the second beneficiary's, awaiting or given the first beneficiary's
	// substitution of its invoice (Art. 38(h)).
	Presentations []TransferredPresentation
}

// TransferredPresentation is the second beneficiary's presentation under the transferred credit,
// examined by the transferring bank against the transferred terms.
type TransferredPresentation struct {
	ID           string
	Presentation Presentation
	Result       Examination
	// Substituted: the first beneficiary substituted its invoice and the documents went on to
	// the issuing bank under the credit (Presentations of the credit, same ID).
	Substituted bool
	// DemandedOn is the transferring bank's first demand that the first beneficiary substitute;
	// AsReceived: it failed to, and the bank presented the documents as received (Art. 38(i);
	// transfer_as_received.go).
	DemandedOn Date
	AsReceived bool
}

// The states of a transfer.
const (
	TransferRequested   = "REQUESTED"
	TransferTransferred = "TRANSFERRED"
	// defaultInsuranceCoverPct is Art. 28(f)(ii)'s least cover.
	defaultInsuranceCoverPct = 110
)

// The events of a transfer.
type (
	// TransferAsked: the first beneficiary asked the transferring bank to transfer the credit.
	TransferAsked struct{ Transfer Transfer }
	// CreditTransferred: the transferring bank transferred it (MT720).
	CreditTransferred struct {
		By BIC
		On Date
	}
	// TransferredDocumentsPresented: the second beneficiary presented under the transferred
	// credit, examined against its terms by the transferring bank.
	TransferredDocumentsPresented struct{ Presentation TransferredPresentation }
	// InvoiceSubstituted: the first beneficiary substituted its invoice (and draft) for the
	// second beneficiary's (Art. 38(h)); the presentation goes on under the credit.
	InvoiceSubstituted struct {
		PresentationID string
		Invoice        Document
	}
)

func (TransferAsked) EventName() string                 { return "lc.TransferAsked" }
func (CreditTransferred) EventName() string             { return "lc.CreditTransferred" }
func (TransferredDocumentsPresented) EventName() string { return "lc.TransferredDocumentsPresented" }
func (InvoiceSubstituted) EventName() string            { return "lc.InvoiceSubstituted" }

// TransferringBank is the bank that transfers the credit: the nominated bank it is available
// with, or the advising bank when it is available with any bank (Art. 38(b)).
func (t Terms) TransferringBank() BIC {
	if w := t.AvailableWith(); w != AnyBank {
		return w
	}
	return t.AdvisingBank
}

// RequestTransfer is the first beneficiary's request. The credit must say it is transferable
// (Art. 38(b)), and it is transferred once (Art. 38(d): a transferred credit is not transferred
// again), before any presentation under it; the changes are those Art. 38(g) allows.
func (lc *LetterOfCredit) RequestTransfer(tr Transfer, by Stamp) error {
	if lc.Transfer != nil {
		if lc.Transfer.Status == TransferRequested && sameTransfer(*lc.Transfer, tr) {
			return nil // a retry
		}
		return fmt.Errorf("transfer: %w: the credit was transferred (or asked to be) already; it is transferred once (UCP 600 Art. 38(d))", ErrInvalidState)
	}
	if lc.Terms.FormOfCredit() != FormIrrevocableTransferable {
		return errorf(KindRule, "transfer: the credit is %s; only a credit that states it is transferable may be transferred (UCP 600 Art. 38(b))", lc.Terms.FormOfCredit())
	}
	if lc.AdvisedOn.IsZero() || !lc.available() || len(lc.Presentations) > 0 {
		return fmt.Errorf("transfer: %w (%s): an advised credit with no presentation yet is transferred", ErrInvalidState, lc.Status)
	}
	if bad := append(checkTransfer(lc.Terms, tr), checkAmendmentsToSecond(tr)...); len(bad) > 0 {
		return bad
	}
	tr.RequestedBy, tr.Status, tr.TransferredOn, tr.TransferredBy, tr.Presentations = by, TransferRequested, Date{}, "", nil
	lc.record(TransferAsked{Transfer: tr})
	return nil
}

func sameTransfer(a, b Transfer) bool {
	return a.SecondBeneficiary == b.SecondBeneficiary && a.Amount == b.Amount && a.ExpiryDate == b.ExpiryDate
}

// checkTransfer names each change Art. 38(g) does not allow.
func checkTransfer(t Terms, tr Transfer) InvalidFields {
	var b bounds
	p := tr.SecondBeneficiary
	b.text("secondBeneficiary.name", p.Name, MaxNameLength)
	b.text("secondBeneficiary.address", p.Address, MaxNameLength)
	b.text("secondBeneficiaryAccount", tr.SecondBeneficiaryAccount, MaxIBANLength)
	add := func(field, reason string) { b.bad = append(b.bad, FieldError{Field: field, Reason: reason}) }
	switch {
	case !validOrgID(p.ID):
		add("secondBeneficiary.id", "required: the second beneficiary's organisation identifier (LEI), 1-35 letters and digits")
	case p.ID == t.Beneficiary.ID || p.ID == t.Applicant.ID:
		add("secondBeneficiary.id", "the second beneficiary is another party than the first beneficiary and the applicant (UCP 600 Art. 38(b))")
	}
	if p.Name == "" {
		add("secondBeneficiary.name", "required (MT720 59)")
	}
	if tr.Amount.Currency != t.Amount.Currency || !tr.Amount.IsPositive() || tr.Amount.Minor > t.Amount.Minor {
		add("amount", fmt.Sprintf("a positive amount in %s, at most the credit's %s (UCP 600 Art. 38(g): it may be reduced)", t.Amount.Currency, t.Amount))
	}
	if u := tr.UnitPrice; u != nil && (t.Goods.UnitPrice == nil || u.Currency != t.Goods.UnitPrice.Currency || !u.IsPositive() || u.Minor > t.Goods.UnitPrice.Minor) {
		add("unitPrice", "at most the credit's unit price, in its currency (Art. 38(g)); only a credit that states one")
	}
	later := func(field string, d, limit Date) {
		if !d.IsZero() && !limit.IsZero() && d.After(limit) {
			add(field, fmt.Sprintf("%s is after the credit's %s: Art. 38(g) lets it be curtailed, not extended", d, limit))
		}
	}
	later("expiryDate", tr.ExpiryDate, t.ExpiryDate)
	later("latestShipment", tr.LatestShipment, t.LatestShipment)
	if !tr.LatestShipment.IsZero() && t.LatestShipment.IsZero() {
		later("latestShipment", tr.LatestShipment, t.ExpiryDate)
	}
	if n := tr.PresentationPeriodDays; n != 0 && (n < 1 || n > t.presentationPeriod()) {
		add("presentationPeriodDays", fmt.Sprintf("1 to the credit's %d days (Art. 38(g): it may be shortened)", t.presentationPeriod()))
	}
	if c := tr.InsuranceCoverPct; c != 0 && (c < defaultInsuranceCoverPct || c > 10*defaultInsuranceCoverPct) {
		add("insuranceCoverPct", "110 to 1100: the cover may be increased to give the cover the credit stipulates (Art. 38(g), 28(f)(ii))")
	}
	return b.bad
}

// presentationPeriod is MT700 48, or Art. 14(c)'s 21 days.
func (t Terms) presentationPeriod() int {
	if t.PresentationPeriodDays == 0 {
		return 21
	}
	return t.PresentationPeriodDays
}

// Transfer the credit on the first beneficiary's request: the transferring bank's act (MT720).
// The same transfer again (a retry) changes nothing.
func (lc *LetterOfCredit) TransferCredit(by BIC, on Date) error {
	tr := lc.Transfer
	switch {
	case tr == nil:
		return fmt.Errorf("transfer: %w: the first beneficiary has not asked for a transfer", ErrInvalidState)
	case by != lc.Terms.TransferringBank():
		return fmt.Errorf("transfer: %w: %s is not the transferring bank %s (UCP 600 Art. 38(b))", ErrNotAdvisingBank, by, lc.Terms.TransferringBank())
	case tr.Status == TransferTransferred && (on.IsZero() || tr.TransferredOn == on):
		return nil
	case tr.Status != TransferRequested || !lc.available():
		return fmt.Errorf("transfer: %w (%s)", ErrInvalidState, lc.Status)
	case on.IsZero():
		return InvalidFields{{Field: "transferredOn", Reason: "required: the date of the transfer"}}
	case on.Before(lc.AdvisedOn):
		return InvalidFields{{Field: "transferredOn", Reason: fmt.Sprintf("%s is before the credit's advice on %s", on, lc.AdvisedOn)}}
	}
	lc.record(CreditTransferred{By: by, On: on})
	return nil
}

// TransferredTerms are the terms of the transferred credit: the credit's, for the second
// beneficiary, with the reductions of the transfer (Art. 38(g)); not transferable again (38(d)).
func (lc *LetterOfCredit) TransferredTerms() Terms {
	t, tr := lc.Terms, lc.Transfer
	if tr == nil {
		return t
	}
	t = tr.terms(lc) // as amended for the second beneficiary (Art. 38(f))
	first := lc.Terms.Beneficiary
	t.Beneficiary, t.Amount, t.Form = tr.SecondBeneficiary, tr.Amount, FormIrrevocable
	t.BeneficiaryAccount, t.AccountCurrency = tr.SecondBeneficiaryAccount, ""
	if tr.SubstituteApplicant {
		t.Applicant = first
	}
	if tr.UnitPrice != nil {
		price := *tr.UnitPrice
		t.Goods.UnitPrice = &price
	}
	if !tr.ExpiryDate.IsZero() {
		t.ExpiryDate = tr.ExpiryDate
	}
	if !tr.LatestShipment.IsZero() {
		t.LatestShipment = tr.LatestShipment
	}
	if tr.PresentationPeriodDays != 0 {
		t.PresentationPeriodDays = tr.PresentationPeriodDays
	}
	return t
}

// PresentTransferred is the second beneficiary's presentation under the transferred credit at
// instant at: the transferring bank examines it against the transferred terms; the documents go
// on to the issuing bank once the first beneficiary substitutes its invoice (Substitute).
func (lc *LetterOfCredit) PresentTransferred(id string, p Presentation, at time.Time, pol Policy) (Examination, error) {
	tr := lc.Transfer
	if tr == nil || tr.Status != TransferTransferred {
		return Examination{}, fmt.Errorf("present: %w: the credit is not transferred", ErrInvalidState)
	}
	if i := slices.IndexFunc(tr.Presentations, func(x TransferredPresentation) bool { return x.ID == id }); i >= 0 {
		return tr.Presentations[i].Result, nil // a retry
	}
	if !lc.available() {
		return Examination{}, fmt.Errorf("present: %w (%s)", ErrInvalidState, lc.Status)
	}
	terms := lc.TransferredTerms()
	if until := PresentableUntil(terms.ExpiryDate, pol.Calendars.ofCredit(lc.Terms)); !at.Before(until) {
		return Examination{}, fmt.Errorf("present: %w: the transferred credit expired at %s (UCP 600 Art. 6(d)(i))", ErrInvalidState, until.Format(time.RFC3339))
	}
	if bad := append(checkID("presentationId", id), checkPresentation(p)...); len(bad) > 0 {
		return Examination{}, bad
	}
	cal := pol.Calendars.ofBank(lc.Terms.TransferringBank(), lc.Terms)
	p.Date, p.Place = cal.DateAt(at), cal.Place() // the transferring bank's stamp of receipt
	res := Examine(terms, p, cal)
	lc.record(TransferredDocumentsPresented{Presentation: TransferredPresentation{ID: id, Presentation: p, Result: res}})
	return res, nil
}

// Substitute is the first beneficiary's substitution of its invoice for the second
// beneficiary's in presentation id (Art. 38(h)), for an amount not above the credit's: the
// documents are then presented under the credit to the issuing bank (Present), whose examiner
// decides on them; the first beneficiary is paid the difference between the invoices.
func (lc *LetterOfCredit) Substitute(id string, invoice Document, at time.Time, pol Policy, reg RegisteredDocuments) (Examination, error) {
	tr := lc.Transfer
	if tr == nil {
		return Examination{}, fmt.Errorf("substitute: %w: the credit is not transferred", ErrInvalidState)
	}
	i := slices.IndexFunc(tr.Presentations, func(x TransferredPresentation) bool { return x.ID == id })
	if i < 0 {
		return Examination{}, errorf(KindNotFound, "the second beneficiary made no presentation %s", id)
	}
	x := tr.Presentations[i]
	if x.Substituted {
		return lc.Present(id, Presentation{}, at, pol, reg) // a retry: the credit's presentation answers
	}
	if x.AsReceived {
		return Examination{}, fmt.Errorf("substitute: %w: the transferring bank presented %s as received, the first beneficiary having failed to substitute on its demand (UCP 600 Art. 38(i))", ErrInvalidState, id)
	}
	if invoice.Kind != CommercialInvoice || invoice.Amount == nil || invoice.Amount.Currency != lc.Terms.Amount.Currency || invoice.Amount.Minor > lc.Terms.maxAmount().Minor {
		return Examination{}, InvalidFields{{Field: "invoice", Reason: fmt.Sprintf("the first beneficiary's commercial invoice, in %s, for at most the credit's amount (UCP 600 Art. 38(h))", lc.Terms.Amount.Currency)}}
	}
	second, ok := x.Presentation.document(CommercialInvoice)
	if !ok || second.Amount == nil || second.Amount.Minor > invoice.Amount.Minor {
		return Examination{}, InvalidFields{{Field: "invoice.amount", Reason: "the second beneficiary's presentation has an invoice, for no more than the first beneficiary's"}}
	}
	p := x.Presentation
	p.Documents = slices.Clone(p.Documents)
	for k, d := range p.Documents {
		if d.Kind == CommercialInvoice {
			p.Documents[k] = invoice
		}
	}
	lc.record(InvoiceSubstituted{PresentationID: id, Invoice: invoice})
	return lc.Present(id, p, at, pol, reg)
}

// Payee is one who is paid out of an honoured presentation.
type Payee struct {
	Org, Name, Account string
	Amount             money.Money
}

// Payees of honoured presentation id of a transferred credit: the second beneficiary its
// invoice, the first beneficiary the difference (Art. 38(h)); nil when the presentation is the
// first beneficiary's own.
func (lc *LetterOfCredit) Payees(id string, honoured money.Money) []Payee {
	tr := lc.Transfer
	if tr == nil {
		return nil
	}
	i := slices.IndexFunc(tr.Presentations, func(x TransferredPresentation) bool { return x.ID == id && (x.Substituted || x.AsReceived) })
	if i < 0 {
		return nil
	}
	if tr.Presentations[i].AsReceived { // Art. 38(i): the second beneficiary's invoice is what was honoured
		return []Payee{{Org: tr.SecondBeneficiary.ID, Name: tr.SecondBeneficiary.Name, Account: tr.SecondBeneficiaryAccount, Amount: honoured}}
	}
	second, _ := tr.Presentations[i].Presentation.document(CommercialInvoice)
	rest, _ := honoured.Sub(*second.Amount)
	return []Payee{
		{Org: tr.SecondBeneficiary.ID, Name: tr.SecondBeneficiary.Name, Account: tr.SecondBeneficiaryAccount, Amount: *second.Amount},
		{Org: lc.Terms.Beneficiary.ID, Name: lc.Terms.Beneficiary.Name, Account: lc.Terms.BeneficiaryAccount, Amount: rest},
	}
}

func (lc *LetterOfCredit) applyTransfer(e Event) {
	switch e := e.(type) {
	case TransferAsked:
		tr := e.Transfer
		lc.Transfer = &tr
	case CreditTransferred:
		lc.Transfer.Status, lc.Transfer.TransferredBy, lc.Transfer.TransferredOn = TransferTransferred, e.By, e.On
		base := lc.Terms // the terms the transfer stands on (transfer_amendment.go)
		lc.Transfer.Base, lc.Transfer.AmendmentsAtTransfer = &base, len(lc.Amendments)
	case TransferredDocumentsPresented:
		lc.Transfer.Presentations = append(lc.Transfer.Presentations, e.Presentation)
	case InvoiceSubstituted:
		for i := range lc.Transfer.Presentations {
			if lc.Transfer.Presentations[i].ID == e.PresentationID {
				lc.Transfer.Presentations[i].Substituted = true
			}
		}
	}
}
