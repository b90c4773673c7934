package query

import (
	"context"

	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TransferredCreditHandler reads a credit as transferred (UCP 600 Art. 38): what the second
// beneficiary may see of it, and its parties and the auditor too.
type TransferredCreditHandler struct{ Repo command.Repository }

// Get returns the credit; the caller reads its TransferredTerms and Transfer only.
func (h TransferredCreditHandler) Get(ctx context.Context, id string) (*domain.LetterOfCredit, error) {
	if _, err := command.Caller(ctx); err != nil {
		return nil, err
	}
	lc, err := h.Repo.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := command.Authorize(ctx, domain.ActReadTransferred, lc); err != nil {
		return nil, err
	}
	if lc.Transfer == nil {
		return nil, &domain.Error{Kind: domain.KindNotFound, Msg: "the credit is not transferred"}
	}
	return lc, nil
}
