package domain

import "testing"

func TestAChainIsGreenOnlyWhenEveryLinkAgrees(t *testing.T) {
	for _, c := range []struct {
		name     string
		statuses []string
		want     bool
	}{
		{"every link agrees", []string{"OK", "OK"}, true},
		{"a running trade's pending milestone", []string{"OK", "PENDING"}, true},
		{"a tampered hash", []string{"OK", "MISMATCH", "OK"}, false},
		{"a status the portal does not know", []string{"OK", "SKIPPED"}, false},
		{"nothing verified", nil, false},
	} {
		if got := ChainIntact(c.statuses); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if LinkColour("OK") != "green" || LinkColour("PENDING") != "amber" || LinkColour("MISMATCH") != "red" {
		t.Error("the links' colours")
	}
}
