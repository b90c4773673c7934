// Package scenario walks one trade through the services' HTTP APIs, the way its parties would,
// and reads back its timeline. `tradectl demo` runs it against `make run`; the end-to-end test
// runs it against services started in-process on the test stack.
package scenario

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// Endpoints are the base URLs of the services and of the trade view.
type Endpoints struct {
	LC, Customs, Settlement, Trades string
}

// Client calls the services as the trade's parties. Each step runs in a span of its own, so its
// trace ID names the request whose milestone lands on the ledger.
type Client struct {
	Endpoints
	HTTP     *http.Client
	Progress func(format string, args ...any) // nil: quiet
	// Token returns a bearer access token of the dev user (e.g. signed in with
	// signin.Login through the identity provider).
	Token func(ctx context.Context, user string) (string, error)
	// Probe, when set, sees each request a party is about to make (the authorisation-matrix
	// test tries it as every other caller first).
	Probe func(ctx context.Context, req Request)
	// PollInterval is how often the client looks again while it waits on the workflow (the
	// payment's instruction, the trade's close); default 200 ms. A benchmark sets it shorter, so
	// the wait it measures is the platform's, not the poll's.
	PollInterval time.Duration

	current string // the step being walked
}

// NewClient returns a client whose requests carry W3C trace context.
func NewClient(e Endpoints) *Client {
	return &Client{Endpoints: e, HTTP: &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(sharedTransport)}}
}

// sharedTransport is every client's connection pool. It keeps up to maxWalks connections to each
// service idle: net/http's default keeps two, so walks run side by side (the trade bench's 50)
// closed their connection after most requests and dialled a new one for the next.
var sharedTransport = func() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = maxWalks
	return t
}()

// maxWalks is how many walks at once the shared pool keeps a connection per service for.
const maxWalks = 64

// Error is a request the service refused, with its RFC 9457 problem body.
type Error struct {
	Method, URL string
	Status      int
	Problem     string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Status, strings.TrimSpace(e.Problem))
}

// Request is one call a party makes, as it makes it.
type Request struct {
	Step        string // the scenario step it belongs to
	User        string // the dev user who makes it
	Method, URL string
	Body        []byte
	ContentType string
}

// call sends body as JSON (or as is, when it is []byte) as party p and decodes a 2xx answer
// into out. Probe, when set, sees the request first.
func (c *Client) call(ctx context.Context, p party, method, url string, body, out any) error {
	req := Request{Step: c.current, User: p.user, Method: method, URL: url}
	switch b := body.(type) {
	case nil:
	case []byte:
		req.Body, req.ContentType = b, "application/xml"
	case fin: // a SWIFT message (received.go)
		req.Body, req.ContentType = []byte(b), "text/plain"
	default:
		js, err := json.Marshal(b)
		if err != nil {
			return err
		}
		req.Body, req.ContentType = js, "application/json"
	}
	if c.Probe != nil && p.user != "" {
		c.Probe(ctx, req)
	}
	var bearer string
	if p.user != "" {
		if c.Token == nil {
			return fmt.Errorf("%s %s as %s: the client has no way to sign in", method, url, p.user)
		}
		tok, err := c.Token(ctx, p.user)
		if err != nil {
			return fmt.Errorf("sign in as %s: %w", p.user, err)
		}
		bearer = tok
	}
	status, b, err := c.Send(ctx, req, bearer)
	if err != nil {
		return err
	}
	if status/100 != 2 {
		return &Error{Method: method, URL: url, Status: status, Problem: string(b)}
	}
	if out == nil {
		return nil
	}
	if raw, ok := out.(*[]byte); ok {
		*raw = b
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("%s %s: answer %q: %w", method, url, b, err)
	}
	return nil
}

// Send makes req with bearer as its access token ("" for none) and returns the answer.
func (c *Client) Send(ctx context.Context, req Request, bearer string) (int, []byte, error) {
	var body io.Reader
	if req.Body != nil {
		body = bytes.NewReader(req.Body)
	}
	r, err := http.NewRequestWithContext(ctx, req.Method, req.URL, body)
	if err != nil {
		return 0, nil, err
	}
	if req.ContentType != "" {
		r.Header.Set("Content-Type", req.ContentType)
	}
	if bearer != "" {
		r.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := c.HTTP.Do(r)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	return resp.StatusCode, b, err
}

// step runs one party's action in a span named after it and returns the span's trace ID.
func (c *Client) step(ctx context.Context, name string, fn func(ctx context.Context) error) (trace.TraceID, error) {
	ctx, span := otel.Tracer("tradefin/scenario").Start(ctx, name)
	defer span.End()
	c.current = name
	c.progress("%s", name)
	if err := fn(ctx); err != nil {
		span.RecordError(err)
		return trace.TraceID{}, fmt.Errorf("%s: %w", name, err)
	}
	return span.SpanContext().TraceID(), nil
}

func (c *Client) progress(format string, args ...any) {
	if c.Progress != nil {
		c.Progress(format, args...)
	}
}

// poll calls fn until it returns true, an error, or ctx ends.
func (c *Client) poll(ctx context.Context, what string, fn func() (bool, error)) error {
	every := c.PollInterval
	if every <= 0 {
		every = 200 * time.Millisecond
	}
	for {
		ok, err := fn()
		if err != nil || ok {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		case <-time.After(every):
		}
	}
}

// Get reads a resource as the dev user user (e.g. "audra", the auditor, who reads every trade)
// into out.
func (c *Client) Get(ctx context.Context, url, user string, out any) error {
	return c.call(ctx, party{user: user}, "GET", url, nil, out)
}
