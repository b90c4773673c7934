package ledger

// Record mirrors the chaincode's milestone record (its JSON is the contract between them).
type Record struct {
	TradeID    string `json:"tradeId"`
	Seq        int    `json:"seq"`
	Milestone  string `json:"milestone"`
	EventHash  string `json:"eventHash"`
	Org        string `json:"org"`
	TxID       string `json:"txId"`
	Timestamp  string `json:"timestamp"`
	PrevHash   string `json:"prevHash"`
	RecordHash string `json:"recordHash"`

	Drawing string `json:"drawing,omitempty"` // the drawing's reference, for a milestone of one
}

// Receipt is what committing a milestone returns: the record and where it is on the ledger.
type Receipt struct {
	Record
	// Block is the block the transaction committed in (0 when the milestone was already
	// recorded by an earlier transaction: see Record.TxID).
	Block uint64 `json:"block"`
}
