// Package command holds the customs service's write-side use cases. They answer with the
// domain's errors (domain.KindOf classifies them); the HTTP adapter alone turns them into RFC 9457
// problems.
package command

import (
	"errors"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Repository is what the use cases need from storage (adapters/store implements it).
type Repository = interface {
	documents
	declarations
	shipments
	trades
}

// notFound is the answer to a command on a stored resource the caller may not see: the store's
// own not-found error for that stream (adapters/store), word for word, so that it cannot be
// told from a resource that does not exist.
func notFound(stream string) error { return &domain.NotFound{Resource: stream} }

// authorize asks domain.Authorize whether actor may take action on the stored resource whose
// stream is stream (e.g. "declaration-EXP-1"): 404 as for a missing resource when the caller may
// not see it, 403 naming the rule when it may see it but lacks the right.
func authorize(actor identity.Actor, action domain.Action, p domain.Parties, stream string) error {
	err := domain.Authorize(actor, action, p)
	if errors.Is(err, domain.ErrNotVisible) {
		return notFound(stream)
	}
	return err
}

// errIDTaken answers a create (a document, a declaration, a bill of lading) whose ID is held by
// a resource the caller may not see. The ID cannot be given to it, so a refusal is unavoidable,
// and any refusal tells the caller one thing: this ID is not one it can use. The least revealing
// answer tells nothing more, so it is answered as if the ID were free and the request refused:
//   - a 403, not the 409 "already exists with other content" a party of the stored resource
//     gets (which confirms a resource and that its content differs from the request's);
//   - not a rule evaluated on the stored resource (which would name its parties: "only its
//     declarant…", "only its carrier…");
//   - one constant for every kind of resource and every holder, naming no stream and no party;
//   - not a 404: a create on a free ID never answers 404, so it would tell as much, and wrongly.
var errIDTaken = &domain.Forbidden{Rule: "this ID is not available to the caller's organisation: create the resource under another ID"}

// createdAs decides the answer to a create that found its ID taken (isNew false: the store
// returned the stored resource for a retry, or domain.Exists for other content). A caller that
// may see the stored resource gets the store's answer unless the rules refuse it action on it
// (403 naming the rule); any other caller gets errIDTaken, and nothing of the stored resource.
func createdAs(isNew bool, err error, actor identity.Actor, action domain.Action, stored func() (domain.Parties, error)) error {
	var exists *domain.Exists
	if isNew || (err != nil && !errors.As(err, &exists)) {
		return err
	}
	parties, perr := stored()
	if perr != nil {
		return perr
	}
	if domain.Authorize(actor, domain.ActRead, parties) != nil {
		return errIDTaken
	}
	if refused := domain.Authorize(actor, action, parties); refused != nil {
		return refused
	}
	return err
}
