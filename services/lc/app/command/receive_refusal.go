package command

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// PresentationIndex lists the credits with a presentation (adapters/store implements it): the
// credits an MT734 may refer to.
type PresentationIndex interface {
	CreditsWithPresentations(ctx context.Context) ([]string, error)
}

// ReceiveRefusalHandler registers an MT734 its receiver, the bank the documents were presented
// to, received from the issuing bank: the refusal of the presentation it names (UCP 600 Art.
// 16(c)).
type ReceiveRefusalHandler struct {
	Repo   Repository
	Index  PresentationIndex
	Policy domain.Policy
	Clock  Clock
}

// Handle records the refusal on the credit whose presentation field 21 names: one the caller's
// bank (a trade officer of the receiver) presented under a credit the sender issued. None is
// domain.ErrNotFound; two are a conflict, for the bank to resolve.
func (h ReceiveRefusalHandler) Handle(ctx context.Context, r domain.ReceivedRefusal) (*domain.LetterOfCredit, error) {
	if _, err := receiver(ctx, r.To); err != nil {
		return nil, err
	}
	id, err := h.creditOf(ctx, r)
	if err != nil {
		return nil, err
	}
	return updateAs(ctx, h.Repo, id, domain.ActRead, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		return lc.ReceiveRefusal(r, h.Clock.now(), h.Policy)
	})
}

// creditOf finds the one credit the refusal refers to among those visible to the caller.
func (h ReceiveRefusalHandler) creditOf(ctx context.Context, r domain.ReceivedRefusal) (string, error) {
	var ids []string
	if h.Index != nil {
		var err error
		if ids, err = h.Index.CreditsWithPresentations(ctx); err != nil {
			return "", err
		}
	}
	found := ""
	for _, id := range ids {
		lc, err := h.Repo.Get(ctx, id)
		if err != nil {
			return "", err
		}
		if !lc.RefersTo(r) {
			continue
		}
		if _, err := Authorize(ctx, domain.ActRead, lc); err != nil {
			continue
		}
		if found != "" {
			return "", fmt.Errorf("%w: presentation %s of %s names a presentation under credits %s and %s", domain.ErrInvalidState, r.Presentation, r.To, found, id)
		}
		found = id
	}
	if found == "" {
		return "", fmt.Errorf("%w: no presentation %s made by %s under a credit issued by %s (MT734 21)", domain.ErrNotFound, r.Presentation, r.To, r.From)
	}
	return found, nil
}
