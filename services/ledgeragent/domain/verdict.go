package domain

import "fmt"

// Outcome is what the agent makes of a request.
type Outcome int

const (
	// Justified: an event of the index stands for the milestone; sign it.
	Justified Outcome = iota
	// Unknown: nothing in the index stands for it. Either the event is still on its way from
	// Kafka (retry once the index has caught up) or it was never published (a forgery).
	Unknown
	// Early: it will be justified soon (an expiry a few minutes ahead of this clock); retry.
	Early
	// Refused: it can never be justified.
	Refused
)

// Refusal codes name why a milestone is not signed.
const (
	CodeInvalid   = "INVALID_REQUEST" // malformed trade ID, milestone or hash
	CodeNotOurs   = "NOT_OURS"        // another organisation commits this milestone
	CodeWrongType = "WRONG_TYPE"      // the hash is of an event that stands for another milestone
	CodeNoEvent   = "NO_SUCH_EVENT"   // no event of the trade has this hash, the index being up to date
	CodeNotDue    = "NOT_DUE"         // a derived milestone whose condition does not hold
)

// Verdict is the outcome with its reason, and the event that justifies the milestone.
type Verdict struct {
	Outcome Outcome
	Code    string // for Refused, and for Unknown the refusal it becomes once the index is up to date
	Reason  string
	Event   Entry // for Justified
}

func justified(e Entry, format string, args ...any) Verdict {
	return Verdict{Outcome: Justified, Event: e, Reason: fmt.Sprintf(format, args...)}
}

func refused(code, format string, args ...any) Verdict {
	return Verdict{Outcome: Refused, Code: code, Reason: fmt.Sprintf(format, args...)}
}

func unknown(format string, args ...any) Verdict {
	return Verdict{Outcome: Unknown, Code: CodeNoEvent, Reason: fmt.Sprintf(format, args...)}
}
