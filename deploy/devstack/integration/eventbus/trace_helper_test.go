//go:build !unit

package eventbus_test

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

func spanTraceID(ctx context.Context) string {
	return trace.SpanContextFromContext(ctx).TraceID().String()
}
