package ledger

import (
	"context"
	"encoding/json"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// MaxBatch is the most milestones one RecordMilestones transaction carries (the chaincode's
// bound, chaincode/milestone.MaxBatch).
const MaxBatch = 32

// batchEntry is one milestone of a batch as the chaincode's RecordMilestones reads it.
type batchEntry struct {
	Milestone string `json:"milestone"`
	Drawing   string `json:"drawing,omitempty"`
	EventHash string `json:"eventHash"`
}

// RecordMilestones commits milestones of one trade, consecutive on its chain and all this
// organisation's, in one transaction, and waits for its commit: each is its own record, linked
// as one RecordMilestone after another would link them, but the trade waits for one block, not
// one a milestone. The receipts are those of the milestones in order up to the first the
// chaincode refused (all of them, usually); a refused first milestone is the error. One
// milestone goes through RecordDrawingMilestone.
func (c *Client) RecordMilestones(ctx context.Context, tradeID string, ins []RecordInput) ([]Receipt, error) {
	switch {
	case len(ins) == 0:
		return nil, nil
	case len(ins) == 1:
		r, err := c.RecordDrawingMilestone(ctx, tradeID, ins[0].Milestone, ins[0].Drawing, ins[0].SHA256)
		if err != nil {
			return nil, err
		}
		return []Receipt{r}, nil
	case len(ins) > MaxBatch:
		return nil, fmt.Errorf("record milestones: a batch is at most %d milestones, got %d", MaxBatch, len(ins))
	}
	entries := make([]batchEntry, len(ins))
	for i, in := range ins {
		entries[i] = batchEntry{Milestone: in.Milestone, Drawing: in.Drawing, EventHash: in.SHA256}
	}
	// One span a milestone, each in the trace of the request behind it (the batch is one
	// transaction, but every request's trace ends in the commit that recorded it); the first's
	// carries the call.
	spans := make([]trace.Span, len(ins))
	for i, in := range ins {
		_, spans[i] = c.tracer.Start(Traced(ctx, in.Trace), "fabric.submit RecordMilestone", trace.WithSpanKind(trace.SpanKindClient),
			trace.WithAttributes(attribute.String("trade.id", tradeID), attribute.String("milestone", in.Milestone), attribute.String("fabric.msp_id", c.org.MSPID),
				attribute.Int("fabric.batch_size", len(ins))))
	}
	ctx = trace.ContextWithSpan(ctx, spans[0])
	defer func() {
		for _, sp := range spans {
			sp.End()
		}
	}()
	b, _ := json.Marshal(entries)
	rs, err := c.submit(ctx, "RecordMilestones", []string{tradeID, string(b)}, func(b []byte) ([]*Record, error) {
		var recs []*Record
		err := json.Unmarshal(b, &recs)
		return recs, err
	})
	if err != nil {
		for _, sp := range spans {
			sp.RecordError(err)
			sp.SetStatus(codes.Error, err.Error())
		}
		return nil, err
	}
	for i, r := range rs {
		spans[i].SetAttributes(attribute.String("fabric.tx_id", r.TxID), attribute.Int64("fabric.block", int64(r.Block)))
	}
	return rs, nil
}
