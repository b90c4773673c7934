package store

import (
	"context"
	"strings"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// ExaminationIndex lists the credits with a presentation, from the event store's global log.
// It walks the log on each call: the queue is read by a bank's examiners a few times a minute,
// and a projection table is the step when the log grows large.
type ExaminationIndex struct{ events eventstore.Store }

// NewExaminationIndex returns the index over s.
func NewExaminationIndex(s eventstore.Store) ExaminationIndex { return ExaminationIndex{events: s} }

// CreditsWithPresentations lists each credit with a presentation once, in the order they were presented.
func (x ExaminationIndex) CreditsWithPresentations(ctx context.Context) ([]string, error) {
	var ids []string
	seen := map[string]bool{}
	for after := int64(0); ; {
		batch, err := x.events.ReadAll(ctx, after, 1000)
		if err != nil {
			return nil, err
		}
		for _, e := range batch {
			after = e.Position
			id, ok := strings.CutPrefix(e.StreamID, "lc-")
			if ok && e.Type == "lc.DocumentsExamined" && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		if len(batch) == 0 {
			return ids, nil
		}
	}
}
