package rules

import "fmt"

// Error codes prefix every refusal, so a client can tell them apart from the message text
// (Fabric carries chaincode errors to the client as a plain string).
const (
	ErrUnknownMilestone = "UNKNOWN_MILESTONE"
	ErrNotEntitled      = "NOT_ENTITLED"
	ErrOutOfOrder       = "OUT_OF_ORDER"
	ErrConflict         = "CONFLICT"
	ErrInvalid          = "INVALID_ARGUMENT"
	ErrNotFound         = "NOT_FOUND"
)

// Errorf is a refusal: code (one of the above), then the message. The chaincode's own refusals
// use it too, so every error it returns starts with a code.
func Errorf(code, format string, args ...any) error {
	return fmt.Errorf(code+": "+format, args...)
}
