package aggregate

import (
	"context"
	"encoding/json"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// snapshotEnvelope is the stored snapshot: the state with its format's version.
type snapshotEnvelope struct {
	Format int             `json:"format"`
	State  json.RawMessage `json:"state"`
}

// fromSnapshot returns the state to replay onto and the version it stands at: the latest
// snapshot's, or the empty state at version 0 when there is none, it is of another format, or
// the streams cannot hold snapshots.
func (r Repository[A, E]) fromSnapshot(ctx context.Context, stream string) (A, int64, error) {
	snaps, ok := r.streams.(snapshotStore)
	spec := r.spec.Snapshots
	if !ok || spec == nil {
		return r.spec.New(), 0, nil
	}
	snap, found, err := snaps.LoadSnapshot(ctx, stream)
	if err != nil || !found {
		return r.spec.New(), 0, err
	}
	var env snapshotEnvelope
	if json.Unmarshal(snap.Data, &env) != nil || env.Format != spec.Version {
		return r.spec.New(), 0, nil // an old or unreadable snapshot costs a full replay, not an error
	}
	state, err := spec.Decode(env.State)
	if err != nil {
		return r.spec.New(), 0, nil
	}
	return state, snap.Version, nil
}

// snapshot stores the state when the save crossed a multiple of Every. A snapshot is only a
// shortcut: failing to write one leaves loading correct (it replays more), so the error is
// dropped rather than failing a save whose events are already committed.
func (r Repository[A, E]) snapshot(ctx context.Context, stream string, agg A, from, to int64) {
	snaps, ok := r.streams.(snapshotStore)
	spec := r.spec.Snapshots
	if !ok || spec == nil || spec.Every <= 0 || to/spec.Every == from/spec.Every {
		return
	}
	state, err := spec.Encode(agg)
	if err != nil {
		return
	}
	data, err := json.Marshal(snapshotEnvelope{Format: spec.Version, State: state})
	if err != nil {
		return
	}
	_ = snaps.SaveSnapshot(ctx, eventstore.Snapshot{StreamID: stream, Version: to, Data: data})
}
