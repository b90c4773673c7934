package domain

import (
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
)

// StatusGuaranteed: the import duty is secured by a guarantee, not yet paid; the goods may be
// released (Union Customs Code Art. 195: release once the duty is paid or a guarantee provided).
const StatusGuaranteed DeclarationStatus = "GUARANTEED"

// DutyGuaranteed: a guarantor (usually a bank) secures the assessed duty.
type DutyGuaranteed struct {
	Amount    money.Money
	Guarantor string
	Reference string
	Actor     identity.Stamp
}

func (DutyGuaranteed) EventName() string { return "customs.DutyGuaranteed" }

// GuaranteeDuty records a guarantee for the assessed duty. It must cover the whole duty in its
// currency (UCC Art. 90: the guarantee covers the amount of the customs debt).
func (d *Declaration) GuaranteeDuty(amount money.Money, guarantor, reference string, by identity.Stamp) error {
	if d.Status == StatusGuaranteed && d.Guarantee.Reference == reference {
		return nil // a retried guarantee
	}
	if d.Status != StatusAssessed {
		return stateError("guarantee duty", d.Status)
	}
	if guarantor == "" {
		return invalid("guarantor", "required: the party that secures the duty")
	}
	for _, err := range []error{validText("guarantor", guarantor, maxName, false), validID("reference", reference)} {
		if err != nil {
			return err
		}
	}
	if amount.Currency != d.Duty.Duty.Currency || amount.Minor < d.Duty.Duty.Minor {
		return fmt.Errorf("%w: a guarantee of %d %s does not cover the duty of %d %s", ErrRefused,
			amount.Minor, amount.Currency.Code(), d.Duty.Duty.Minor, d.Duty.Duty.Currency.Code())
	}
	d.record(DutyGuaranteed{Amount: amount, Guarantor: guarantor, Reference: reference, Actor: by})
	return nil
}
