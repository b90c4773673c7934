package inbox

import (
	"context"
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// discountObligation is the payment of a discount's proceeds (UCP 600 Art. 12(b)): the nominated
// bank (debtor) pays the beneficiary, at its bank, now, under contracts.DiscountRef of the
// honoured presentation. The event's bounds are checked first (contracts, permanent).
func discountObligation(ev *contracts.LCUndertakingDiscounted) (domain.Obligation, error) {
	if err := ev.Check(); err != nil {
		return domain.Obligation{}, err
	}
	ref := contracts.DiscountRef(contracts.PaymentRef{TradeID: ev.TradeID, LCID: ev.LCID, PresentationID: ev.PresentationID})
	return domain.Obligation{TradeID: ev.TradeID, LCID: ev.LCID, PresentationID: ref.PresentationID, Amount: ev.Proceeds,
		IssuingBank: ev.NominatedBank, AdvisingBank: ev.AdvisingBank, Beneficiary: ev.Beneficiary, BeneficiaryAccount: ev.BeneficiaryAccount,
		Purpose: domain.PurposeDiscount}, nil
}

// assignDiscounted makes the honour's maturity payment payable to the nominated bank that
// discounted it, in whichever order the two events arrive: on the discount, the honour's payment
// if it is raised already; on the honour, if the discount's proceeds payment exists (it is the
// record that the discount came first). Either is idempotent (AssignToNominatedBank). An
// assignment refused (the maturity payment released before the discount was known, or assigned
// to another bank) is a permanent contracts.ErrConflict: the transaction raises nothing, so no
// proceeds are paid, and the event goes to the poison topic for the banks to resolve.
func assignDiscounted(ctx context.Context, repo command.Repository, env contracts.Envelope, now time.Time) error {
	var honour, discount domain.Obligation
	switch ev := env.Data.(type) {
	case *contracts.LCUndertakingDiscounted:
		honour = domain.Obligation{TradeID: ev.TradeID, LCID: ev.LCID, PresentationID: ev.PresentationID}
	case *contracts.LCHonoured:
		honour = domain.Obligation{TradeID: ev.TradeID, LCID: ev.LCID, PresentationID: ev.PresentationID}
		discount = honour
		discount.PresentationID = contracts.DiscountRef(contracts.PaymentRef{PresentationID: ev.PresentationID}).PresentationID
	default:
		return nil
	}
	bank, by := "", contracts.ActorOf(env.Data)
	if ev, ok := env.Data.(*contracts.LCUndertakingDiscounted); ok {
		bank = ev.NominatedBank
	} else {
		d, err := repo.Get(ctx, domain.PaymentID(discount))
		if domain.KindOf(err) == domain.KindNotFound {
			return nil // not discounted (yet): the discount assigns it when it comes
		} else if err != nil {
			return err
		}
		bank, by = d.Obligation.IssuingBank, d.RaisedBy
	}
	_, err := repo.Update(ctx, domain.PaymentID(honour), func(p *domain.Payment) error {
		return p.AssignToNominatedBank(bank, env.ID, by, now)
	})
	switch domain.KindOf(err) {
	case domain.KindNotFound:
		return nil // the honour comes later and finds the discount's payment
	case domain.KindConflict, domain.KindInvalid:
		return fmt.Errorf("%w: %s: %s", contracts.ErrConflict, env.ID, err.Error()) // not the raise's conflict: nothing to dispute
	}
	return err
}
