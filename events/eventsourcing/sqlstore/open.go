package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// Store is the SQL event store.
type Store struct {
	db       *sql.DB
	d        dialect
	prepared *statements // SQLite's
}

var _ eventstore.Store = (*Store)(nil)

// OpenSQLite opens (creating if needed) a SQLite event store at path. WAL lets readers run
// beside the writer; a single connection serialises writers, and BEGIN IMMEDIATE takes the write
// lock at the start of a transaction instead of failing halfway.
func OpenSQLite(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	dsn := "file:" + path + "?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s, err := open(ctx, db, sqliteDialect)
	if err != nil {
		return nil, err
	}
	if err := s.prepared.prepare(ctx, sqliteStatements()...); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("sqlite %s: prepare: %w", path, err)
	}
	return s, nil
}

// The PostgreSQL pool: at most maxPostgresConns connections, each closed after maxIdleTime unused.
const (
	maxPostgresConns = 20
	maxIdleTime      = 5 * time.Minute
)

// OpenPostgres opens a PostgreSQL event store (the schema is created if missing).
func OpenPostgres(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	// As many kept idle as may be open: database/sql keeps two by default and closes every
	// other connection as it comes back, so each burst of requests connected again, a new
	// PostgreSQL backend (a fork) each time, its statements prepared again
	// (TestPostgresKeepsItsConnections). An idle one is closed after maxIdleTime instead.
	db.SetMaxOpenConns(maxPostgresConns)
	db.SetMaxIdleConns(maxPostgresConns)
	db.SetConnMaxIdleTime(maxIdleTime)
	return open(ctx, db, postgres)
}

func open(ctx context.Context, db *sql.DB, d dialect) (*Store, error) {
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", d.name, err)
	}
	if err := d.migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: create schema: %w", d.name, err)
	}
	return &Store{db: db, d: d, prepared: newStatements(db)}, nil
}

// DB is the underlying database, for the plain-INSERT benchmark baseline.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error {
	s.prepared.close()
	return s.db.Close()
}
