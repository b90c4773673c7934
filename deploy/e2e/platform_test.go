//go:build !unit

package e2e_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/deploy/e2e/inprocess"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
)

// platform is every tradefin process of a real deployment (package inprocess), run in this test
// process on the test stack. In-process, so one span recorder sees every span.
type platform struct {
	*inprocess.Platform
	endpoints scenario.Endpoints
	spans     *tracetest.SpanRecorder
	brokers   []string
	// stores are the PostgreSQL databases of the services that run on one, by service name.
	stores map[string]string
}

// e2eNamespace is the Temporal namespace of every platform these tests start, made fresh once per
// test binary (inprocess.FreshNamespace): what a failed earlier run left open stops there, and
// tests of other modules on the stack's default namespace never meet these platforms' workers.
const e2eNamespace = "tradefin-e2e"

var namespaceReady struct {
	sync.Once
	err error
}

func startPlatform(t *testing.T, adjust ...func(*inprocess.Config)) *platform {
	t.Helper()
	temporal := testenv.TemporalAddress(t)
	namespaceReady.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		namespaceReady.err = inprocess.FreshNamespace(ctx, temporal, e2eNamespace)
	})
	if namespaceReady.err != nil {
		t.Fatal(namespaceReady.err)
	}
	spans := tracetest.NewSpanRecorder()
	otel.SetTracerProvider(sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(spans)))
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	stores := map[string]string{}
	cfg := inprocess.Config{
		KafkaBrokers: testenv.KafkaBrokers(t), KafkaSASL: testenv.KafkaSASL(t), Temporal: temporal, TemporalNamespace: e2eNamespace,
		FabricNetwork: testenv.FabricNetwork(t), Issuer: testenv.OIDCIssuer(t), Audience: testenv.OIDCAudience(t),
		PostgresDSN: func(_ context.Context, service string) (string, error) {
			stores[service] = testenv.PostgresDSN(t)
			return stores[service], nil
		},
		DataDir: t.TempDir(),
		Wrap:    func(name string, h http.Handler) http.Handler { return otelhttp.NewHandler(h, name) },
	}
	for _, a := range adjust {
		a(&cfg)
	}
	ip, err := inprocess.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ip.Close()
		if err := ip.Died(); err != nil {
			t.Error(err)
		}
	})
	return &platform{Platform: ip, endpoints: ip.Endpoints, spans: spans, brokers: cfg.KafkaBrokers, stores: stores}
}

// client is a scenario client whose parties sign in through the test stack's identity provider
// (authorization code with PKCE, the dev users' passwords) and call with their bearer tokens.
func (p *platform) client(t *testing.T) *scenario.Client {
	c := scenario.NewClient(p.endpoints)
	c.Token = testenv.UserTokens(t).Get
	return c
}
