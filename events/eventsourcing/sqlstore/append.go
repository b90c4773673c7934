package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// tx is one database transaction of the store.
type tx struct {
	tx     *sql.Tx
	d      dialect
	locked bool
}

// Append appends events. On SQLite, without outbox messages, it is one statement (its own
// transaction). On PostgreSQL it is always a transaction that first takes the append lock: the
// lock must be held before the positions are drawn and until commit, so positions become visible
// in commit order. (Taking the lock inside the insert statement itself, in a CTE, let the
// conformance suite's global-order test catch a skipped event: the statement's plan does not
// promise to take the lock before drawing positions.)
func (s *Store) Append(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error) {
	if len(outbox) == 0 && s.d.lockAppends == "" {
		if err := eventstore.Validate(streamID, expected, events); err != nil {
			return 0, err
		}
		return insertEvents(ctx, s.db, s.d, streamID, expected, events)
	}
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
	v, err := insertEvents(ctx, t.tx, t.d, streamID, expected, events)
	if err != nil {
		return 0, err
	}
	return v, t.writeOutbox(ctx, outbox)
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// insertEvents appends in ONE statement whose WHERE clause is the version check; a writer that
// raced it to the same version is turned into a conflict by the unique (stream_id, version) key,
// never into a gap or a duplicate.
func insertEvents(ctx context.Context, db execer, d dialect, streamID string, expected int64, events []eventstore.NewEvent) (int64, error) {
	now := time.Now().UTC()
	var at any = now.Format(time.RFC3339Nano)
	if d.name == "postgres" {
		at = now
	}
	args := []any{streamID, streamID} // cur.s, and the stream whose version is read
	rows := make([]string, len(events))
	for i, e := range events {
		md, err := json.Marshal(e.Metadata)
		if err != nil {
			return 0, err
		}
		rows[i] = d.eventRow()
		args = append(args, int64(i+1), e.ID, e.Type, e.SchemaVersion, e.Data, string(md), at)
	}
	check := "TRUE"
	if expected != eventstore.ExpectAny {
		check = "cur.v = ?"
		args = append(args, expected)
	}
	// A scalar subquery lets the database answer MAX(version) from the (stream_id, version)
	// index instead of scanning the stream.
	cur := "SELECT ? AS s, (SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?) AS v"
	q := `INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at)
SELECT cur.s, cur.v + x.n, x.id, x.type, x.sv, x.data, x.md, x.at
FROM (` + cur + `) cur, (` + strings.Join(rows, " UNION ALL ") + `) x
WHERE ` + check
	res, err := db.ExecContext(ctx, d.q(q), args...)
	if err != nil {
		if d.isUnique(err) {
			// A replayed event ID, or a writer that won the race for this version.
			if strings.Contains(err.Error(), "event_id") {
				return 0, fmt.Errorf("%w (stream %s)", eventstore.ErrDuplicateEvent, streamID)
			}
			return 0, &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: -1}
		}
		return 0, fmt.Errorf("append to %q: %w", streamID, err)
	}
	if n, _ := res.RowsAffected(); n == int64(len(events)) {
		if expected == eventstore.ExpectAny {
			return currentVersion(ctx, db, d, streamID)
		}
		return expected + int64(len(events)), nil
	}
	actual, err := currentVersion(ctx, db, d, streamID)
	if err != nil {
		return 0, err
	}
	return 0, &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: actual}
}

func currentVersion(ctx context.Context, db execer, d dialect, streamID string) (int64, error) {
	var v int64
	err := db.QueryRowContext(ctx, d.q(`SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?`), streamID).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read stream %q version: %w", streamID, err)
	}
	return v, nil
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
