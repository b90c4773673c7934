// Package apiclient is how the portal calls tradefin's HTTP APIs: JSON bodies, the signed-in
// user's bearer access token on every request, and RFC 9457 problem details decoded into
// *Problem so a page can show each invalid parameter next to its field. The per-service
// packages (lcapi, customsapi, settlementapi, tradeviewapi) hold the routes and bodies.
package apiclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"github.com/tradefin/tradefin/events/problem"
)

// maxAnswer bounds what the portal reads of an answer (a credit with its SWIFT messages is the
// largest, well under this).
const maxAnswer = 4 << 20

// Client calls one API at Base.
type Client struct {
	Base string
	HTTP *http.Client
}

// New returns a client for the API at base whose requests carry W3C trace context.
func New(base string) Client {
	return Client{Base: base, HTTP: &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(http.DefaultTransport)}}
}

// Path joins escaped segments onto a route prefix: Path("/v1/letters-of-credit", id, "issue").
func Path(prefix string, segments ...string) string {
	p := prefix
	for _, s := range segments {
		p += "/" + url.PathEscape(s)
	}
	return p
}

// JSON sends body (nil for none) as JSON with token and decodes a 2xx answer into out (nil to
// drop it); any other answer is a *Problem.
func (c Client) JSON(ctx context.Context, token, method, path string, body, out any) error {
	var raw []byte
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		raw = b
	}
	return c.Do(ctx, token, method, path, "application/json", raw, out)
}

// Do sends raw with contentType ("" when raw is nil) and decodes as JSON does; out may be a
// *[]byte to keep the answer as it is.
func (c Client) Do(ctx context.Context, token, method, path, contentType string, raw []byte, out any) error {
	var body io.Reader
	if raw != nil {
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, body)
	if err != nil {
		return err
	}
	if raw != nil {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json, application/problem+json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if resp.StatusCode/100 != 2 {
		return decodeProblem(resp.StatusCode, b)
	}
	switch o := out.(type) {
	case nil:
		return nil
	case *[]byte:
		*o = b
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("%s %s: the answer is not what the API describes: %w", method, path, err)
	}
	return nil
}

// Problem is an API's RFC 9457 answer.
type Problem struct{ problem.Details }

func (p *Problem) Error() string {
	if p.Detail != "" {
		return p.Title + ": " + p.Detail
	}
	return p.Title
}

// Field is the reason the API gave for the named field ("" when it named none).
func (p *Problem) Field(name string) string {
	for _, ip := range p.InvalidParams {
		if ip.Name == name {
			return ip.Reason
		}
	}
	return ""
}

func decodeProblem(status int, b []byte) *Problem {
	p := &Problem{}
	if json.Unmarshal(b, &p.Details) != nil || p.Title == "" {
		p = &Problem{problem.Details{Title: http.StatusText(status), Detail: string(bytes.TrimSpace(b))}}
	}
	p.Status = status
	return p
}

// AsProblem returns the problem err carries, if any.
func AsProblem(err error) (*Problem, bool) {
	var p *Problem
	ok := errors.As(err, &p)
	return p, ok
}

// IsNotFound: the API answered 404 (no such resource, or none of the caller's business: the same).
func IsNotFound(err error) bool {
	p, ok := AsProblem(err)
	return ok && p.Status == http.StatusNotFound
}

// Call is JSON with the answer decoded into a new T.
func Call[T any](ctx context.Context, c Client, token, method, path string, body any) (T, error) {
	var out T
	err := c.JSON(ctx, token, method, path, body, &out)
	return out, err
}
