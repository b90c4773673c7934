// Package sqlstore implements the event store on SQL databases: SQLite (pure Go, the embedded
// default) and PostgreSQL (production). One implementation, two dialects: the SQL differs in
// placeholders, types and how appends are serialised, not in logic.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

type dialect struct {
	name   string
	schema string
	// migrateLock, if set, serialises schema creation among stores opening the same database at
	// once (concurrent CREATE OR REPLACE FUNCTION fails with "tuple concurrently updated").
	migrateLock string
	placeholder func(n int) string
	// isUnique reports a unique-constraint violation.
	isUnique func(error) bool
}

var postgres = dialect{
	name: "postgres",
	schema: `
CREATE TABLE IF NOT EXISTS events (
	position       BIGSERIAL PRIMARY KEY,
	stream_id      TEXT NOT NULL,
	version        BIGINT NOT NULL,
	event_id       TEXT NOT NULL UNIQUE,
	type           TEXT NOT NULL,
	schema_version INTEGER NOT NULL,
	data           BYTEA NOT NULL,
	metadata       TEXT NOT NULL,
	recorded_at    TIMESTAMPTZ NOT NULL,
	UNIQUE (stream_id, version)
);
CREATE TABLE IF NOT EXISTS snapshots (
	stream_id TEXT PRIMARY KEY,
	version   BIGINT NOT NULL,
	data      BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
	seq        BIGSERIAL PRIMARY KEY,
	message_id TEXT NOT NULL UNIQUE,
	topic      TEXT NOT NULL,
	key        TEXT NOT NULL,
	payload    BYTEA NOT NULL,
	headers    TEXT NOT NULL,
	sent       BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (seq) WHERE NOT sent;
CREATE TABLE IF NOT EXISTS inbox (
	consumer   TEXT NOT NULL,
	message_id TEXT NOT NULL,
	PRIMARY KEY (consumer, message_id)
);` + appendFunction,
	migrateLock: `SELECT pg_advisory_xact_lock(7265831)`, // the append lock's key + 1
	placeholder: func(n int) string { return "$" + strconv.Itoa(n) },
	isUnique: func(err error) bool {
		var pe *pgconn.PgError
		return errors.As(err, &pe) && pe.Code == "23505"
	},
}

var sqliteDialect = dialect{
	name: "sqlite",
	schema: `
CREATE TABLE IF NOT EXISTS events (
	position       INTEGER PRIMARY KEY AUTOINCREMENT,
	stream_id      TEXT NOT NULL,
	version        INTEGER NOT NULL,
	event_id       TEXT NOT NULL UNIQUE,
	type           TEXT NOT NULL,
	schema_version INTEGER NOT NULL,
	data           BLOB NOT NULL,
	metadata       TEXT NOT NULL,
	recorded_at    TEXT NOT NULL,
	UNIQUE (stream_id, version)
);
CREATE TABLE IF NOT EXISTS snapshots (
	stream_id TEXT PRIMARY KEY,
	version   INTEGER NOT NULL,
	data      BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	message_id TEXT NOT NULL UNIQUE,
	topic      TEXT NOT NULL,
	key        TEXT NOT NULL,
	payload    BLOB NOT NULL,
	headers    TEXT NOT NULL,
	sent       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (seq) WHERE sent = 0;
CREATE TABLE IF NOT EXISTS inbox (
	consumer   TEXT NOT NULL,
	message_id TEXT NOT NULL,
	PRIMARY KEY (consumer, message_id)
);`,
	// SQLite has one writer at a time: the store's single connection (BEGIN IMMEDIATE via
	// _txlock) serialises appends, and with them the drawing of positions.
	placeholder: func(int) string { return "?" },
	isUnique: func(err error) bool {
		var se *sqlite.Error
		return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
	},
}

// q rewrites ? placeholders for the dialect.
func (d dialect) q(query string) string {
	if d.name != "postgres" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString(d.placeholder(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// migrate creates the schema (idempotent).
func (d dialect) migrate(ctx context.Context, db *sql.DB) error {
	if d.migrateLock == "" {
		_, err := db.ExecContext(ctx, d.schema)
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, d.migrateLock); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, d.schema); err != nil {
		return err
	}
	return tx.Commit()
}
