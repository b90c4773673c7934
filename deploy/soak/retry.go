package soak

import (
	"bytes"
	"io"
	"net/http"
	"time"
)

// patient retries a request while the process behind it is down or failing (connection refused,
// 5xx), as a party's client would during an outage, for up to patience. A request is safe to
// send again: the services answer a repeated creation with the original, and the soak counts a
// command refused on its retry as the trade's failure, with the reason.
type patient struct {
	next     http.RoundTripper
	patience time.Duration
}

func (p patient) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		_ = req.Body.Close()
		body = b
	}
	deadline := time.Now().Add(p.patience)
	for wait := 200 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		r := req.Clone(req.Context())
		if body != nil {
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		resp, err := p.next.RoundTrip(r)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if time.Now().After(deadline) || req.Context().Err() != nil {
			return resp, err
		}
		if resp != nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
		}
		select {
		case <-req.Context().Done():
			return nil, req.Context().Err()
		case <-time.After(wait):
		}
	}
}
