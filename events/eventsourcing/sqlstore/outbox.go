package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// PendingOutbox returns unsent messages in the order they were written.
func (s *Store) PendingOutbox(ctx context.Context, limit int) ([]eventstore.PendingMessage, error) {
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT seq, message_id, topic, key, payload, headers FROM outbox WHERE sent = `+s.falseValue()+` ORDER BY seq LIMIT ?`), limit)
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	defer rows.Close()
	var out []eventstore.PendingMessage
	for rows.Next() {
		var m eventstore.PendingMessage
		var h string
		if err := rows.Scan(&m.Seq, &m.ID, &m.Topic, &m.Key, &m.Payload, &h); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(h), &m.Headers); err != nil {
			return nil, fmt.Errorf("outbox message %s headers: %w", m.ID, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkSent records messages as published.
func (s *Store) MarkSent(ctx context.Context, seqs ...int64) error {
	if len(seqs) == 0 {
		return nil
	}
	args := make([]any, len(seqs))
	for i, v := range seqs {
		args[i] = v
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(seqs)), ",")
	_, err := s.db.ExecContext(ctx, s.d.q(`UPDATE outbox SET sent = `+s.trueValue()+` WHERE seq IN (`+marks+`)`), args...)
	if err != nil {
		return fmt.Errorf("mark outbox sent: %w", err)
	}
	return nil
}

func (s *Store) falseValue() string {
	if s.d.name == "postgres" {
		return "FALSE"
	}
	return "0"
}

func (s *Store) trueValue() string {
	if s.d.name == "postgres" {
		return "TRUE"
	}
	return "1"
}

// HandleOnce is the inbox: fn runs, in the same transaction that records messageID as handled
// by consumer, only the first time.
func (s *Store) HandleOnce(ctx context.Context, consumer, messageID string, fn func(ctx context.Context, tx eventstore.Tx) error) (bool, error) {
	ran := false
	err := s.inTx(ctx, func(t *tx) error {
		res, err := t.tx.ExecContext(ctx, s.d.q(`INSERT INTO inbox (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING`), consumer, messageID)
		if err != nil {
			return fmt.Errorf("inbox: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // handled before: a redelivery
		}
		ran = true
		return fn(ctx, t)
	})
	return ran && err == nil, err
}
