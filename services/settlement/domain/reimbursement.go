package domain

import "github.com/tradefin/tradefin/events/money"

// Purpose says what an obligation pays. A credit honoured by its issuing bank is one payment,
// to the beneficiary's bank. A confirmed credit (UCP 600 Art. 8) is two: the confirming bank
// pays the beneficiary when it honours (Art. 8(a)), then the issuing bank (or the reimbursing
// bank it names, URR 725) reimburses the confirming bank (Art. 7(c), 8(c)).
type Purpose string

const (
	// PurposeHonour: the issuing bank pays the honoured presentation (the zero value, as every
	// obligation recorded before confirmation existed).
	PurposeHonour Purpose = ""
	// PurposeConfirmedHonour: the confirming bank (the obligation's debtor) pays the
	// presentation it honoured under its confirmation.
	PurposeConfirmedHonour Purpose = "confirmed-honour"
	// PurposeReimbursement: the issuing or reimbursing bank (the debtor) reimburses the
	// confirming bank (the creditor) for the presentation it honoured.
	PurposeReimbursement Purpose = "reimbursement"
)

// ConfirmationAccount is the confirming bank's advance under its confirmation of a credit: what
// it paid the beneficiary, debited when it pays and due back by the reimbursement.
func ConfirmationAccount(confirmingBIC, lcID string, c money.Currency) string {
	return "confirmed-lc:" + confirmingBIC + ":" + lcID + ":" + c.Code()
}

// debitAccount is the account an obligation's payment is booked from: the confirming bank's
// advance when it pays under its confirmation, else the credit's settlement account (the
// issuing bank debits its applicant, for the honour or for the reimbursement).
func (o Obligation) debitAccount() string {
	switch o.Purpose {
	case PurposeConfirmedHonour:
		return ConfirmationAccount(o.IssuingBank, o.LCID, o.Amount.Currency)
	case PurposeDiscount:
		return DiscountAccount(o.IssuingBank, o.LCID, o.Amount.Currency)
	}
	return ApplicantAccount(o.LCID, o.Amount.Currency)
}

// IsReimbursement reports whether the obligation reimburses a confirming bank.
func (o Obligation) IsReimbursement() bool { return o.Purpose == PurposeReimbursement }
