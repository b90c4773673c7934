// Package session keeps a signed-in user's session in a cookie the portal alone can read:
// encrypted and authenticated (gorilla/securecookie: AES-256 in CTR mode with HMAC-SHA256),
// HttpOnly, SameSite=Lax, Secure when the portal is served over HTTPS. The session holds the
// user's access token (the services decide everything with it), the names the ID token gave for
// the header, and the CSRF token every form carries.
package session

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
)

// Session is what the cookie carries.
type Session struct {
	AccessToken string
	Expiry      time.Time
	Name        string // the user's name (ID token "name")
	OrgName     string // the organisation's name (ID token "org_name")
	CSRF        string
}

// Flow is a sign-in under way: the authorization request's state, nonce and PKCE verifier
// (RFC 7636), and where to go afterwards.
type Flow struct {
	State, Nonce, Verifier, Return string
}

const (
	sessionCookie = "tradefin_portal"
	flowCookie    = "tradefin_portal_signin"
	flowLifetime  = 10 * time.Minute
	// sessionLifetime bounds the cookie; the access token inside usually expires first.
	sessionLifetime = 12 * time.Hour
)

// Store reads and writes the cookies.
type Store struct {
	codec, flows *securecookie.SecureCookie // the same keys; a flow's cookie lives minutes
	secure       bool
}

// KeyBytes is the length of a store key: 32 bytes authenticate, 32 encrypt.
const KeyBytes = 64

// NewStore returns a store sealing cookies with key (KeyBytes long); secure marks them Secure.
func NewStore(key []byte, secure bool) (*Store, error) {
	if len(key) != KeyBytes {
		return nil, fmt.Errorf("session: the key must be %d bytes, not %d", KeyBytes, len(key))
	}
	c := securecookie.New(key[:32], key[32:]).MaxAge(int(sessionLifetime.Seconds()))
	f := securecookie.New(key[:32], key[32:]).MaxAge(int(flowLifetime.Seconds()))
	return &Store{codec: c, flows: f, secure: secure}, nil
}

// RandomKey is a fresh store key (sessions then last as long as the process).
func RandomKey() []byte {
	k := make([]byte, KeyBytes)
	_, _ = rand.Read(k) // crypto/rand never fails on Linux
	return k
}

// Token is a random URL-safe token of 32 bytes (CSRF, state, nonce).
func Token() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Load returns the request's session; false when there is none or it cannot be read.
func (s *Store) Load(r *http.Request) (Session, bool) {
	var out Session
	c, err := r.Cookie(sessionCookie)
	if err != nil || s.codec.Decode(sessionCookie, c.Value, &out) != nil || out.AccessToken == "" {
		return Session{}, false
	}
	return out, true
}

// Save writes the session; its CSRF token is made when it has none.
func (s *Store) Save(w http.ResponseWriter, sess Session) error {
	if sess.CSRF == "" {
		sess.CSRF = Token()
	}
	return s.write(w, s.codec, sessionCookie, sess, sessionLifetime)
}

// Clear removes the session (sign-out).
func (s *Store) Clear(w http.ResponseWriter) { s.clear(w, sessionCookie) }

// SaveFlow keeps a sign-in under way for a few minutes.
func (s *Store) SaveFlow(w http.ResponseWriter, f Flow) error {
	return s.write(w, s.flows, flowCookie, f, flowLifetime)
}

// TakeFlow returns the sign-in under way and removes it: a state is good for one callback.
func (s *Store) TakeFlow(w http.ResponseWriter, r *http.Request) (Flow, error) {
	var f Flow
	c, err := r.Cookie(flowCookie)
	if err != nil {
		return f, errors.New("no sign-in under way in this browser (it expires after 10 minutes)")
	}
	s.clear(w, flowCookie)
	if err := s.flows.Decode(flowCookie, c.Value, &f); err != nil {
		return Flow{}, errors.New("the sign-in under way cannot be read")
	}
	return f, nil
}

// CheckCSRF compares a form's token with the session's in constant time.
func CheckCSRF(sess Session, token string) bool {
	return sess.CSRF != "" && subtle.ConstantTimeCompare([]byte(sess.CSRF), []byte(token)) == 1
}

func (s *Store) write(w http.ResponseWriter, codec *securecookie.SecureCookie, name string, v any, maxAge time.Duration) error {
	enc, err := codec.Encode(name, v)
	if err != nil {
		return fmt.Errorf("session: %w", err)
	}
	http.SetCookie(w, &http.Cookie{Name: name, Value: enc, Path: "/", MaxAge: int(maxAge.Seconds()),
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode})
	return nil
}

func (s *Store) clear(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode})
}
