package recordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// updateGoldens rewrites the golden files from what the test stores. A golden is written once,
// from the code whose format it pins, and then only compared: rewriting it is changing the
// stored format, which needs a new schema version and an upcaster instead.
var updateGoldens = flag.Bool("update-goldens", false, "rewrite the golden stored streams (testdata) from this build")

// GoldenStream is a golden file: one stream as the event store holds it.
type GoldenStream struct {
	Stream string        `json:"stream"`
	Events []GoldenEvent `json:"events"`
}

// GoldenEvent is one stored event: its type, schema version and data, byte for byte.
type GoldenEvent struct {
	Type          string          `json:"type"`
	SchemaVersion int             `json:"schemaVersion"`
	Data          json.RawMessage `json:"data"`
}

// MatchGolden checks that stream, as stored in es, holds exactly the events of the golden file
// at path: the same types, schema versions and data bytes. With -update-goldens it writes the
// file instead.
func MatchGolden(t *testing.T, es eventstore.Store, stream, path string) {
	t.Helper()
	evs, err := es.ReadStream(context.Background(), stream, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := GoldenStream{Stream: stream}
	for _, e := range evs {
		got.Events = append(got.Events, GoldenEvent{Type: e.Type, SchemaVersion: e.SchemaVersion, Data: e.Data})
	}
	if *updateGoldens {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false) // the data as stored: an escape json.Marshal wrote stays as it is
		enc.SetIndent("", "  ")
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := ReadGolden(t, path)
	if want.Stream != stream || len(want.Events) != len(got.Events) {
		t.Fatalf("%s holds %d events, golden %s has %d of %s", stream, len(got.Events), path, len(want.Events), want.Stream)
	}
	for i, w := range want.Events {
		g := got.Events[i]
		if g.Type != w.Type || g.SchemaVersion != w.SchemaVersion || !bytes.Equal(g.Data, w.Data) {
			t.Errorf("%s event %d is stored as %s v%d %s\n  golden %s: %s v%d %s", stream, i+1, g.Type, g.SchemaVersion, g.Data, path, w.Type, w.SchemaVersion, w.Data)
		}
	}
}

// ReadGolden reads a golden file; each event's data is compacted back to the bytes stored.
func ReadGolden(t *testing.T, path string) GoldenStream {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g GoldenStream
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for i, e := range g.Events {
		var buf bytes.Buffer
		if err := json.Compact(&buf, e.Data); err != nil {
			t.Fatalf("%s event %d: %v", path, i+1, err)
		}
		g.Events[i].Data = buf.Bytes()
	}
	return g
}

// AppendGolden writes the golden file's stream into es exactly as it is stored (types, schema
// versions and data), as a build that wrote it would have, and returns the stream's ID. service
// names the event ID namespace (eventstore.EventID).
func AppendGolden(t *testing.T, es eventstore.Store, service, path string) string {
	t.Helper()
	g := ReadGolden(t, path)
	var evs []eventstore.NewEvent
	for i, e := range g.Events {
		evs = append(evs, eventstore.NewEvent{ID: eventstore.EventID(service, g.Stream, int64(i+1)), Type: e.Type,
			SchemaVersion: e.SchemaVersion, Data: e.Data})
	}
	if _, err := es.Append(context.Background(), g.Stream, eventstore.ExpectNoStream, evs); err != nil {
		t.Fatalf("append golden %s: %v", path, err)
	}
	return g.Stream
}
