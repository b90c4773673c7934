package swift

import (
	"strings"
)

// checkFieldRule applies the rules on a single field's content that its format cannot express.
func checkFieldRule(_ string, f Field) error {
	switch f.Tag {
	case "20", "21":
		// Error code T26: a reference must not start or end with a slash nor contain "//".
		if strings.HasPrefix(f.Value, "/") || strings.HasSuffix(f.Value, "/") || strings.Contains(f.Value, "//") {
			return fieldErr(f.Tag, 0, "%q: a reference must not start or end with '/' nor contain '//' (error code T26)", f.Value)
		}
	}
	return nil
}

// checkRules applies the message type's network validated rules (the C rules), which relate
// fields to each other.
func checkRules(_ *Message) error { return nil }
