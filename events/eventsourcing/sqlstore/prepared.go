package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// statements keeps SQLite's append statements prepared: parsing and planning the version-checked
// insert cost about as much as running it. (PostgreSQL needs none of this: pgx caches prepared
// statements per connection by itself.) The cache is bounded: maxPrepared distinct queries,
// beyond which a statement is run unprepared.
type statements struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

const maxPrepared = 64

func newStatements(db *sql.DB) *statements { return &statements{db: db, m: map[string]*sql.Stmt{}} }

// stmt returns q prepared (nil: not prepared, run it as it is). Inside a transaction (in set) a
// statement not prepared yet is not prepared then: SQLite's one connection is the
// transaction's, and preparing on the pool would wait for it forever.
func (c *statements) stmt(ctx context.Context, in *sql.Tx, q string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[q]; ok || in != nil || len(c.m) >= maxPrepared {
		return st, nil
	}
	st, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	c.m[q] = st
	return st, nil
}

// exec runs q in the transaction in (nil: on its own).
func (c *statements) exec(ctx context.Context, in *sql.Tx, q string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, in, q)
	switch {
	case err != nil:
		return nil, err
	case st == nil && in == nil:
		return c.db.ExecContext(ctx, q, args...)
	case st == nil:
		return in.ExecContext(ctx, q, args...)
	case in != nil:
		return in.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return st.ExecContext(ctx, args...)
}

// queryRow queries one row of q in the transaction in (nil: on its own).
func (c *statements) queryRow(ctx context.Context, in *sql.Tx, q string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, in, q)
	switch {
	case err != nil || st == nil:
		if in != nil {
			return in.QueryRowContext(ctx, q, args...)
		}
		return c.db.QueryRowContext(ctx, q, args...)
	case in != nil:
		return in.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// prepare prepares queries ahead, so those run inside transactions are prepared too.
func (c *statements) prepare(ctx context.Context, queries ...string) error {
	for _, q := range queries {
		if _, err := c.stmt(ctx, nil, q); err != nil {
			return err
		}
	}
	return nil
}

func (c *statements) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		_ = st.Close()
	}
	c.m = map[string]*sql.Stmt{}
}
