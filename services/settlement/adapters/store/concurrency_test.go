package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/tradefin/tradefin/services/settlement/domain"
)

// TestConcurrentStatusReports: the same ACSC delivered to several instances at once settles the
// payment exactly once; writers that lose the optimistic-concurrency race reload and find it final.
func TestConcurrentStatusReports(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			a, p := instructed(t, open(t))
			id := p.ID()
			rep := statusReport(p, "ACSC")
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, rep); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			got, err := a.Queries.Payment.Handle(ctx, nils, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != domain.StatusSettled || got.Version() != 3 {
				t.Fatalf("status %s version %d: settled more than once?", got.Status, got.Version())
			}
		})
	}
}
