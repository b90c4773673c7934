package store

import (
	"context"
	"slices"
	"strings"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/projection"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ExaminationIndex is the read model of the credits with presentations: those a received MT734
// may refer to, and those with a presentation not yet decided, which a bank's examination queue
// loads. A projection runner feeds it from the event store's global order and catches it up at
// every query (reading only the events since the last one), so a caller sees what it has just
// recorded; it lives in memory and the first query after a restart rebuilds it. It is an index,
// not the rule: the queue still asks each credit it loads which presentations are queued
// (domain.ExaminedPresentation.Queued), so the index only has to never drop a credit too soon.
type ExaminationIndex struct {
	runner *projection.Runner
	// Guarded by the runner:
	presented []string                   // the credits with a presentation, in the order first presented
	undecided map[string]map[string]bool // credit → its presentations with no decision seen yet
	last      map[string]string          // credit → its last presentation (a decision stored before decisions named theirs)
}

// NewExaminationIndex returns the index over s.
func NewExaminationIndex(s eventstore.Store) *ExaminationIndex {
	x := &ExaminationIndex{undecided: map[string]map[string]bool{}, last: map[string]string{}}
	x.runner = projection.New(s, x.apply)
	return x
}

// CreditsWithPresentations lists each credit with a presentation once, in the order they were presented.
func (x *ExaminationIndex) CreditsWithPresentations(ctx context.Context) ([]string, error) {
	var out []string
	err := x.runner.Read(ctx, func() { out = slices.Clone(x.presented) })
	return out, err
}

// CreditsAwaitingExamination lists the credits with a presentation not yet decided, in the
// order they were first presented.
func (x *ExaminationIndex) CreditsAwaitingExamination(ctx context.Context) ([]string, error) {
	var out []string
	err := x.runner.Read(ctx, func() {
		for _, id := range x.presented {
			if len(x.undecided[id]) > 0 {
				out = append(out, id)
			}
		}
	})
	return out, err
}

// The events that queue or decide a presentation.
var examinationEvents = []string{"lc.DocumentsExamined", "lc.Honoured", "lc.PresentationRefused"}

func (x *ExaminationIndex) apply(_ context.Context, stored eventstore.Event) error {
	id, ok := strings.CutPrefix(stored.StreamID, "lc-")
	if !ok || !slices.Contains(examinationEvents, stored.Type) {
		return nil
	}
	rec, err := formats.Decode(stored)
	if err != nil {
		return err
	}
	r, ok := rec.(interface{ Event() domain.Event })
	if !ok {
		return nil
	}
	switch e := r.Event().(type) {
	case domain.DocumentsExamined:
		if x.undecided[id] == nil {
			x.undecided[id] = map[string]bool{}
			x.presented = append(x.presented, id)
		}
		x.undecided[id][e.PresentationID], x.last[id] = true, e.PresentationID
	case domain.Honoured:
		x.decided(id, e.PresentationID)
	case domain.PresentationRefused:
		x.decided(id, e.PresentationID)
	}
	return nil
}

// decided takes presentation pid of credit id off the undecided; an event stored before
// decisions named their presentation decides the credit's last one (domain's presentation()).
func (x *ExaminationIndex) decided(id, pid string) {
	if pid == "" {
		pid = x.last[id]
	}
	delete(x.undecided[id], pid)
}
