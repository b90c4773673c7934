package signin

import (
	"context"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// Tokens caches one token per key (a username, a client ID) and obtains a new one from Source
// when the cached one is within Margin of its expiry, so a caller never sends a token that
// expires in flight.
type Tokens struct {
	Source func(ctx context.Context, key string) (*oauth2.Token, error)
	Margin time.Duration // default 30s

	mu sync.Mutex
	m  map[string]*oauth2.Token
}

// Get returns a valid access token for key.
func (t *Tokens) Get(ctx context.Context, key string) (string, error) {
	margin := t.Margin
	if margin == 0 {
		margin = 30 * time.Second
	}
	t.mu.Lock()
	defer t.mu.Unlock() // one sign-in at a time per cache: callers for the same key share it
	if tok, ok := t.m[key]; ok && (tok.Expiry.IsZero() || time.Until(tok.Expiry) > margin) {
		return tok.AccessToken, nil
	}
	tok, err := t.Source(ctx, key)
	if err != nil {
		return "", err
	}
	if t.m == nil {
		t.m = map[string]*oauth2.Token{}
	}
	t.m[key] = tok
	return tok.AccessToken, nil
}
