package app

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// MessageHandler returns the pacs.009 a payment was instructed with, to the payment's readers. It
// is rebuilt from the recorded instruction (identifiers, amount, date, creation time), so it is
// byte-identical to the message sent.
type MessageHandler struct {
	repo Repository
	pol  Policy
}

func (h MessageHandler) Handle(ctx context.Context, actor identity.Actor, id string) ([]byte, error) {
	p, err := readable(ctx, h.repo, h.pol, actor, id)
	if err != nil {
		return nil, err
	}
	if p.MsgID == "" {
		return nil, &domain.Error{Kind: domain.KindNotFound, Msg: "payment " + id + " has not been instructed"}
	}
	return pacs009(p)
}
