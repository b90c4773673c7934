package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ThreeDotsLabs/watermill"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
)

// benchStores measures, on SQLite and on PostgreSQL: appends to one stream with the
// optimistic-concurrency check, appends spread over many streams by concurrent writers, and a
// plain INSERT loop into a table of the same shape and the same unique keys (global position,
// event ID, stream and version) — the floor any event store with those guarantees pays. What
// the ratio shows is the cost of the version check, the append lock and the metadata: an append
// makes as many round trips as the plain INSERT (on PostgreSQL one call of the store's append
// function, on SQLite one prepared statement), so the ratio measures the work, not the chatter.
func benchStores(ctx context.Context, n, rounds int) ([]result, []comparison, error) {
	dir, err := os.MkdirTemp("", "tradefin-bench-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(dir)
	backends := []struct {
		name string
		open func() (*sqlstore.Store, error)
	}{
		{"sqlite", func() (*sqlstore.Store, error) {
			return sqlstore.OpenSQLite(ctx, filepath.Join(dir, "bench.db"))
		}},
	}
	if dsn := os.Getenv("TRADEFIN_POSTGRES_DSN"); dsn != "" {
		backends = append(backends, struct {
			name string
			open func() (*sqlstore.Store, error)
		}{"postgres", func() (*sqlstore.Store, error) { return sqlstore.OpenPostgres(ctx, dsn) }})
	} else {
		return nil, nil, fmt.Errorf("TRADEFIN_POSTGRES_DSN is not set: run through `make bench`, which starts the test stack")
	}
	var out []result
	var comps []comparison
	for _, b := range backends {
		s, err := b.open()
		if err != nil {
			return nil, nil, err
		}
		if _, err := s.DB().ExecContext(ctx, plainTable(b.name)); err != nil {
			return nil, nil, err
		}
		single, err := median(rounds, func() (time.Duration, error) { return appendOneStream(ctx, s, n) })
		if err != nil {
			return nil, nil, err
		}
		many, err := median(rounds, func() (time.Duration, error) { return appendManyStreams(ctx, s, n) })
		if err != nil {
			return nil, nil, err
		}
		plain, err := median(rounds, func() (time.Duration, error) { return plainInserts(ctx, s.DB(), b.name, n) })
		if err != nil {
			return nil, nil, err
		}
		_ = s.Close()
		names := [3]string{b.name + " append, one stream (version checked)", b.name + " append, 8 writers x own stream", b.name + " plain INSERT loop"}
		out = append(out,
			result{group: "store", name: names[0], ops: n, elapsed: single},
			result{group: "store", name: names[1], ops: n, elapsed: many},
			result{group: "store", name: names[2], ops: n, elapsed: plain})
		comps = append(comps, comparison{"append_vs_insert_" + b.name, names[0], names[2]})
	}
	return out, comps, nil
}

func event() []eventstore.NewEvent {
	return []eventstore.NewEvent{{ID: watermill.NewUUID(), Type: "bench.Event", SchemaVersion: 1, Data: []byte(`{"amount":{"minor":100000,"currency":"EUR"}}`),
		Metadata: eventstore.Metadata{CorrelationID: "bench", Actor: "bench"}}}
}

func appendOneStream(ctx context.Context, s *sqlstore.Store, n int) (time.Duration, error) {
	stream := "bench-" + watermill.NewShortUUID()
	start := time.Now()
	for v := range n {
		if _, err := s.Append(ctx, stream, int64(v), event()); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

func appendManyStreams(ctx context.Context, s *sqlstore.Store, n int) (time.Duration, error) {
	const writers = 8
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stream := "bench-" + watermill.NewShortUUID()
			for v := range n / writers {
				if _, err := s.Append(ctx, stream, int64(v), event()); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return time.Since(start), <-errs
}

func plainInserts(ctx context.Context, db *sql.DB, dialect string, n int) (time.Duration, error) {
	q := `INSERT INTO bench_plain (stream_id, version, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)`
	if dialect == "postgres" {
		q = `INSERT INTO bench_plain (stream_id, version, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)`
	}
	stream := "plain-" + watermill.NewShortUUID()
	start := time.Now()
	for v := range n {
		e := event()[0]
		if _, err := db.ExecContext(ctx, q, stream, v+1, e.ID, e.Type, string(e.Data), `{"correlationId":"bench","actor":"bench"}`); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

// plainTable is the events table's shape with its keys, without the store's logic.
func plainTable(dialect string) string {
	pk := "position INTEGER PRIMARY KEY AUTOINCREMENT"
	if dialect == "postgres" {
		pk = "position BIGSERIAL PRIMARY KEY"
	}
	return `CREATE TABLE IF NOT EXISTS bench_plain (` + pk + `, stream_id TEXT NOT NULL, version BIGINT NOT NULL,
		event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
		UNIQUE (stream_id, version))`
}
