package adapters

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// metaStream holds the index's identity. (Trade streams are "ledger-index/<trade>": no trade ID
// can name this one.)
const metaStream = "ledger-index-meta"

// ID is the index's identity, created with it. The indexer's consumer groups carry it, so the
// Kafka offsets committed always belong to this very index: an index that is wiped gets a new
// ID, a new group, and reads every topic from the start again, instead of resuming where the
// lost index stopped and then taking the events it never saw for forgeries.
func (s IndexStore) ID(ctx context.Context) (string, error) {
	for range 3 {
		evs, err := s.Store.ReadStream(ctx, metaStream, 1)
		if err != nil {
			return "", err
		}
		if len(evs) > 0 {
			var meta struct{ ID string }
			if err := json.Unmarshal(evs[0].Data, &meta); err != nil || meta.ID == "" {
				return "", fmt.Errorf("index identity %s: %q", metaStream, evs[0].Data)
			}
			return meta.ID, nil
		}
		var b [6]byte
		_, _ = rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		data, _ := json.Marshal(struct{ ID string }{id})
		_, err = s.Store.Append(ctx, metaStream, eventstore.ExpectNoStream,
			[]eventstore.NewEvent{{ID: metaStream + "/" + id, Type: "ledgeragent.index_created", SchemaVersion: 1, Data: data}})
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, eventstore.ErrConcurrencyConflict) {
			return "", err
		}
		// Another process created it first: read theirs.
	}
	return "", errors.New("index identity: could not be created")
}
