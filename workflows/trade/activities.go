package trade

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"go.temporal.io/sdk/temporal"

	"github.com/tradefin/tradefin/events/ledger"
)

// RecordMilestoneActivity is the ledger activity's registered name.
const RecordMilestoneActivity = "RecordMilestone"

// LedgerActivities commit milestones with one organisation's Fabric identity; a process that
// holds that identity registers them on LedgerTaskQueue(its MSP ID).
type LedgerActivities struct{ Ledger *ledger.Client }

// RecordMilestone commits the milestone. A chaincode refusal cannot succeed on retry and is
// returned as a non-retryable error.
func (a LedgerActivities) RecordMilestone(ctx context.Context, in RecordInput) (Receipt, error) {
	r, err := a.Ledger.RecordMilestone(ctx, in.TradeID, in.Milestone, in.SHA256)
	var refusal *ledger.RefusalError
	if errors.As(err, &refusal) {
		return Receipt{}, temporal.NewNonRetryableApplicationError(refusal.Error(), "RefusalError", err)
	}
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{TxID: r.TxID, Block: r.Block}, nil
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
