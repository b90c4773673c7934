package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
)

func main() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "prof")
	defer os.RemoveAll(dir)
	s, err := sqlstore.OpenSQLite(ctx, filepath.Join(dir, "b.db"))
	if err != nil { panic(err) }
	db := s.DB()
	db.Exec(`CREATE TABLE bench_plain (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, version BIGINT NOT NULL, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, version))`)
	const n = 5000
	f, _ := os.Create("/tmp/eskit-sqlite.prof")
	pprof.StartCPUProfile(f)
	for r := 0; r < 2; r++ {
		st := time.Now()
		stream := "b-" + watermill.NewShortUUID()
		for v := range n {
			ev := []eventstore.NewEvent{{ID: watermill.NewUUID(), Type: "bench.Event", SchemaVersion: 1, Data: []byte(`{"amount":{"minor":100000,"currency":"EUR"}}`), Metadata: eventstore.Metadata{CorrelationID: "bench", Actor: "bench"}}}
			if _, err := s.Append(ctx, stream, int64(v), ev); err != nil { panic(err) }
		}
		a := time.Since(st)
		st = time.Now()
		plain(ctx, db, n)
		p := time.Since(st)
		fmt.Printf("append %v plain %v ratio %.2f\n", a, p, p.Seconds()/a.Seconds())
	}
	pprof.StopCPUProfile()
}

func plain(ctx context.Context, db *sql.DB, n int) {
	stream := "p-" + watermill.NewShortUUID()
	for v := range n {
		if _, err := db.ExecContext(ctx, `INSERT INTO bench_plain (stream_id, version, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)`, stream, v+1, watermill.NewUUID(), "bench.Event", `{"amount":{"minor":100000,"currency":"EUR"}}`, `{"correlationId":"bench","actor":"bench"}`); err != nil { panic(err) }
	}
}
