package ids

import (
	"testing"

	"github.com/tradefin/tradefin/services/settlement/domain"
)

func TestIdentifiers(t *testing.T) {
	r := Random{Prefix: "TFSTL"}
	seen := map[string]bool{}
	for range 1000 {
		m, u := r.MsgID(), r.UETR()
		if len(m) > 35 || seen[m] { // MsgId is Max35Text and must be unique
			t.Fatalf("MsgId %q", m)
		}
		seen[m] = true
		if !domain.IsUUIDv4(u) {
			t.Fatalf("UETR %q is not a lower-case UUID v4", u)
		}
	}
}
