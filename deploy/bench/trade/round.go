package trade

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// round runs job(i) for each i in [0, n), inFlight at a time: each of inFlight workers takes the
// next i until none is left or one of its jobs fails. newWorker makes a worker's job, once a
// worker, for the state it keeps (a walk's client). It returns how long the round took and the
// first error.
func round(ctx context.Context, n, inFlight int, newWorker func() func(i int) error) (time.Duration, error) {
	var next atomic.Int64
	errs := make(chan error, inFlight)
	var wg sync.WaitGroup
	start := time.Now()
	for range inFlight {
		wg.Go(func() {
			job := newWorker()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				if err := job(i); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	select {
	case err := <-errs:
		return elapsed, err
	default:
		return elapsed, nil
	}
}
