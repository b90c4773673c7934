package store

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestGoldenStreamLoadsIntoTheSameCredit: a credit whose stream holds its events as the golden
// files have them (the filled variant of each, stored before the nested objects had records of
// their own) loads, on SQLite and on PostgreSQL, into exactly the credit the domain folds from
// those events.
func TestGoldenStreamLoadsIntoTheSameCredit(t *testing.T) {
	var evs []domain.Event
	var stored []eventstore.NewEvent
	for i, vs := range creditEvents() {
		e := vs[0]
		evs = append(evs, e)
		var f storedFormat
		b, err := os.ReadFile(filepath.Join("testdata", "formats", e.EventName()+".json"))
		if err == nil {
			err = json.Unmarshal(b, &f)
		}
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, eventstore.NewEvent{ID: EventID("ID", int64(i+1)), Type: f.Type, SchemaVersion: f.SchemaVersion, Data: f.Full})
	}
	want := credits.Fold(credits.New(), evs, int64(len(evs)))
	if want.ID != "ID" || len(want.Presentations) != 1 || len(want.Amendments) == 0 || want.Transfer == nil {
		t.Fatalf("the golden events fold into %+v: not one credit with a presentation, an amendment and a transfer", want)
	}
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			es := open(t)
			if _, err := es.Append(ctx, stream("ID"), eventstore.ExpectNoStream, stored); err != nil {
				t.Fatal(err)
			}
			got, err := NewRepository(es).Get(ctx, "ID")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, everyField); diff != "" {
				t.Errorf("the golden stream loads into another credit than the domain folds from its events (-folded +loaded):\n%s", diff)
			}
		})
	}
}
