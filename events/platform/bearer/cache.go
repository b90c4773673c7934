package bearer

import (
	"crypto/sha256"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"

	"github.com/tradefin/tradefin/events/identity"
)

// verified remembers tokens whose signature, issuer and audience were checked, keyed by the
// token's SHA-256, until they expire: checking an RSA signature costs far more than the rest of
// most requests, and a client (a portal page, a polling scenario) sends the same token many times.
// A JWT cannot be revoked before its "exp" (there is no introspection), so remembering the
// verdict accepts nothing the verifier would refuse; the expiry is still checked on every use.
type verified struct {
	lru *expirable.LRU[[sha256.Size]byte, verdict]
}

type verdict struct {
	actor   identity.Actor
	expires time.Time // the token's exp plus the leeway
}

// Bounds of the cache: a token stays at most maxCacheAge even when its exp is later, and at most
// maxCacheEntries are kept (the least recently used go first).
const (
	maxCacheEntries = 10_000
	maxCacheAge     = 5 * time.Minute
)

func newVerified() verified {
	return verified{lru: expirable.NewLRU[[sha256.Size]byte, verdict](maxCacheEntries, nil, maxCacheAge)}
}

func (c verified) get(raw string, now time.Time) (identity.Actor, bool) {
	v, ok := c.lru.Get(sha256.Sum256([]byte(raw)))
	if !ok || !now.Before(v.expires) {
		return identity.Actor{}, false
	}
	return v.actor, true
}

func (c verified) put(raw string, a identity.Actor, expires time.Time) {
	c.lru.Add(sha256.Sum256([]byte(raw)), verdict{actor: a, expires: expires})
}
