package identity

import (
	"net/http"
	"slices"

	"github.com/tradefin/tradefin/events/problem"
)

// Required refuses, with 401, every request to next that carries no actor (paths in public
// pass). The bearer middleware at the edge already does; this keeps an API closed even where it
// is mounted without it, and makes "nobody" the first thing a handler rules out, before any body
// is read.
func Required(next http.Handler, public ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := Caller(r.Context()); err != nil && !slices.Contains(public, r.URL.Path) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tradefin"`)
			problem.Write(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}
