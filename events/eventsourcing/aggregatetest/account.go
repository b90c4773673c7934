package aggregatetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
)

// account is the test aggregate: opened once, then deposits that may not exceed a limit.
type account struct {
	ID, Owner string
	Balance   int64
	Version   int64
	changes   []event
}

type event interface{ isEvent() }

type (
	opened    struct{ ID, Owner string }
	deposited struct{ Amount int64 }
)

func (opened) isEvent()    {}
func (deposited) isEvent() {}

var errOverLimit = errors.New("over the limit")

func (a *account) deposit(n, limit int64) error {
	if a.Balance+n > limit {
		return errOverLimit
	}
	a.record(deposited{Amount: n})
	return nil
}

func (a *account) record(e event) { a.apply(e); a.changes = append(a.changes, e) }

func (a *account) apply(e event) {
	switch e := e.(type) {
	case opened:
		a.ID, a.Owner = e.ID, e.Owner
	case deposited:
		a.Balance += e.Amount
	}
}

// The stored formats. depositedV2 renamed v1's "amount" to "minor".
type (
	openedRecord struct {
		ID    string `json:"id"`
		Owner string `json:"owner"`
	}
	depositedRecord struct {
		Minor int64 `json:"minor"`
	}
)

func (r openedRecord) Event() event    { return opened(r) }
func (r depositedRecord) Event() event { return deposited{Amount: r.Minor} }

var formats = func() *eventstore.Registry {
	r := eventstore.NewRegistry()
	r.Register("test.Opened", openedRecord{})
	r.Register("test.Deposited", depositedRecord{}, eventstore.RenameField("amount", "minor"))
	return r
}()

func toRecord(e event) (aggregate.Record[event], error) {
	switch e := e.(type) {
	case opened:
		return openedRecord(e), nil
	case deposited:
		return depositedRecord{Minor: e.Amount}, nil
	}
	return nil, fmt.Errorf("no stored format for %T", e)
}

func accounts(snapshotEvery int64) *aggregate.Spec[*account, event] {
	spec := &aggregate.Spec[*account, event]{
		Service:  "test",
		Stream:   func(id string) string { return "account-" + id },
		Formats:  formats,
		ToRecord: toRecord,
		New:      func() *account { return &account{} },
		Fold: func(a *account, evs []event, v int64) *account {
			for _, e := range evs {
				a.apply(e)
			}
			a.Version = v
			return a
		},
		Changes: func(a *account) []event { return a.changes },
		Saved:   func(a *account, v int64) { a.Version, a.changes = v, nil },
		Metadata: func(_ context.Context, a *account, _ event) (eventstore.Metadata, error) {
			return eventstore.Metadata{CorrelationID: a.Owner}, nil
		},
		Outbox: func(_ context.Context, a *account, e event, id string) ([]eventstore.OutboxMessage, error) {
			if d, ok := e.(deposited); ok {
				return []eventstore.OutboxMessage{{ID: id, Topic: "test.deposits", Key: a.ID, Payload: fmt.Appendf(nil, `{"amount":%d}`, d.Amount)}}, nil
			}
			return nil, nil
		},
	}
	if snapshotEvery > 0 {
		spec.Snapshots = &aggregate.Snapshots[*account]{Every: snapshotEvery, Version: 1,
			Encode: func(a *account) ([]byte, error) { return json.Marshal(a) },
			Decode: func(b []byte) (*account, error) {
				a := &account{}
				return a, json.Unmarshal(b, a)
			}}
	}
	return spec
}

func newAccount(id, owner string) *account {
	a := &account{}
	a.record(opened{ID: id, Owner: owner})
	return a
}
