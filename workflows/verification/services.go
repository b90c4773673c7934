package verification

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/ThreeDotsLabs/watermill/message"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// ReadServiceStore reads the integration events a service committed, from the outbox of its
// PostgreSQL event store (events/eventsourcing/sqlstore: each message written in the same
// transaction as the domain events it reports, and kept once sent), by trade in commit order.
// tradeID "" reads every trade's. It only reads: a SELECT in a read-only transaction.
func ReadServiceStore(ctx context.Context, dsn, tradeID string) (map[string][]Event, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("service store: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	rows, err := tx.QueryContext(ctx, `SELECT message_id, payload, headers FROM outbox WHERE $1 = '' OR key = $1 ORDER BY seq`, tradeID)
	if err != nil {
		return nil, fmt.Errorf("service store: read outbox: %w", err)
	}
	defer rows.Close()
	out := map[string][]Event{}
	for rows.Next() {
		var id, headers string
		var payload []byte
		if err := rows.Scan(&id, &payload, &headers); err != nil {
			return nil, err
		}
		m := message.NewMessage(id, payload)
		if err := json.Unmarshal([]byte(headers), &m.Metadata); err != nil {
			return nil, fmt.Errorf("service store: message %s headers: %w", id, err)
		}
		if e, trade, ok := fromMessage(m); ok {
			out[trade] = append(out[trade], e)
		}
	}
	return out, rows.Err()
}
