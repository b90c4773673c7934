package query

import (
	"context"
	"slices"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// QueuedExamination is one presentation awaiting the examiner's decision.
type QueuedExamination struct {
	CreditID, TradeID, PresentationID string
	Presentation                      domain.Presentation
	Findings                          domain.Examination // the automatic examination's, pre-filled
	ReceivedAt, DeadlineAt            time.Time
}

// CreditsAwaitingExamination lists the IDs of the credits that may have a presentation
// awaiting a decision (a read model: adapters/store's ExaminationIndex), for the queue.
type CreditsAwaitingExamination interface {
	CreditsAwaitingExamination(ctx context.Context) ([]string, error)
}

// Credits loads a credit.
type Credits interface {
	Get(ctx context.Context, id string) (*domain.LetterOfCredit, error)
}

// MaxQueue bounds the queue one request answers.
const MaxQueue = 500

// ExaminationQueueHandler is the issuing bank's examination queue: the presentations under its
// credits awaiting a decision, the nearest deadline first (UCP 600 Art. 14(b)).
type ExaminationQueueHandler struct {
	Index CreditsAwaitingExamination
	Repo  Credits
}

// Handle lists the caller's bank's queue; only a trade officer of a bank has one.
func (h ExaminationQueueHandler) Handle(ctx context.Context) ([]QueuedExamination, error) {
	a, ok := identity.FromContext(ctx)
	if !ok {
		return nil, domain.ErrUnauthenticated
	}
	if a.OrgKind != identity.Bank || !a.Has(identity.RoleTradeOfficer) {
		return nil, domain.Forbid("only a bank's trade officers examine presentations (UCP 600 Art. 14)")
	}
	if h.Index == nil {
		return []QueuedExamination{}, nil // wired without an index (app.Application.WithExamination): nothing queued is known
	}
	ids, err := h.Index.CreditsAwaitingExamination(ctx)
	if err != nil {
		return nil, err
	}
	out := []QueuedExamination{}
	for _, id := range ids {
		lc, err := h.Repo.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if domain.Authorize(a, domain.ActExamine, lc) != nil {
			continue
		}
		for _, p := range lc.Presentations {
			if p.Queued() {
				out = append(out, QueuedExamination{CreditID: lc.ID, TradeID: lc.TradeID, PresentationID: p.ID, Presentation: p.Presentation,
					Findings: p.Result, ReceivedAt: p.ReceivedAt, DeadlineAt: p.DeadlineAt})
			}
		}
	}
	slices.SortFunc(out, func(x, y QueuedExamination) int { return x.DeadlineAt.Compare(y.DeadlineAt) })
	if len(out) > MaxQueue {
		out = out[:MaxQueue]
	}
	return out, nil
}
