package command

import (
	"context"
	"errors"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Authorize asks domain.Authorize whether actor may do act to the payment with parties p, and
// maps its answer: a payment the actor may not see is domain.ErrNotFound, exactly what the
// repository answers for a payment that does not exist (so the API's 404 is the same, word for
// word); a party without the right gets the KindForbidden error naming the rule.
func Authorize(actor identity.Actor, act domain.Action, p domain.Parties) error {
	err := domain.Authorize(actor, act, p)
	if errors.Is(err, domain.ErrNotVisible) {
		return domain.ErrNotFound
	}
	return err
}

// updateAs loads the payment, authorises act on it as it stands, and lets fn decide; nothing is
// saved when either refuses.
func updateAs(ctx context.Context, repo Repository, pol Policy, actor identity.Actor, act domain.Action, id string,
	fn func(p *domain.Payment) error) (*domain.Payment, error) {
	return repo.Update(ctx, id, func(p *domain.Payment) error {
		if err := Authorize(actor, act, p.Parties(pol.SettlementAgent)); err != nil {
			return err
		}
		return fn(p)
	})
}
