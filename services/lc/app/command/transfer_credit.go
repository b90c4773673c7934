package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// RequestTransfer is the first beneficiary's request to transfer the credit (UCP 600 Art. 38).
type RequestTransfer struct {
	CreditID string
	Transfer domain.Transfer
}

// RequestTransferHandler handles it.
type RequestTransferHandler struct{ Repo Repository }

// Handle records the request; the transferring bank transfers.
func (h RequestTransferHandler) Handle(ctx context.Context, c RequestTransfer) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActRequestTransfer, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		return lc.RequestTransfer(c.Transfer, a.Stamp())
	})
}

// TransferCredit is the transferring bank's transfer (MT720) on the date (zero: today).
type TransferCredit struct {
	CreditID string
	On       domain.Date
}

// TransferCreditHandler handles it.
type TransferCreditHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle transfers the credit (lc.transferred.v1).
func (h TransferCreditHandler) Handle(ctx context.Context, c TransferCredit) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActTransfer, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		on := c.On
		if on.IsZero() && (lc.Transfer == nil || lc.Transfer.TransferredOn.IsZero()) {
			on = h.Clock.today()
		}
		return lc.TransferCredit(a.Org, on)
	})
}

// PresentTransferred is the second beneficiary's presentation under the transferred credit.
type PresentTransferred struct {
	CreditID, PresentationID string
	Presentation             domain.Presentation
}

// PresentTransferredHandler handles it.
type PresentTransferredHandler struct {
	Repo   Repository
	Policy domain.Policy
	Clock  Clock
}

// Handle examines it against the transferred terms; it waits for the first beneficiary's invoice.
func (h PresentTransferredHandler) Handle(ctx context.Context, c PresentTransferred) (domain.Examination, error) {
	var res domain.Examination
	_, err := updateAs(ctx, h.Repo, c.CreditID, domain.ActPresentTransferred, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		var err error
		res, err = lc.PresentTransferred(c.PresentationID, c.Presentation, h.Clock.now(), h.Policy)
		return err
	})
	return res, err
}

// SubstituteInvoice is the first beneficiary's invoice for the second beneficiary's in a
// presentation under the transferred credit (UCP 600 Art. 38(h)).
type SubstituteInvoice struct {
	CreditID, PresentationID string
	Invoice                  domain.Document
}

// SubstituteInvoiceHandler handles it.
type SubstituteInvoiceHandler struct {
	Repo      Repository
	Policy    domain.Policy
	Clock     Clock
	Documents DocumentRegistry // nil: none registered
}

// Handle substitutes the invoice and presents the documents under the credit: the issuing bank
// examines them as any presentation (PresentDocumentsHandler), its examiner decides.
func (h SubstituteInvoiceHandler) Handle(ctx context.Context, c SubstituteInvoice) (domain.Examination, error) {
	var res domain.Examination
	_, err := updateAs(ctx, h.Repo, c.CreditID, domain.ActSubstitute, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		reg, err := registeredFor(ctx, h.Documents, lc.TradeID)
		if err != nil {
			return err
		}
		res, err = lc.Substitute(c.PresentationID, c.Invoice, h.Clock.now(), h.Policy, reg)
		return err
	})
	return res, err
}
