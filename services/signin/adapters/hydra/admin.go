// Package hydra is a client of Ory Hydra v2's admin API: the login and consent requests Hydra
// delegates to the sign-in app, and OAuth 2.0 client registration.
package hydra

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Admin talks to Hydra's admin endpoint (never exposed to callers: it grants logins).
type Admin struct {
	base string
	http *http.Client
}

// NewAdmin returns a client of the admin API at baseURL (e.g. http://127.0.0.1:4445).
func NewAdmin(baseURL string, hc *http.Client) (*Admin, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("hydra: admin URL %q is not an http(s) URL", baseURL)
	}
	if hc == nil {
		hc = &http.Client{Timeout: 10 * time.Second}
	}
	return &Admin{base: strings.TrimRight(baseURL, "/"), http: hc}, nil
}

// StatusError is a non-2xx answer from Hydra.
type StatusError struct {
	Status int
	Body   string
}

func (e *StatusError) Error() string { return fmt.Sprintf("hydra: HTTP %d: %s", e.Status, e.Body) }

// IsNotFound reports whether err is Hydra's 404 (an unknown challenge or client).
func IsNotFound(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Status == http.StatusNotFound
}

// IsGone reports whether err is Hydra's 410: a challenge already used (a replayed form post).
func IsGone(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Status == http.StatusGone
}

const maxResponseBytes = 1 << 20

func (a *Admin) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	u := a.base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	resp, err := a.http.Do(req)
	if err != nil {
		return fmt.Errorf("hydra: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return fmt.Errorf("hydra: %s %s: %w", method, path, err)
	}
	if resp.StatusCode/100 != 2 {
		return &StatusError{Status: resp.StatusCode, Body: strings.TrimSpace(string(b))}
	}
	if out == nil || len(b) == 0 {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("hydra: %s %s: decode: %w", method, path, err)
	}
	return nil
}

// Ready asks Hydra's admin health endpoint.
func (a *Admin) Ready(ctx context.Context) error {
	return a.do(ctx, http.MethodGet, "/health/ready", nil, nil, nil)
}
