package app

import (
	"errors"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// authorize asks domain.Authorize whether actor may do act to the payment with parties p, and
// maps its answer: a payment the actor may not see is domain.ErrNotFound, exactly what the
// repository answers for a payment that does not exist (so the API's 404 is the same, word for
// word); a party without the right gets the 403 naming the rule.
func authorize(actor identity.Actor, act domain.Action, p domain.Parties) error {
	err := domain.Authorize(actor, act, p)
	if errors.Is(err, domain.ErrNotVisible) {
		return domain.ErrNotFound
	}
	return err
}
