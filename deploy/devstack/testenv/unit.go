package testenv

import (
	"os"
	"testing"
)

// UnitOnly is the variable `make test-unit` sets: run only the tests that need no running
// component. `make test` never sets it (the launcher removes it), so there every test runs.
const UnitOnly = "TRADEFIN_UNIT"

// NeedsComponent marks a test that starts a real component of its own (a broker process,
// Watermill's universal suite on a broker) as an integration test: make test-unit skips it.
// Tests that get their components from testenv need no mark.
func NeedsComponent(t testing.TB, what string) {
	t.Helper()
	skipInUnitRun(t, what)
}

// skipInUnitRun skips the calling test when only unit tests run: the test needs what, a
// running component, which a unit run never starts. It is the only place tests are skipped.
func skipInUnitRun(t testing.TB, what string) {
	t.Helper()
	if os.Getenv(UnitOnly) == "1" {
		t.Skipf("needs %s; an integration test: make test runs it, make test-unit (%s=1) does not", what, UnitOnly)
	}
}
