package contracts

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckTradeID(t *testing.T) {
	for _, ok := range []string{"T-1", "trade.2026_001", strings.Repeat("a", MaxTradeIDLength)} {
		if err := CheckTradeID(ok); err != nil {
			t.Errorf("CheckTradeID(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{"", "-lead", "a b", "a/b", "é", "x\n", strings.Repeat("a", MaxTradeIDLength+1), strings.Repeat("a", 300<<10)} {
		if err := CheckTradeID(bad); !errors.Is(err, ErrBadTradeID) {
			t.Errorf("CheckTradeID(%.20q) = %v, want ErrBadTradeID", bad, err)
		}
	}
}
