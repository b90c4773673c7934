package contracts

import "errors"

// Decoding failures. Both are permanent: a consumer's router sends such a message to the poison
// topic.
var (
	ErrUnknownType = errors.New("unknown event type")
	ErrMalformed   = errors.New("malformed event")
)

// ErrConflict is an event that contradicts what its consumer recorded (the same payment ID with
// other terms): permanent, so it goes to the poison topic with the reason for an operator, never
// retried into silence nor absorbed as handled.
var ErrConflict = errors.New("event conflicts with recorded state")
