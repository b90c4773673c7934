package lcapi

import (
	"context"

	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
)

// Confirmation is the confirmation the confirming bank added (UCP 600 Art. 8(b)).
type Confirmation struct {
	By string `json:"by"` // BIC
	On string `json:"on"`
}

// ReimbursementClaim is the confirming bank's claim for a presentation it honoured (Art. 8(c)).
type ReimbursementClaim struct {
	PresentationID string `json:"presentationId"`
	By             string `json:"by"`
	From           string `json:"from"`
}

// Confirm is the confirming bank's confirmation.
func (a API) Confirm(ctx context.Context, token, id, date string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "confirmation"), map[string]string{"confirmedOn": date}, nil)
}

// ClaimReimbursement is the confirming bank's claim for the presentation it honoured.
func (a API) ClaimReimbursement(ctx context.Context, token, id, presentationID, date string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "presentations", presentationID, "reimbursement-claim"), map[string]string{"claimedOn": date}, nil)
}

// ConfirmingBank is the bank the terms ask to confirm: 58a's, else the advising bank, when 49 is
// CONFIRM or MAY ADD ("" otherwise).
func (t Terms) ConfirmingBank() string {
	switch {
	case t.Confirmation != "CONFIRM" && t.Confirmation != "MAY ADD":
		return ""
	case t.RequestedConfirmationParty != "":
		return t.RequestedConfirmationParty
	}
	return t.AdvisingBank
}
