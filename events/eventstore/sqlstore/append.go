package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/eventstore"
)

// tx is one database transaction of the store.
type tx struct {
	tx     *sql.Tx
	d      dialect
	locked bool
}

// Append appends in a transaction of its own.
func (s *Store) Append(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error) {
	var v int64
	err := s.inTx(ctx, func(t *tx) error {
		var err error
		v, err = t.Append(ctx, streamID, expected, events, outbox...)
		return err
	})
	return v, err
}

func (s *Store) inTx(ctx context.Context, fn func(*tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", s.d.name, err)
	}
	if err := fn(&tx{tx: sqlTx, d: s.d}); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", s.d.name, err)
	}
	return nil
}

// Append checks the stream's version and inserts the events and outbox messages.
func (t *tx) Append(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error) {
	if err := eventstore.Validate(streamID, expected, events); err != nil {
		return 0, err
	}
	if t.d.lockAppends != "" && !t.locked {
		if _, err := t.tx.ExecContext(ctx, t.d.lockAppends); err != nil {
			return 0, fmt.Errorf("lock appends: %w", err)
		}
		t.locked = true
	}
	var current int64
	err := t.tx.QueryRowContext(ctx, t.d.q(`SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?`), streamID).Scan(&current)
	if err != nil {
		return 0, fmt.Errorf("read stream %q version: %w", streamID, err)
	}
	if expected != eventstore.ExpectAny && expected != current {
		return 0, &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: current}
	}
	now := time.Now().UTC()
	insert := t.d.q(`INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	for i, e := range events {
		md, err := json.Marshal(e.Metadata)
		if err != nil {
			return 0, err
		}
		_, err = t.tx.ExecContext(ctx, insert, streamID, current+int64(i)+1, e.ID, e.Type, e.SchemaVersion, e.Data, string(md), t.timeValue(now))
		if err != nil {
			if t.d.isUnique(err) {
				// A replayed event ID, or a writer that won the race for this version.
				if strings.Contains(err.Error(), "event_id") {
					return 0, fmt.Errorf("%w: %s", eventstore.ErrDuplicateEvent, e.ID)
				}
				return 0, &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: -1}
			}
			return 0, fmt.Errorf("append to %q: %w", streamID, err)
		}
	}
	if err := t.writeOutbox(ctx, outbox); err != nil {
		return 0, err
	}
	return current + int64(len(events)), nil
}

func (t *tx) writeOutbox(ctx context.Context, msgs []eventstore.OutboxMessage) error {
	insert := t.d.q(`INSERT INTO outbox (message_id, topic, key, payload, headers) VALUES (?, ?, ?, ?, ?)`)
	for _, m := range msgs {
		if m.ID == "" || m.Topic == "" {
			return fmt.Errorf("%w: outbox message needs an ID and a topic", eventstore.ErrInvalid)
		}
		h, err := json.Marshal(m.Headers)
		if err != nil {
			return err
		}
		if _, err := t.tx.ExecContext(ctx, insert, m.ID, m.Topic, m.Key, m.Payload, string(h)); err != nil {
			if t.d.isUnique(err) {
				return fmt.Errorf("%w: outbox message %s", eventstore.ErrDuplicateEvent, m.ID)
			}
			return fmt.Errorf("write outbox: %w", err)
		}
	}
	return nil
}

// timeValue stores times as timestamptz on PostgreSQL and RFC 3339 text on SQLite.
func (t *tx) timeValue(at time.Time) any {
	if t.d.name == "postgres" {
		return at
	}
	return at.Format(time.RFC3339Nano)
}
