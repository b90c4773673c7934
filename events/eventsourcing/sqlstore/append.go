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
	tx *sql.Tx
	s  *Store
}

// Append appends events with their outbox messages atomically. On PostgreSQL it is one call of
// the append function (append_postgres.go). On SQLite, without outbox messages, it is one
// prepared statement (its own transaction); with them, a transaction of that statement and the
// outbox inserts.
func (s *Store) Append(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error) {
	if err := validate(streamID, expected, events, outbox); err != nil {
		return 0, err
	}
	if s.d.name == "postgres" {
		return appendPostgres(ctx, s.db, streamID, expected, events, outbox)
	}
	if len(outbox) == 0 {
		return s.insertEvents(ctx, nil, streamID, expected, events)
	}
	var v int64
	err := s.inTx(ctx, func(t *tx) error {
		var err error
		v, err = t.appendValid(ctx, streamID, expected, events, outbox)
		return err
	})
	return v, err
}

func validate(streamID string, expected int64, events []eventstore.NewEvent, outbox []eventstore.OutboxMessage) error {
	if err := eventstore.Validate(streamID, expected, events); err != nil {
		return err
	}
	for _, m := range outbox {
		if m.ID == "" || m.Topic == "" {
			return fmt.Errorf("%w: outbox message needs an ID and a topic", eventstore.ErrInvalid)
		}
	}
	return nil
}

func (s *Store) inTx(ctx context.Context, fn func(*tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", s.d.name, err)
	}
	if err := fn(&tx{tx: sqlTx, s: s}); err != nil {
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
	if err := validate(streamID, expected, events, outbox); err != nil {
		return 0, err
	}
	return t.appendValid(ctx, streamID, expected, events, outbox)
}

func (t *tx) appendValid(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox []eventstore.OutboxMessage) (int64, error) {
	if t.s.d.name == "postgres" {
		return appendPostgres(ctx, t.tx, streamID, expected, events, outbox)
	}
	v, err := t.s.insertEvents(ctx, t.tx, streamID, expected, events)
	if err != nil {
		return 0, err
	}
	return v, t.writeOutbox(ctx, outbox)
}

// insertEvents appends on SQLite in ONE statement whose WHERE clause is the version check; a
// writer that raced it to the same version is turned into a conflict by the unique (stream_id,
// version) key, never into a gap or a duplicate. in is the transaction, or nil for a statement
// of its own.
func (s *Store) insertEvents(ctx context.Context, in *sql.Tx, streamID string, expected int64, events []eventstore.NewEvent) (int64, error) {
	at := time.Now().UTC().Format(time.RFC3339Nano)
	args := make([]any, 0, 3+7*len(events))
	args = append(args, streamID, streamID) // cur.s, and the stream whose version is read
	for i, e := range events {
		md, err := json.Marshal(e.Metadata)
		if err != nil {
			return 0, err
		}
		args = append(args, int64(i+1), e.ID, e.Type, e.SchemaVersion, e.Data, string(md), at)
	}
	if expected != eventstore.ExpectAny {
		args = append(args, expected)
	}
	res, err := s.prepared.exec(ctx, in, insertQuery(len(events), expected != eventstore.ExpectAny), args...)
	if err != nil {
		if s.d.isUnique(err) {
			// A replayed event ID, or a writer that won the race for this version.
			if strings.Contains(err.Error(), "event_id") {
				return 0, fmt.Errorf("%w (stream %s)", eventstore.ErrDuplicateEvent, streamID)
			}
			return 0, &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: -1}
		}
		return 0, fmt.Errorf("append to %q: %w", streamID, err)
	}
	if n, _ := res.RowsAffected(); n == int64(len(events)) && expected != eventstore.ExpectAny {
		return expected + int64(len(events)), nil
	}
	actual, err := s.currentVersion(ctx, in, streamID)
	if err != nil || expected == eventstore.ExpectAny {
		return actual, err
	}
	return 0, &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: actual}
}

// insertQuery is SQLite's append of n events, with or without the version check. A scalar
// subquery lets the database answer MAX(version) from the (stream_id, version) index instead of
// scanning the stream.
func insertQuery(n int, checked bool) string {
	rows := make([]string, n)
	for i := range rows {
		rows[i] = "SELECT ? AS n, ? AS id, ? AS type, ? AS sv, ? AS data, ? AS md, ? AS at"
	}
	check := "TRUE"
	if checked {
		check = "cur.v = ?"
	}
	return `INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at)
SELECT cur.s, cur.v + x.n, x.id, x.type, x.sv, x.data, x.md, x.at
FROM (SELECT ? AS s, (SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?) AS v) cur, (` + strings.Join(rows, " UNION ALL ") + `) x
WHERE ` + check
}

const (
	selectVersion = `SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?`
	insertOutbox  = `INSERT INTO outbox (message_id, topic, key, payload, headers) VALUES (?, ?, ?, ?, ?)`
)

// sqliteStatements are prepared when a SQLite store opens: the appends of one to four events
// (what a decision records), the version read and the outbox insert.
func sqliteStatements() []string {
	qs := []string{selectVersion, insertOutbox}
	for n := 1; n <= 4; n++ {
		qs = append(qs, insertQuery(n, true))
	}
	return qs
}

func (s *Store) currentVersion(ctx context.Context, in *sql.Tx, streamID string) (int64, error) {
	var v int64
	err := s.prepared.queryRow(ctx, in, selectVersion, streamID).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read stream %q version: %w", streamID, err)
	}
	return v, nil
}

func (t *tx) writeOutbox(ctx context.Context, msgs []eventstore.OutboxMessage) error {
	for _, m := range msgs {
		h, err := json.Marshal(m.Headers)
		if err != nil {
			return err
		}
		if _, err := t.s.prepared.exec(ctx, t.tx, insertOutbox, m.ID, m.Topic, m.Key, m.Payload, string(h)); err != nil {
			if t.s.d.isUnique(err) {
				return fmt.Errorf("%w: outbox message %s", eventstore.ErrDuplicateEvent, m.ID)
			}
			return fmt.Errorf("write outbox: %w", err)
		}
	}
	return nil
}
