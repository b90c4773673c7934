package domain

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// Direction says whether goods leave or enter the customs territory.
type Direction string

const (
	Export Direction = "export"
	Import Direction = "import"
)

// DeclarationStatus is where a declaration is in its life.
type DeclarationStatus string

const (
	StatusLodged    DeclarationStatus = "LODGED"
	StatusInspected DeclarationStatus = "INSPECTED"
	StatusHeld      DeclarationStatus = "HELD"     // an inspection failed: the goods stay
	StatusCleared   DeclarationStatus = "CLEARED"  // export: the goods may leave
	StatusAssessed  DeclarationStatus = "ASSESSED" // import: duty assessed, not yet paid
	StatusPaid      DeclarationStatus = "PAID"
	StatusReleased  DeclarationStatus = "RELEASED" // import: the goods are free to circulate
)

// Line is one good of a declaration.
type Line struct {
	HSCode       string
	Description  string
	CustomsValue money.Money
}

// The declaration's events. Each records the actor that caused it (organisation, user, client).
type (
	DeclarationLodged struct {
		ID, TradeID        string
		Direction          Direction
		Declarant          string // the trader's organisation (LEI or EORI): the lodging actor's
		CustomsOffice      string // the office it is lodged with, e.g. PT000100
		OriginCountry      string
		DestinationCountry string
		Lines              []Line
		Documents          []string // SHA-256 of the documents it relies on
		Lane               RiskLane
		LaneReason         string
		Actor              identity.Stamp
	}
	Inspected struct {
		Passed bool
		Note   string
		Actor  identity.Stamp
	}
	ExportCleared struct{ Actor identity.Stamp }
	DutyAssessed  struct {
		Duty  money.Money
		Rates map[string]BasisPoints // HS code → rate applied
		Actor identity.Stamp
	}
	DutyPaid struct {
		Amount    money.Money
		Reference string
		Actor     identity.Stamp
	}
	GoodsReleased struct{ Actor identity.Stamp }
)

func (DeclarationLodged) EventName() string { return "customs.DeclarationLodged" }
func (Inspected) EventName() string         { return "customs.Inspected" }
func (ExportCleared) EventName() string     { return "customs.ExportCleared" }
func (DutyAssessed) EventName() string      { return "customs.DutyAssessed" }
func (DutyPaid) EventName() string          { return "customs.DutyPaid" }
func (GoodsReleased) EventName() string     { return "customs.GoodsReleased" }

// Declaration is an export or import declaration.
type Declaration struct {
	changes
	DeclarationLodged
	Status     DeclarationStatus
	Inspection *Inspected
	Duty       *DutyAssessed
	Paid       *DutyPaid
	Guarantee  *DutyGuaranteed
}

// requiredForExport are the documents an export declaration must rely on here: the commercial
// invoice (the transaction value), the packing list and the certificate of origin (preferential
// origin, e.g. the EU's REX statements, is proven by it).
var requiredForExport = []DocumentKind{CommercialInvoice, PackingList, CertificateOfOrigin}

// Lodge validates a declaration and assigns its risk lane. docs are the kinds of the documents
// it relies on, as registered (the application looks them up).
func Lodge(d DeclarationLodged, docs []DocumentKind) (*Declaration, error) {
	for _, err := range []error{validID("id", d.ID), validTradeID(d.TradeID)} {
		if err != nil {
			return nil, err
		}
	}
	switch {
	case d.Direction != Export && d.Direction != Import:
		return nil, invalid("direction", "want export or import")
	case d.Declarant == "":
		return nil, invalid("declarant", "required")
	case len(d.Lines) == 0:
		return nil, invalid("lines", "a declaration declares at least one good")
	case len(d.Lines) > maxLines:
		return nil, invalid("lines", "at most %d goods items", maxLines)
	case len(d.Documents) > MaxDocuments:
		return nil, invalid("documents", "at most %d documents", MaxDocuments)
	}
	for _, err := range []error{validTraderID("declarant", d.Declarant), validCustomsOffice("customsOffice", d.CustomsOffice),
		validCountry("originCountry", d.OriginCountry), validCountry("destinationCountry", d.DestinationCountry)} {
		if err != nil {
			return nil, err
		}
	}
	var currency money.Currency
	for i, l := range d.Lines {
		if err := validHSCode(l.HSCode); err != nil {
			return nil, invalid(fmt.Sprintf("lines[%d].hsCode", i), "%s", err.(*FieldError).Reason)
		}
		if err := validText(fmt.Sprintf("lines[%d].description", i), l.Description, maxText, true); err != nil {
			return nil, err
		}
		if l.CustomsValue.Minor <= 0 || l.CustomsValue.Currency.Code() == "" {
			return nil, invalid(fmt.Sprintf("lines[%d].customsValue", i), "a positive amount in an ISO 4217 currency")
		}
		if i == 0 {
			currency = l.CustomsValue.Currency
		} else if l.CustomsValue.Currency != currency {
			return nil, invalid(fmt.Sprintf("lines[%d].customsValue", i), "all lines in one currency (%s)", currency.Code())
		}
	}
	if d.Direction == Export {
		for _, k := range requiredForExport {
			if !slices.Contains(docs, k) {
				return nil, fmt.Errorf("%w: an export declaration needs a registered %s", ErrRefused, k)
			}
		}
	}
	d.Lane, d.LaneReason = assessRisk(d.Lines, d.OriginCountry)
	decl := &Declaration{}
	decl.record(d)
	return decl, nil
}

