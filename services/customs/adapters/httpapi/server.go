// Package httpapi is the customs service's HTTP API (RFC 9457 problems, roles set by the
// authenticating gateway in X-Tradefin-Role, the caller in X-Tradefin-Actor).
package httpapi

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/app"
)

// The identity headers the gateway sets.
const (
	RoleHeader  = "X-Tradefin-Role"
	ActorHeader = "X-Tradefin-Actor"
)

//go:embed openapi.yaml
var openAPI []byte

// Register mounts the API, and its OpenAPI description at /openapi.yaml, on mux.
func Register(mux *http.ServeMux, a app.Application) {
	platform.ServeOpenAPI(mux, openAPI)
	registerDocuments(mux, a)
	registerDeclarations(mux, a)
	registerShipments(mux, a)
}

// handler is an endpoint allowed to roles; it returns the status and body, or an error.
type handler func(r *http.Request, actor string) (int, any, error)

func allow(h handler, roles ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if len(roles) > 0 && !slices.Contains(roles, r.Header.Get(RoleHeader)) {
			problem.Write(w, r, problem.New(problem.Forbidden, "Forbidden", "this action needs the role "+strings.Join(roles, " or ")))
			return
		}
		actor := r.Header.Get(ActorHeader)
		if actor == "" && len(roles) > 0 {
			problem.Write(w, r, problem.New(problem.Unauthorized, "Who is calling?", "the "+ActorHeader+" header is required"))
			return
		}
		status, body, err := h(r, actor)
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	}
}

// decode reads a JSON body strictly: an unknown field is an error, not silently dropped.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 8<<20))
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
