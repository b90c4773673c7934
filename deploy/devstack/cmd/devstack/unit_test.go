package main

import (
	"slices"
	"strings"
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

// test-unit keeps cgo for the race detector however go test is asked for it.
func TestRaceIsSeenInEachSpelling(t *testing.T) {
	for args, want := range map[string]bool{
		"":                   false,
		"-race":              true,
		"--race":             true,
		"-race=true":         true,
		"-race=1":            true,
		"-race=false":        false,
		"-race -race=false":  false,
		"-race=false -race":  true,
		"-run Race -count=1": false,
		"-racey":             false,
		"race":               false,
	} {
		if got := raceAsked(strings.Fields(args)); got != want {
			t.Errorf("raceAsked(%q) = %v, want %v", args, got, want)
		}
	}
}
