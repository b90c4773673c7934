package app

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
)

// Record verifies the milestone, then submits it.
func (a App) Record(ctx context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
	if err := a.justify(ctx, in); err != nil {
		return ledger.Receipt{}, err
	}
	return a.Submit(ctx, in)
}

// RecordBatch verifies the milestones of a batch in order and submits, in one transaction, those
// up to the first that is not justified (yet): the receipts of those committed, or, when the
// first is not justified, its error, as Record gives it. The workflow asks for the rest again.
func (a App) RecordBatch(ctx context.Context, ins []ledger.RecordInput) ([]ledger.Receipt, error) {
	justified := 0
	for _, in := range ins {
		if err := a.justify(ctx, in); err != nil {
			if justified == 0 {
				return nil, err
			}
			break
		}
		justified++
	}
	if justified == 0 {
		return nil, nil
	}
	return a.SubmitBatch(ctx, ins[:justified])
}

// justify returns nil when the milestone stands for a real event of the organisation. A
// milestone whose event is not in the index is looked up again once the index has caught up with
// everything on Kafka: the workflow asks for a milestone only after the bridge read its event
// from Kafka, so an event still missing then was never published, and the request is a forgery.
// If the index cannot catch up (Kafka down, the consumer behind) the error is retryable.
func (a App) justify(ctx context.Context, in ledger.RecordInput) error {
	req := domain.Request{TradeID: in.TradeID, Milestone: in.Milestone, SHA256: in.SHA256}
	v, err := a.verify(ctx, req)
	if err != nil {
		return err
	}
	if v.Outcome == domain.Unknown {
		if err := a.Index.CatchUp(ctx); err != nil {
			return fmt.Errorf("%w: %s of trade %s: %s, and the index has not caught up with Kafka: %v", ErrNotYet, req.Milestone, req.TradeID, v.Reason, err)
		}
		if v, err = a.verify(ctx, req); err != nil {
			return err
		}
	}
	switch v.Outcome {
	case domain.Justified:
		a.Log.Info("milestone justified; signing", "trade", req.TradeID, "milestone", req.Milestone, "event", v.Event.ID, "type", v.Event.Type)
		return nil
	case domain.Early:
		return fmt.Errorf("%w: %s of trade %s: %s", ErrNotYet, req.Milestone, req.TradeID, v.Reason)
	}
	// Refused, or still unknown with the index up to date.
	r := &Refusal{Code: v.Code, TradeID: req.TradeID, Milestone: req.Milestone, Reason: v.Reason}
	a.Log.Warn("refused forgery: milestone does not stand for a real event of this organisation",
		"trade", req.TradeID, "milestone", req.Milestone, "hash", req.SHA256, "code", r.Code, "reason", r.Reason)
	return r
}

func (a App) verify(ctx context.Context, req domain.Request) (domain.Verdict, error) {
	var trade []domain.Entry
	if len(req.TradeID) <= domain.MaxTradeIDLength { // an overlong ID is refused without a lookup
		var err error
		if trade, err = a.Index.Trade(ctx, req.TradeID); err != nil {
			return domain.Verdict{}, fmt.Errorf("read the index of trade %.128s: %w", req.TradeID, err)
		}
	}
	return domain.Justify(a.Org, req, trade, a.Now()), nil
}
