package bearer

import (
	"errors"
	"github.com/tradefin/tradefin/events/identity"
	"log/slog"
	"net/http"
	"strings"

	"github.com/tradefin/tradefin/events/problem"
)

// Middleware authenticates every request to next by its bearer token (RFC 6750) and puts the
// actor in the request's context. A request without a valid token gets 401 with a
// WWW-Authenticate challenge and an RFC 9457 problem, and never reaches next. Paths in public
// (e.g. /openapi.yaml) pass without a token.
func Middleware(v *Verifier, next http.Handler, public ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, p := range public {
			if r.URL.Path == p {
				next.ServeHTTP(w, r)
				return
			}
		}
		raw, ok := bearer(r)
		if !ok {
			challenge(w, r, nil)
			return
		}
		a, err := v.Verify(r.Context(), raw)
		if err != nil {
			var te *TokenError
			if !errors.As(err, &te) && !errors.Is(err, ErrNoToken) {
				// The IdP could not be reached: not the caller's fault, and not a 401.
				slog.Default().Error("token verification", "err", err)
				problem.Write(w, r, problem.New(problem.Unavailable, "Identity provider unavailable", "the token could not be checked; retry"))
				return
			}
			challenge(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(identity.WithActor(r.Context(), a)))
	})
}

// bearer returns the token of "Authorization: Bearer <token>"; ok is false when there is none.
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, tok, found := strings.Cut(h, " ")
	if !found || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return "", false
	}
	return strings.TrimSpace(tok), true
}

// challenge answers 401 (RFC 6750 §3): no error code when no token was sent, "invalid_token"
// with its reason otherwise.
func challenge(w http.ResponseWriter, r *http.Request, err error) {
	c := `Bearer realm="tradefin"`
	detail := "sign in: this API needs a bearer access token"
	if err != nil && !errors.Is(err, ErrNoToken) {
		reason := err.Error()
		var te *TokenError
		if errors.As(err, &te) {
			reason = te.Reason
		}
		c += `, error="invalid_token", error_description="` + strings.ReplaceAll(reason, `"`, "'") + `"`
		detail = "the bearer token is not accepted: " + reason
	}
	w.Header().Set("WWW-Authenticate", c)
	problem.Write(w, r, problem.New(problem.Unauthorized, "Unauthorized", detail))
}
