package trade

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// Workflow runs one trade until it closes or its credit expires. Deterministic: time comes from
// workflow.Now, waiting from timers and signals.
func Workflow(ctx workflow.Context, in Input) (State, error) {
	st := State{TradeID: in.TradeID, Status: "RUNNING"}
	if err := workflow.SetQueryHandler(ctx, StateQuery, func() (State, error) { return st, nil }); err != nil {
		return st, err
	}
	signals := workflow.GetSignalChannel(ctx, EventSignal)
	honoured := false
	expiry := workflow.NewTimer(ctx, in.LCExpiry.Sub(workflow.Now(ctx)))
	seen := map[string]bool{}
	for st.Status == "RUNNING" {
		sel := workflow.NewSelector(ctx)
		sel.AddReceive(signals, func(c workflow.ReceiveChannel, _ bool) {
			var ev Event
			c.Receive(ctx, &ev)
			if seen[ev.ID] { // Kafka redelivers; a signal may come twice
				return
			}
			seen[ev.ID] = true
			name, msp := milestoneFor(ev.Type)
			if name == "" {
				return
			}
			m := Milestone{Name: name, MSPID: msp, EventID: ev.ID, SHA256: ev.SHA256}
			r, err := record(ctx, in.TradeID, m)
			if err != nil {
				workflow.GetLogger(ctx).Error("milestone not recorded", "milestone", name, "error", err)
				return
			}
			m.TxID, m.Block = r.TxID, r.Block
			st.Milestones = append(st.Milestones, m)
			switch name {
			case "HONOURED":
				honoured = true
			case "IMPORT_RELEASED":
				closed := Milestone{Name: "CLOSED", MSPID: "ImporterBankMSP", EventID: ev.ID + "/closed", SHA256: ev.SHA256}
				if r, err := record(ctx, in.TradeID, closed); err == nil {
					closed.TxID, closed.Block = r.TxID, r.Block
					st.Milestones = append(st.Milestones, closed)
				}
				st.Status = "CLOSED"
			}
		})
		if !honoured && expiry != nil {
			sel.AddFuture(expiry, func(workflow.Future) {
				expiry = nil
				if honoured {
					return
				}
				// The credit expired unused: commit EXPIRED so no later step can pay under it.
				m := Milestone{Name: "EXPIRED", MSPID: "ImporterBankMSP", EventID: in.TradeID + "/expired"}
				if r, err := record(ctx, in.TradeID, m); err == nil {
					m.TxID, m.Block = r.TxID, r.Block
					st.Milestones = append(st.Milestones, m)
				}
				st.Status = "EXPIRED"
			})
		}
		sel.Select(ctx)
	}
	return st, nil
}

// record runs the ledger activity on the task queue of the organisation that commits it.
func record(ctx workflow.Context, tradeID string, m Milestone) (Receipt, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		TaskQueue:           LedgerTaskQueue(m.MSPID),
		StartToCloseTimeout: time.Minute,
		RetryPolicy: &temporal.RetryPolicy{ // recording is idempotent on the chaincode side
			InitialInterval: time.Second, MaximumInterval: 30 * time.Second, MaximumAttempts: 20,
			NonRetryableErrorTypes: []string{"RefusalError"},
		},
	})
	var r Receipt
	hash := m.SHA256
	if hash == "" {
		hash = sha256Hex(m.EventID)
	}
	err := workflow.ExecuteActivity(ctx, RecordMilestoneActivity, RecordInput{TradeID: tradeID, Milestone: m.Name, SHA256: hash}).Get(ctx, &r)
	return r, err
}
