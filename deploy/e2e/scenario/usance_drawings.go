package scenario

import (
	"context"
	"slices"
	"strings"
)

// usanceDrawingOrder moves RunDrawings' payment of the first drawing (step 6) after the second
// drawing's honour (step 8): under a usance credit both drawings are honoured before the
// maturity, each its own undertaking, and each is paid once its maturity has come.
func usanceDrawingOrder(steps []struct {
	name string
	run  func(ctx context.Context) error
}) []struct {
	name string
	run  func(ctx context.Context) error
} {
	at := func(prefix string) int {
		return slices.IndexFunc(steps, func(s struct {
			name string
			run  func(ctx context.Context) error
		}) bool {
			return strings.HasPrefix(s.name, prefix)
		})
	}
	pay, second := at("6."), at("8.")
	out := slices.Clone(steps)
	out = slices.Delete(out, pay, pay+1)
	return slices.Insert(out, second, steps[pay])
}
