package eventstore

import (
	"context"
	"time"
)

// Subscribe delivers every event after position `after` to handle, in position order, first
// catching up on history and then polling for new events every interval, until ctx ends or
// handle fails. Projections keep the last handled position and resume from it after a
// restart. (Polling keeps both backends alike; PostgreSQL's LISTEN/NOTIFY could wake it sooner.)
func Subscribe(ctx context.Context, s Store, after int64, interval time.Duration, handle func(Event) error) error {
	for {
		batch, err := s.ReadAll(ctx, after, 500)
		if err != nil {
			return err
		}
		for _, e := range batch {
			if err := handle(e); err != nil {
				return err
			}
			after = e.Position
		}
		if len(batch) == 500 {
			continue // more history waiting
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(interval):
		}
	}
}
