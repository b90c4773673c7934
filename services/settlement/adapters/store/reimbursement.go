package store

import (
	"strings"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// reimbursementSettled is what a confirming bank's reimbursement reaching finality publishes:
// not settlement.payment_settled.v1 (the beneficiary's payment, the SETTLED milestone) but
// settlement.reimbursement_settled.v1 (REIMBURSED, UCP 600 Art. 7(c), 8(c)).
func reimbursementSettled(p *domain.Payment, e domain.PaymentSettled) contracts.ReimbursementSettled {
	return contracts.ReimbursementSettled{TradeID: p.Obligation.TradeID, Actor: e.Actor, PaymentID: p.ID(),
		PresentationID: strings.TrimSuffix(p.Obligation.PresentationID, contracts.ReimbursementSuffix), Amount: p.Obligation.Amount}
}
