package platform

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"go.opentelemetry.io/otel"
)

// Metrics reach the OTLP endpoint, as spans do: the trade workflow's stuck-trade counter is
// worth nothing if no provider exports it.
func TestMetricsAreExportedOverOTLP(t *testing.T) {
	var metrics atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/metrics" {
			metrics.Add(1)
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", srv.URL)
	ctx := context.Background()
	shutdown, err := SetupTelemetry(ctx, "telemetry-test")
	if err != nil {
		t.Fatal(err)
	}
	c, err := otel.Meter("test").Int64UpDownCounter("tradefin.test.counter")
	if err != nil {
		t.Fatal(err)
	}
	c.Add(ctx, 1)
	if err := shutdown(ctx); err != nil { // flushes the periodic reader
		t.Fatal(err)
	}
	if metrics.Load() == 0 {
		t.Fatal("no metrics export reached the OTLP endpoint")
	}
}
