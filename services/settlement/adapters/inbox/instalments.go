package inbox

import (
	"fmt"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// obligationsOf is obligationOf with a mixed payment credit's honour split into its instalments
// (MT700 42M; UCP 600 Art. 2, "honour" (a), (b)): one payment each, for its amount, under
// contracts.InstalmentRef of the honoured presentation, so the trade workflow instructs each at
// its own time and each is paid, and settled, on its own; instructing one twice pays it once
// (the payment ID is the instalment's). An honour whose instalments do not add up is malformed.
func obligationsOf(env contracts.Envelope) (out []domain.Obligation, actor identity.Stamp, ok bool, err error) {
	o, actor, ok, err := obligationOf(env)
	if !ok || err != nil {
		return nil, actor, ok, err
	}
	h, honour := env.Data.(*contracts.LCHonoured)
	if !honour || len(h.Instalments) == 0 {
		return []domain.Obligation{o}, actor, true, nil
	}
	if err := contracts.CheckInstalments(h); err != nil {
		return nil, actor, true, fmt.Errorf("%s: %w", env.ID, err)
	}
	ref := contracts.PaymentRef{TradeID: o.TradeID, LCID: o.LCID, PresentationID: o.PresentationID}
	for _, in := range h.Instalments {
		part := o
		part.PresentationID, part.Amount = contracts.InstalmentRef(ref, in.Number).PresentationID, in.Amount
		out = append(out, part)
	}
	return out, actor, true, nil
}
