package swift

import "fmt"

// ParseError says where a message is wrong.
type ParseError struct {
	Tag    string // field tag, e.g. "32B" (empty for a block-level error)
	Line   int    // 1-based line within block 4 (0 for a block-level error)
	Reason string
}

func (e *ParseError) Error() string {
	switch {
	case e.Tag != "" && e.Line > 0:
		return fmt.Sprintf("field %s (line %d): %s", e.Tag, e.Line, e.Reason)
	case e.Tag != "":
		return fmt.Sprintf("field %s: %s", e.Tag, e.Reason)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

func fieldErr(tag string, line int, format string, args ...any) error {
	return &ParseError{Tag: tag, Line: line, Reason: fmt.Sprintf(format, args...)}
}
