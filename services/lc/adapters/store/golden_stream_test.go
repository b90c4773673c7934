package store

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestGoldenStreamLoadsIntoTheSameCredit: the golden credit's stream as stored before its nested
// objects had records of their own (testdata/credit.stream.json: every event type, every field
// set) loads, on SQLite and on PostgreSQL, into exactly the credit the domain folds from those
// events.
func TestGoldenStreamLoadsIntoTheSameCredit(t *testing.T) {
	var evs []domain.Event
	for _, vs := range creditEvents() {
		evs = append(evs, vs[0])
	}
	want := credits.Fold(credits.New(), evs, int64(len(evs)))
	if want.ID != goldenCredit || len(want.Presentations) != 1 || len(want.Amendments) == 0 || want.Transfer == nil {
		t.Fatalf("the golden events fold into %+v: not one credit with a presentation, an amendment and a transfer", want)
	}
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			es := open(t)
			if s := recordtest.AppendGolden(t, es, "lc", goldenFile("credit")); s != stream(goldenCredit) {
				t.Fatalf("the golden credit's stream is %s", s)
			}
			got, err := NewRepository(es).Get(context.Background(), goldenCredit)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, everyField); diff != "" {
				t.Errorf("the golden stream loads into another credit than the domain folds from its events (-folded +loaded):\n%s", diff)
			}
		})
	}
}
