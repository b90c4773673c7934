package main

import (
	"slices"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
)

// make test must run every test: testenv skips integration tests only when TRADEFIN_UNIT=1,
// so the launcher removes the variable from the tests' environment whatever the caller set.
func TestFullTestRunsNeverSeeTheUnitOnlyVariable(t *testing.T) {
	env := []string{"PATH=/bin", testenv.UnitOnly + "=1", "HOME=/root", testenv.UnitOnly + "=0"}
	got := withoutUnitOnly(env)
	if want := []string{"PATH=/bin", "HOME=/root"}; !slices.Equal(got, want) {
		t.Fatalf("withoutUnitOnly(%v) = %v, want %v", env, got, want)
	}
}
