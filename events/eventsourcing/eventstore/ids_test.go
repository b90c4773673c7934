package eventstore

import "testing"

func TestEventIDIsAFunctionOfServiceStreamAndVersion(t *testing.T) {
	id := EventID("lc", "lc-LC-1", 1)
	for _, other := range []string{EventID("lc", "lc-LC-1", 2), EventID("lc", "lc-LC-2", 1), EventID("customs", "lc-LC-1", 1)} {
		if other == id {
			t.Fatalf("%s repeats for another service, stream or version", id)
		}
	}
	if EventID("lc", "lc-LC-1", 1) != id || len(id) != 36 || id[14] != '5' {
		t.Fatalf("%s: want the same RFC 9562 version-5 UUID every time", id)
	}
}
