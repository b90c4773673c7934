package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

const eventColumns = `position, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at`

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ReadStream returns the stream's events from version from on.
func (s *Store) ReadStream(ctx context.Context, streamID string, from int64) ([]eventstore.Event, error) {
	return readStream(ctx, s.db, s.d, streamID, from)
}

func (t *tx) ReadStream(ctx context.Context, streamID string, from int64) ([]eventstore.Event, error) {
	return readStream(ctx, t.tx, t.s.d, streamID, from)
}

func readStream(ctx context.Context, q querier, d dialect, streamID string, from int64) ([]eventstore.Event, error) {
	rows, err := q.QueryContext(ctx, d.q(`SELECT `+eventColumns+` FROM events WHERE stream_id = ? AND version >= ? ORDER BY version`), streamID, from)
	if err != nil {
		return nil, fmt.Errorf("read stream %q: %w", streamID, err)
	}
	return scanEvents(rows)
}

// ReadAll returns up to limit events after the global position.
func (s *Store) ReadAll(ctx context.Context, after int64, limit int) ([]eventstore.Event, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT `+eventColumns+` FROM events WHERE position > ? ORDER BY position LIMIT ?`), after, limit)
	if err != nil {
		return nil, fmt.Errorf("read all: %w", err)
	}
	return scanEvents(rows)
}

func scanEvents(rows *sql.Rows) ([]eventstore.Event, error) {
	defer rows.Close()
	var out []eventstore.Event
	for rows.Next() {
		var e eventstore.Event
		var md string
		var at any
		if err := rows.Scan(&e.Position, &e.StreamID, &e.Version, &e.ID, &e.Type, &e.SchemaVersion, &e.Data, &md, &at); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(md), &e.Metadata); err != nil {
			return nil, fmt.Errorf("%w: metadata of %s@%d: %v", eventstore.ErrCorruptEvent, e.StreamID, e.Version, err)
		}
		switch v := at.(type) {
		case time.Time:
			e.RecordedAt = v.UTC()
		case string:
			e.RecordedAt, _ = time.Parse(time.RFC3339Nano, v)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