// Same reports whether a lodgement repeats this one (a retry), whoever of the declarant's
// organisation sends it.
func (d *Declaration) Same(l DeclarationLodged) bool {
	l.Lane, l.LaneReason, l.Actor = d.Lane, d.LaneReason, d.Actor
	return reflect.DeepEqual(d.DeclarationLodged, l)
}

// Inspect records the result of the documentary or physical check a yellow or red lane needs.
func (d *Declaration) Inspect(passed bool, note string, by identity.Stamp) error {
	if d.Status != StatusLodged {
		return stateError("inspect", d.Status)
	}
	if err := validText("note", note, maxText, true); err != nil {
		return err
	}
	d.record(Inspected{Passed: passed, Note: note, Actor: by})
	return nil
}

// Clear lets exported goods leave. A green lane clears on the data; a yellow or red one only
// after a passed inspection.
func (d *Declaration) Clear(by identity.Stamp) error {
	if d.Status == StatusCleared {
		return nil // a retried clearance
	}
	if d.Direction != Export {
		return fmt.Errorf("%w: only an export declaration is cleared; an import is released", ErrRefused)
	}
	if d.Status == StatusLodged && d.Lane != Green {
		return fmt.Errorf("%w: a %s-lane declaration needs an inspection first", ErrRefused, d.Lane)
	}
	if d.Status != StatusLodged && d.Status != StatusInspected {
		return stateError("clear", d.Status)
	}
	d.record(ExportCleared{Actor: by})
	return nil
}

// AssessDuty computes the import duty line by line from the tariff.
func (d *Declaration) AssessDuty(t Tariff, by identity.Stamp) error {
	if d.Status == StatusAssessed {
		return nil // a retried assessment: the same tariff gives the same duty
	}
	if d.Direction != Import {
		return fmt.Errorf("%w: duty is assessed on imports", ErrRefused)
	}
	if d.Status == StatusLodged && d.Lane != Green {
		return fmt.Errorf("%w: a %s-lane declaration needs an inspection first", ErrRefused, d.Lane)
	}
	if d.Status != StatusLodged && d.Status != StatusInspected {
		return stateError("assess duty", d.Status)
	}
	total := money.New(0, d.Lines[0].CustomsValue.Currency)
	rates := map[string]BasisPoints{}
	for _, l := range d.Lines {
		rate, ok := t.Rate(l.HSCode)
		if !ok {
			return fmt.Errorf("%w: no tariff line for HS %s", ErrRefused, l.HSCode)
		}
		duty, err := dutyOn(l.CustomsValue, rate)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrRefused, err)
		}
		if total, err = total.Add(duty); err != nil {
			return err
		}
		rates[l.HSCode] = rate
	}
	d.record(DutyAssessed{Duty: total, Rates: rates, Actor: by})
	return nil
}

// PayDuty records the payment of the assessed duty, which must be paid in full.
func (d *Declaration) PayDuty(amount money.Money, reference string, by identity.Stamp) error {
	if d.Status == StatusPaid && d.Paid.Reference == reference {
		return nil // a retried payment
	}
	if d.Status != StatusAssessed && d.Status != StatusGuaranteed { // a guaranteed duty is paid in the end
		return stateError("pay duty", d.Status)
	}
	if amount != d.Duty.Duty {
		return fmt.Errorf("%w: the duty is %d %s; %d %s was paid", ErrRefused, d.Duty.Duty.Minor, d.Duty.Duty.Currency.Code(), amount.Minor, amount.Currency.Code())
	}
	if err := validID("reference", reference); err != nil { // the payment's reference
		return err
	}
	d.record(DutyPaid{Amount: amount, Reference: reference, Actor: by})
	return nil
}

// Release frees imported goods once their duty is paid or guaranteed (Union Customs Code
// Art. 194-195: release once the duty is paid or secured).
func (d *Declaration) Release(by identity.Stamp) error {
	if d.Status == StatusReleased {
		return nil
	}
	if d.Status != StatusPaid && d.Status != StatusGuaranteed {
		return fmt.Errorf("%w: goods are released once the duty is paid or guaranteed (status %s)", ErrRefused, d.Status)
	}
	d.record(GoodsReleased{Actor: by})
	return nil
}

func (d *Declaration) record(e Event) {
	d.Apply(e)
	d.pending = append(d.pending, e)
}

// Apply changes state for an event; loading replays stored events through it.
func (d *Declaration) Apply(e Event) {
	switch e := e.(type) {
	case DeclarationLodged:
		d.DeclarationLodged, d.Status = e, StatusLodged
	case Inspected:
		d.Inspection, d.Status = &e, StatusInspected
		if !e.Passed {
			d.Status = StatusHeld
		}
	case ExportCleared:
		d.Status = StatusCleared
	case DutyAssessed:
		d.Duty, d.Status = &e, StatusAssessed
	case DutyPaid:
		d.Paid, d.Status = &e, StatusPaid
	case DutyGuaranteed:
		d.Guarantee, d.Status = &e, StatusGuaranteed
	case GoodsReleased:
		d.Status = StatusReleased
	}
}
