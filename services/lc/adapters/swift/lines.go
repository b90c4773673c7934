package swift

import "strings"

// joinLines joins narrative lines for a field value.
func joinLines(ls []string) string { return strings.Join(ls, "\r\n") }

// splitLines splits a field value into its lines.
func splitLines(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, "\r\n")
}
