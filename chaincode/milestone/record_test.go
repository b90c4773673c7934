package milestone

import (
	"strings"
	"testing"

	"github.com/tradefin/tradefin/chaincode/rules"
)

func TestRecordHashCoversEveryField(t *testing.T) {
	r := Record{TradeID: "T1", Seq: 1, Milestone: rules.LCApplied, EventHash: strings.Repeat("a", 64), Org: rules.ImporterBank, TxID: "tx", Timestamp: "2026-11-22T10:00:00Z"}
	h := r.hash()
	if h != r.hash() {
		t.Fatal("hash is not deterministic")
	}
	r2 := r
	r2.PrevHash = strings.Repeat("b", 64)
	if r2.hash() == h {
		t.Fatal("hash ignores the previous link")
	}
	r.RecordHash = "anything"
	if r.hash() != h {
		t.Fatal("hash must not cover RecordHash itself")
	}
}

func TestEventHashFormat(t *testing.T) {
	if !isSHA256Hex(strings.Repeat("0f", 32)) || isSHA256Hex(strings.Repeat("0F", 32)) || isSHA256Hex("abc") {
		t.Fatal("isSHA256Hex accepts or refuses the wrong strings")
	}
}
