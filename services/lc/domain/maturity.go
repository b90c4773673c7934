package domain

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// TenorBasis is what a usance tenor's days run from.
type TenorBasis string

// The bases a tenor may name (MT700 42C, 42P).
const (
	AfterSight    TenorBasis = "SIGHT"        // the presentation's receipt by the drawee bank (ISBP 821 B2)
	AfterShipment TenorBasis = "B/L DATE"     // the bill of lading's on-board date (Art. 20(a)(ii); ISBP 821 B2)
	AfterInvoice  TenorBasis = "INVOICE DATE" // the commercial invoice's date
)

// MaxTenorDays bounds a tenor: two years, beyond any usance a bank offers.
const MaxTenorDays = 720

// Tenor is when a credit's payment falls due: at sight, a number of days after a basis, or on
// a fixed date. The zero Tenor is at sight.
type Tenor struct {
	Days  int
	After TenorBasis
	On    Date // a fixed maturity date
}

// IsSight reports whether the tenor is at sight (no maturity to wait for).
func (tn Tenor) IsSight() bool { return tn.Days == 0 && tn.On.IsZero() }

func (tn Tenor) String() string {
	switch {
	case !tn.On.IsZero():
		return "ON " + tn.On.String()
	case tn.IsSight():
		return "AT SIGHT"
	}
	return fmt.Sprintf("%d DAYS AFTER %s", tn.Days, tn.After)
}

// The forms ParseTenor reads, on the text upper-cased with its spaces collapsed. The
// "for 100 pct of invoice value" tail usual in 42C says only that the draft is for the whole.
var (
	tenorSight = regexp.MustCompile(`^(AT )?SIGHT$`)
	tenorDays  = regexp.MustCompile(`^(?:AT )?(\d{1,4}) DAYS? (?:(?:AFTER|FROM) (.+)|(SIGHT))$`)
	tenorFixed = regexp.MustCompile(`^(?:ON |AT |FIXED (?:MATURITY )?(?:DATE )?)?(\d{4}-\d{2}-\d{2})$`)
	tenorWhole = regexp.MustCompile(` FOR (?:FULL|100 ?PCT|100 ?%|100 PERCENT)(?: OF)?(?: THE)?(?: FULL)? INVOICE VALUE$`)
	bases      = map[string]TenorBasis{
		"SIGHT": AfterSight, "B/L DATE": AfterShipment, "BL DATE": AfterShipment, "BILL OF LADING DATE": AfterShipment,
		"DATE OF BILL OF LADING": AfterShipment, "B/L": AfterShipment, "SHIPMENT DATE": AfterShipment, "DATE OF SHIPMENT": AfterShipment,
		"SHIPMENT": AfterShipment, "ON BOARD DATE": AfterShipment, "INVOICE DATE": AfterInvoice, "DATE OF INVOICE": AfterInvoice,
	}
)

// ParseTenor reads a tenor as MT700 42C or 42P states it: AT SIGHT; "90 DAYS AFTER B/L DATE",
// "60 DAYS AFTER SIGHT" (or "AT 60 DAYS SIGHT"), "30 DAYS FROM INVOICE DATE"; or a fixed date
// ("ON 2027-03-01"). It must be possible to establish the maturity date from the tenor and the
// documents (ISBP 821 B2); a tenor the bank could not compute is refused.
func ParseTenor(text string) (Tenor, error) {
	s := strings.TrimSuffix(strings.Join(strings.Fields(strings.ToUpper(text)), " "), ".")
	s = tenorWhole.ReplaceAllString(s, "")
	bad := fmt.Errorf("%q: a tenor the maturity date can be established from (ISBP 821 B2): AT SIGHT, N DAYS AFTER SIGHT, "+
		"N DAYS AFTER B/L DATE, N DAYS AFTER INVOICE DATE (N from 1 to %d), or a fixed date ON YYYY-MM-DD", text, MaxTenorDays)
	if tenorSight.MatchString(s) {
		return Tenor{}, nil
	}
	if m := tenorFixed.FindStringSubmatch(s); m != nil {
		d, err := ParseDate(m[1])
		if err != nil {
			return Tenor{}, bad
		}
		return Tenor{On: d}, nil
	}
	m := tenorDays.FindStringSubmatch(s)
	if m == nil {
		return Tenor{}, bad
	}
	days, _ := strconv.Atoi(m[1])
	basis, known := bases[m[2]+m[3]]
	if !known || days < 1 || days > MaxTenorDays {
		return Tenor{}, bad
	}
	return Tenor{Days: days, After: basis}, nil
}

// needs: a tenor counted from a document's date needs the credit to call for that document.
func (tn Tenor) needs(t Terms, field string) InvalidFields {
	doc := map[TenorBasis]DocumentKind{AfterShipment: BillOfLading, AfterInvoice: CommercialInvoice}[tn.After]
	if doc == "" || slices.Contains(t.Documents, doc) {
		return nil
	}
	return InvalidFields{{Field: field, Reason: fmt.Sprintf("%s counts from the %s's date, and the credit does not call for a %s (MT700 46A)", tn, doc, doc)}}
}

// Maturity is the date a usance presentation is paid, and the instant it becomes payable.
type Maturity struct {
	Date Date
	// PayableAt is the start of Date at the place of payment (the credit's place for
	// presentation): the trade workflow's maturity timer fires at it.
	PayableAt time.Time
}

// maturity of a presentation honoured on honouredOn, on cal (the place where the credit is
// available, whose bank pays). "From" and "after" exclude the date mentioned (UCP 600 Art. 3),
// so N days after a date is that date plus N. Sight is the honour's date: the complying
// presentation's receipt by the drawee bank, or for a refusal waived the date the bank took the
// documents up (ISBP 821 B2). The B/L date is the on-board date when the bill of lading bears
// one (Art. 20(a)(ii); ISBP 821 B2). A due date on a day the bank is closed moves to the first
// banking day following (ISBP 821 B4, para. 48 of ISBP 681: payment is due in immediately
// available funds on the due date where payable, or the next banking day; Art. 29(a) treats a
// closed expiry day the same way).
func (tn Tenor) maturity(p Presentation, honouredOn Date, cal Calendar) (Maturity, error) {
	due := tn.On
	if due.IsZero() {
		from, ok := honouredOn, true
		switch tn.After {
		case AfterShipment:
			from, ok = p.shipmentDate()
		case AfterInvoice:
			var inv Document
			inv, ok = p.document(CommercialInvoice)
			from = inv.IssueDate
			ok = ok && !from.IsZero()
		}
		if !ok {
			return Maturity{}, errorf(KindRule, "the maturity of %s cannot be established: the presentation shows no %s (ISBP 821 B2)", tn, tn.After)
		}
		due = from.AddDays(tn.Days)
	}
	d := cal.NextBankingDayFrom(due)
	return Maturity{Date: d, PayableAt: cal.EndOf(d.AddDays(-1))}, nil
}
