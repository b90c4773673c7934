// Package httpapi is the letters-of-credit service's HTTP port.
package httpapi

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/query"
	"github.com/tradefin/tradefin/services/lc/domain"
)

//go:embed openapi.yaml
var openAPI []byte

// maxBody bounds a request body: a credit's terms and a presentation's data are a few kB.
const maxBody = 1 << 20

// Register mounts the API, and its OpenAPI description at /openapi.yaml, on mux. Every /v1/
// route needs an authenticated actor, and a request its description does not allow is refused
// before a handler reads it.
func Register(mux *http.ServeMux, a app.Application) {
	platform.ServeOpenAPI(mux, openAPI)
	mux.Handle("/v1/", identity.Required(apispec.Must(openAPI, maxBody).Wrap(routes(a))))
}

// Routes are the patterns the API serves, which its OpenAPI description must document.
func Routes() []string { return routes(app.Application{}).Patterns() }

func routes(a app.Application) *apispec.Mux {
	api := apispec.NewMux()
	registerCredits(api, a)
	api.HandleFunc("POST /v1/examinations", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Terms        domain.Terms        `json:"terms"`
			Presentation domain.Presentation `json:"presentation"`
			Holidays     []domain.Date       `json:"holidays"`
		}
		if err := decode(r, &req); err != nil {
			problem.Write(w, r, err)
			return
		}
		res, err := a.Queries.ExaminePresentation.Handle(query.ExaminePresentation{Terms: req.Terms, Presentation: req.Presentation, Holidays: req.Holidays})
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(res)
	})
	return api
}

// decodeOptional is decode for a command whose body may be left out.
func decodeOptional(r *http.Request, v any) error {
	if err := decode(r, v); err != nil && !errors.Is(err, errEmptyBody) {
		return err
	}
	return nil
}

var errEmptyBody = problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: "a JSON object is required"})

// decode reads a JSON body strictly (unknown fields are an error) and names the field at fault.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	if errors.Is(err, io.EOF) {
		return errEmptyBody
	}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		return problem.InvalidFields(problem.InvalidParam{Name: typeErr.Field, Reason: fmt.Sprintf("must be %s", typeErr.Type)})
	case errors.As(err, &syntaxErr):
		return problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: fmt.Sprintf("malformed JSON at byte %d", syntaxErr.Offset)})
	}
	return problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: err.Error()})
}
