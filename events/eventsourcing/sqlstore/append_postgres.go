package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// appendFunction is PostgreSQL's append: one call, so one round trip and (outside an inbox
// transaction) one implicit transaction, instead of BEGIN, lock, INSERT, outbox INSERTs and
// COMMIT each waiting on the network. The advisory lock is its first statement and is held until
// the calling transaction commits, so positions are drawn only under the lock and become visible
// in commit order: a reader of "everything after position N" never misses an event that commits
// later with a lower position. (Taking the lock inside a CTE of the insert itself let the
// conformance suite's global-order test catch a skipped event: a statement's plan does not
// promise to take the lock before drawing positions; a function's statements run in order.)
// Under the lock the version check is exact, so it is a comparison, not a constraint violation.
const appendFunction = `
CREATE OR REPLACE FUNCTION tradefin_append(
	p_stream text, p_expected bigint, p_ids text[], p_types text[], p_svs int[], p_data bytea[], p_md text[], p_at timestamptz,
	p_msg_ids text[], p_topics text[], p_keys text[], p_payloads bytea[], p_headers text[],
	OUT new_version bigint, OUT appended boolean)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(7265830); -- 7265830: "tradefin events", any fixed key
	SELECT COALESCE(MAX(e.version), 0) INTO new_version FROM events e WHERE e.stream_id = p_stream;
	IF p_expected >= 0 AND new_version <> p_expected THEN
		appended := false;
		RETURN;
	END IF;
	INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at)
	SELECT p_stream, new_version + x.n, x.id, x.type, x.sv, x.data, x.md, p_at
	FROM unnest(p_ids, p_types, p_svs, p_data, p_md) WITH ORDINALITY AS x(id, type, sv, data, md, n)
	ORDER BY x.n;
	new_version := new_version + cardinality(p_ids);
	IF cardinality(p_msg_ids) > 0 THEN
		INSERT INTO outbox (message_id, topic, key, payload, headers)
		SELECT m.id, m.topic, m.key, m.payload, m.headers
		FROM unnest(p_msg_ids, p_topics, p_keys, p_payloads, p_headers) WITH ORDINALITY AS m(id, topic, key, payload, headers, n)
		ORDER BY m.n;
	END IF;
	appended := true;
END $$;`

// appendPostgres appends events and outbox messages (already validated) in one call.
func appendPostgres(ctx context.Context, q queryRower, streamID string, expected int64, events []eventstore.NewEvent, outbox []eventstore.OutboxMessage) (int64, error) {
	n := len(events)
	ids, types, mds := make([]string, n), make([]string, n), make([]string, n)
	svs, data := make([]int32, n), make([][]byte, n)
	for i, e := range events {
		md, err := json.Marshal(e.Metadata)
		if err != nil {
			return 0, err
		}
		ids[i], types[i], svs[i], data[i], mds[i] = e.ID, e.Type, int32(e.SchemaVersion), e.Data, string(md)
	}
	m := len(outbox)
	msgIDs, topics, keys, headers, payloads := make([]string, m), make([]string, m), make([]string, m), make([]string, m), make([][]byte, m)
	for i, o := range outbox {
		h, err := json.Marshal(o.Headers)
		if err != nil {
			return 0, err
		}
		msgIDs[i], topics[i], keys[i], payloads[i], headers[i] = o.ID, o.Topic, o.Key, o.Payload, string(h)
	}
	var version int64
	var appended bool
	err := q.QueryRowContext(ctx, `SELECT new_version, appended FROM tradefin_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		streamID, expected, ids, types, svs, data, mds, time.Now().UTC(), msgIDs, topics, keys, payloads, headers).Scan(&version, &appended)
	if err != nil {
		return 0, postgresAppendError(streamID, expected, err)
	}
	if !appended {
		return 0, &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: version}
	}
	return version, nil
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// postgresAppendError names a unique-key violation by its key: a replayed event or message ID is
// a duplicate; (stream, version) cannot be violated under the lock, but if it ever were it would
// be another writer's version, a conflict.
func postgresAppendError(streamID string, expected int64, err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "23505" {
		return fmt.Errorf("append to %q: %w", streamID, err)
	}
	switch pe.ConstraintName {
	case "events_event_id_key":
		return fmt.Errorf("%w (stream %s)", eventstore.ErrDuplicateEvent, streamID)
	case "outbox_message_id_key":
		return fmt.Errorf("%w: outbox message (stream %s): %s", eventstore.ErrDuplicateEvent, streamID, pe.Detail)
	}
	return &eventstore.ConflictError{StreamID: streamID, Expected: expected, Actual: -1}
}
