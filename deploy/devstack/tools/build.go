package tools

import (
	"fmt"
	"sync"
	"time"
)

// progressEvery is how often a build running for minutes says it is still at work.
const progressEvery = 30 * time.Second

// build installs a tool into dir (installDir), telling p when it starts, every progressEvery
// while it runs, and when it is done: a first run builds tools for minutes on end, and must never
// look stalled. name is the tool and its version ("temporal CLI v1.5.1"); about is what the first
// line says of the build.
func build(p Progress, name, about, dir string, f func(tmp string) error) error {
	p("%s: %s", name, about)
	start := time.Now()
	stop := heartbeat(p, name, start, progressEvery)
	err := installDir(dir, f)
	stop()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	p("%s: built in %s", name, since(start))
	return nil
}

// heartbeat tells p every interval that name is still building, until the returned stop is
// called; p hears nothing more once stop has returned.
func heartbeat(p Progress, name string, start time.Time, every time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				p("%s: still building (%s so far)", name, since(start))
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}
