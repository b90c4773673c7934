package trade

import (
	"slices"
	"time"
)

// latencies summarises a set of measured durations.
type latencies []time.Duration

// quantile is the q-quantile (0..1) by the nearest-rank method; 0 for an empty set.
func (l latencies) quantile(q float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

func (l latencies) p50() time.Duration { return l.quantile(0.50) }
func (l latencies) p95() time.Duration { return l.quantile(0.95) }
