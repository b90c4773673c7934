package scenario

import (
	"context"

	"github.com/tradefin/tradefin/events/contracts"
)

// A confirmed credit (UCP 600 Art. 8): the issuing bank asks the advising bank to confirm (MT700
// 49 CONFIRM, no 58a: the advising bank is asked); the advising bank confirms and is from then
// on bound to honour (Art. 8(b)); the beneficiary's complying presentation is honoured by it
// (Art. 8(a)) and settlement pays the beneficiary from it; it claims reimbursement from the
// issuing bank (Art. 7(c), 8(c)), the workflow has that payment instructed, and the settlement
// bank reports it settled (REIMBURSED), after which the trade closes.

// confirmable asks for confirmation in the terms of a confirmed trade.
func confirmable(tr Trade, terms map[string]any) map[string]any {
	if tr.Confirmed {
		terms["confirmation"] = "CONFIRM"
	}
	return terms
}

// presentedTo sends a confirmed trade's presentation to the confirming bank (UCP 600 Art. 8(a)).
func presentedTo(tr Trade, p map[string]any) map[string]any {
	if tr.Confirmed {
		p["presentedTo"] = advisingBank.org
	}
	return p
}

// examiner is the bank that examines the presentation: the confirming bank's under a confirmed
// credit, else the issuing bank's.
func examiner(tr Trade) party {
	if tr.Confirmed {
		return advisingBank
	}
	return issuingBank
}

// confirmedOnly: the step is a confirmed credit's only.
func confirmedOnly(event string) bool {
	return event == "lc.confirmed.v1" || event == "lc.reimbursement_claimed.v1"
}

// confirm is the advising bank's confirmation of the credit.
func (c *Client) confirm(ctx context.Context, lc, on string) error {
	return c.call(ctx, advisingBank, "POST", lc+"/confirmation", map[string]any{"confirmedOn": on}, nil)
}

// reimburse: the confirming bank claims reimbursement of presentation P-1; settlement raises the
// reimbursement from the claim, the workflow instructs it once REIMBURSEMENT_CLAIMED is on the
// ledger, and the settlement bank reports it settled (pacs.002 ACSC).
func (c *Client) reimburse(ctx context.Context, r *Result, tr Trade, lc, on string) error {
	if err := c.call(ctx, advisingBank, "POST", lc+"/presentations/P-1/reimbursement-claim", map[string]any{"claimedOn": on}, nil); err != nil {
		return err
	}
	ref := contracts.ReimbursementRef(contracts.PaymentRef{TradeID: r.TradeID, LCID: r.LCID, PresentationID: "P-1"})
	r.ReimbursementID = ref.TradeID + ":" + ref.LCID + ":" + ref.PresentationID
	if tr.ReimbursementRejected != "" {
		return c.rejectThenSettle(ctx, r.ReimbursementID, tr.ReimbursementRejected)
	}
	return c.settlePayment(ctx, r.ReimbursementID)
}
