// Package httpapi is the customs service's HTTP API (RFC 9457 problems). Who calls is the
// identity.Actor the bearer-token middleware put in the request's context, never a header; what
// it may do is decided by the application (domain.Authorize), not here.
package httpapi

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/app"
)

//go:embed openapi.yaml
var openAPI []byte

// maxBody bounds a request body: a document registered by its content (base64 in JSON) is the
// largest.
const maxBody = 8 << 20

// Register mounts the API, and its OpenAPI description at /openapi.yaml, on mux. A request its
// description does not allow is refused before a handler reads it; one without an actor is
// refused before that (401, not 400: who calls is decided first).
func Register(mux *http.ServeMux, a app.Application) {
	apispec.ServeOpenAPI(mux, openAPI)
	mux.Handle("/v1/", identity.Required(apispec.Must(openAPI, maxBody).Wrap(routes(a))))
}

// Routes are the patterns the API serves, which its OpenAPI description must document.
func Routes() []string { return routes(app.Application{}).Patterns() }

func routes(a app.Application) *apispec.Mux {
	api := apispec.NewMux()
	registerDocuments(api, a)
	registerDeclarations(api, a)
	registerShipments(api, a)
	return api
}

// handler is an endpoint for an authenticated actor; it returns the status and body, or an error.
type handler func(r *http.Request, actor identity.Actor) (int, any, error)

// authenticated serves h to the request's actor; without one (no verified token) it is 401
// before anything is read.
func authenticated(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		actor, err := identity.Caller(r.Context())
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tradefin"`) // RFC 6750 §3
			problem.Write(w, r, err)
			return
		}
		status, body, err := h(r, actor)
		if err != nil {
			writeError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	}
}

// decode reads a JSON body strictly: an unknown field is an error, not silently dropped.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr):
		return problem.InvalidFields(problem.InvalidParam{Name: typeErr.Field, Reason: fmt.Sprintf("must be %s", typeErr.Type)})
	case errors.Is(err, io.EOF):
		return problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: "a JSON object is required"})
	}
	return problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: err.Error()})
}

// created is 201 for a new resource, 200 for a retried create that found it.
func created(isNew bool) int {
	if isNew {
		return http.StatusCreated
	}
	return http.StatusOK
}
