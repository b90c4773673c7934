package store_test

import (
	"context"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestIssuedStoredAsVersion1StillLoads: lc.Issued changed its stored format (v2 renamed IssueDate
// to issuedOn); a credit whose stream holds the v1 record, as streams written before the change
// do, loads with its issue date, on SQLite and on PostgreSQL; new saves write v2.
func TestIssuedStoredAsVersion1StillLoads(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			es := open(t)
			repo := store.NewRepository(es)
			lc, err := domain.Apply("LC-V1", "T-V1", terms(), calendars.Default())
			if err != nil {
				t.Fatal(err)
			}
			if err := repo.Create(ctx, lc); err != nil {
				t.Fatal(err)
			}
			v1 := eventstore.NewEvent{ID: store.EventID("LC-V1", 2), Type: "lc.Issued", SchemaVersion: 1,
				Data: []byte(`{"IssueDate":"2026-11-02","ApprovedBy":{"org":"ESSESESS","user":"astrid","client":"portal"}}`)}
			if _, err := es.Append(ctx, "lc-LC-V1", 1, []eventstore.NewEvent{v1}); err != nil {
				t.Fatal(err)
			}
			got, err := repo.Get(ctx, "LC-V1")
			if err != nil || got.Status != domain.StatusIssued || got.IssueDate != domain.NewDate(2026, 11, 2) || got.Version != 2 {
				t.Fatalf("credit with a v1 lc.Issued: %+v, %v", got, err)
			}
			if _, err := repo.Update(ctx, "LC-V1", func(lc *domain.LetterOfCredit) error { return lc.Advise("BCOMPTPL", domain.NewDate(2026, 11, 3)) }); err != nil {
				t.Fatal(err)
			}

			other, _ := domain.Apply("LC-V2", "T-V2", terms(), calendars.Default())
			if err := repo.Create(ctx, other); err != nil {
				t.Fatal(err)
			}
			if _, err := repo.Update(ctx, "LC-V2", func(lc *domain.LetterOfCredit) error {
				return lc.Issue(domain.NewDate(2026, 11, 5), domain.Stamp{}, domain.FourEyes{})
			}); err != nil {
				t.Fatal(err)
			}
			evs, err := es.ReadStream(ctx, "lc-LC-V2", 2)
			if err != nil || len(evs) != 1 || evs[0].SchemaVersion != 2 || string(evs[0].Data) != `{"issuedOn":"2026-11-05"}` {
				t.Fatalf("a new lc.Issued is stored as %+v, %v; want version 2", evs, err)
			}
		})
	}
}
