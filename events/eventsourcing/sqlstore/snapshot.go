package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// SaveSnapshot stores (or replaces with a newer) snapshot of a stream.
func (s *Store) SaveSnapshot(ctx context.Context, snap eventstore.Snapshot) error {
	_, err := s.db.ExecContext(ctx, s.d.q(`INSERT INTO snapshots (stream_id, version, data) VALUES (?, ?, ?)
		ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, data = excluded.data
		WHERE excluded.version > snapshots.version`), snap.StreamID, snap.Version, snap.Data)
	if err != nil {
		return fmt.Errorf("save snapshot of %q: %w", snap.StreamID, err)
	}
	return nil
}

// LoadSnapshot returns the stream's snapshot, if any.
func (s *Store) LoadSnapshot(ctx context.Context, streamID string) (eventstore.Snapshot, bool, error) {
	snap := eventstore.Snapshot{StreamID: streamID}
	err := s.db.QueryRowContext(ctx, s.d.q(`SELECT version, data FROM snapshots WHERE stream_id = ?`), streamID).Scan(&snap.Version, &snap.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return eventstore.Snapshot{}, false, nil
	}
	if err != nil {
		return eventstore.Snapshot{}, false, fmt.Errorf("load snapshot of %q: %w", streamID, err)
	}
	return snap, true, nil
}
