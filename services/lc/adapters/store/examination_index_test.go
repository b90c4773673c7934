package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// readsFrom records the position each ReadAll of the global log starts after.
type readsFrom struct {
	eventstore.Store
	after []int64
}

func (r *readsFrom) ReadAll(ctx context.Context, after int64, limit int) ([]eventstore.Event, error) {
	r.after = append(r.after, after)
	return r.Store.ReadAll(ctx, after, limit)
}

// TestExaminationIndexIsAProjection: the index of the examination queue follows the log from
// where its last query stopped, never from its start again; a credit with an undecided
// presentation awaits examination until each of its presentations is decided (honoured or
// refused), and stays among the credits with presentations (which a received MT734 refers to).
func TestExaminationIndexIsAProjection(t *testing.T) {
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			es := &readsFrom{Store: open(t)}
			repo, index := store.NewRepository(es), store.NewExaminationIndex(es)
			pol := domain.Policy{Calendars: calendars.Default()}
			at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
			for _, id := range []string{"LC-Q1", "LC-Q2"} {
				tm := terms()
				tm.Number, tm.PartialShipments = id, domain.Allowed
				lc, err := domain.Apply(id, "T-"+id, tm, pol.Calendars)
				if err != nil {
					t.Fatal(err)
				}
				if err := lc.Issue(domain.NewDate(2026, 11, 2), domain.Stamp{}, domain.FourEyes{}); err != nil {
					t.Fatal(err)
				}
				if err := repo.Create(ctx, lc); err != nil {
					t.Fatal(err)
				}
			}
			present := func(id, pid string) {
				t.Helper()
				amount := money.New(10_000_00, money.MustCurrency("EUR"))
				if _, err := repo.Update(ctx, id, func(lc *domain.LetterOfCredit) error {
					_, err := lc.Present(pid, domain.Presentation{Documents: []domain.Document{{Kind: domain.CommercialInvoice, Amount: &amount}}}, at, pol, nil)
					return err
				}); err != nil {
					t.Fatal(err)
				}
			}
			decide := func(id, pid string, d domain.ExaminationDecision) {
				t.Helper()
				if _, err := repo.Update(ctx, id, func(lc *domain.LetterOfCredit) error { return lc.DecideExamination(pid, d, at, pol) }); err != nil {
					t.Fatal(err)
				}
			}
			want := func(awaiting, presented []string) {
				t.Helper()
				es.after = nil
				got, err := index.CreditsAwaitingExamination(ctx)
				if err != nil || !slices.Equal(got, awaiting) {
					t.Fatalf("awaiting examination: %v %v, want %v", got, err, awaiting)
				}
				all, err := index.CreditsWithPresentations(ctx)
				if err != nil || !slices.Equal(all, presented) {
					t.Fatalf("with presentations: %v %v, want %v", all, err, presented)
				}
			}
			want(nil, nil)
			present("LC-Q2", "P-1")
			present("LC-Q1", "P-1")
			present("LC-Q1", "P-2")
			want([]string{"LC-Q2", "LC-Q1"}, []string{"LC-Q2", "LC-Q1"})
			caughtUp := es.after[0]
			if caughtUp == 0 {
				t.Fatal("the second query read the log from its start")
			}
			decide("LC-Q1", "P-1", domain.ExaminationDecision{Honour: true})
			want([]string{"LC-Q2", "LC-Q1"}, []string{"LC-Q2", "LC-Q1"})
			if es.after[0] < caughtUp {
				t.Fatalf("a query read the log from %d, after it had caught up to %d", es.after[0], caughtUp)
			}
			decide("LC-Q1", "P-2", domain.ExaminationDecision{Honour: true})
			decide("LC-Q2", "P-1", domain.ExaminationDecision{Disposal: domain.ReturnDocuments,
				Findings: []domain.Discrepancy{{Rule: "UCP 600 Art. 14(d)", Message: "data conflict"}}})
			want(nil, []string{"LC-Q2", "LC-Q1"})
			// A new index (a restarted service) rebuilds the same from the log.
			if got, err := store.NewExaminationIndex(es).CreditsWithPresentations(ctx); err != nil || !slices.Equal(got, []string{"LC-Q2", "LC-Q1"}) {
				t.Fatalf("rebuilt: %v %v", got, err)
			}
		})
	}
}
