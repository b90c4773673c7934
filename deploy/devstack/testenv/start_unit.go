//go:build unit

package testenv

import "errors"

// startTestStack is never reached in a unit run (lookup skips first); leaving the stack's
// launcher out keeps it, and all it imports, out of every unit test binary.
func startTestStack() (map[string]string, error) {
	return nil, errors.New("a unit run (-tags unit) starts no stack")
}
