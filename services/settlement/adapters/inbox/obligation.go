package inbox

import (
	"cmp"
	"fmt"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// obligationOf is the payment an LC event obliges, with the actor it is raised for: an honour
// (lc.honoured.v1: by the issuing bank, or by the confirming bank under its confirmation, UCP 600
// Art. 8(a)) or a confirming bank's reimbursement claim (lc.reimbursement_claimed.v1, Art. 8(c):
// the reimbursing or issuing bank pays the confirming bank). ok is false for any other event; an
// event over its bounds is malformed (permanent).
func obligationOf(env contracts.Envelope) (o domain.Obligation, actor identity.Stamp, ok bool, err error) {
	switch ev := env.Data.(type) {
	case *contracts.LCHonoured:
		o = domain.Obligation{TradeID: ev.TradeID, LCID: ev.LCID, PresentationID: ev.PresentationID, Amount: ev.Amount,
			IssuingBank: cmp.Or(ev.HonouredBy, ev.IssuingBank), AdvisingBank: ev.AdvisingBank, Beneficiary: ev.Beneficiary, BeneficiaryAccount: ev.BeneficiaryAccount}
		if ev.HonouredBy != "" {
			o.Purpose = domain.PurposeConfirmedHonour
		}
		if ev.AccountCurrency != "" {
			c, err := money.ParseCurrency(ev.AccountCurrency)
			if err != nil {
				return o, actor, true, fmt.Errorf("%w: %s accountCurrency: %v", contracts.ErrMalformed, env.ID, err)
			}
			o.AccountCurrency = c
		}
		actor = ev.Actor
	case *contracts.LCReimbursementClaimed:
		ref := contracts.ReimbursementRef(contracts.PaymentRef{TradeID: ev.TradeID, LCID: ev.LCID, PresentationID: ev.PresentationID})
		o = domain.Obligation{TradeID: ev.TradeID, LCID: ev.LCID, PresentationID: ref.PresentationID, Amount: ev.Amount,
			IssuingBank: ev.Payer(), AdvisingBank: ev.ClaimingBank, Beneficiary: ev.ClaimingBank, Purpose: domain.PurposeReimbursement}
		actor = ev.Actor
	case *contracts.LCUndertakingDiscounted:
		if o, err = discountObligation(ev); err != nil {
			return o, actor, true, fmt.Errorf("%s: %w", env.ID, err)
		}
		actor = ev.Actor
	default:
		return o, actor, false, nil
	}
	if len(env.ID) > domain.MaxEventID { // it keys the inbox and a dispute
		return o, actor, true, fmt.Errorf("%w: %s with an ID of %d characters, at most %d", contracts.ErrMalformed, env.Type, len(env.ID), domain.MaxEventID)
	}
	if err := contracts.CheckTradeID(o.TradeID); err != nil {
		return o, actor, true, fmt.Errorf("%w: %s: %w", contracts.ErrMalformed, env.ID, err)
	}
	return o, actor, true, nil
}
