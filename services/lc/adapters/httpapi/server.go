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
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/query"
)

//go:embed openapi.yaml
var openAPI []byte

// maxBody bounds a request body (413 above it). A credit's terms and a presentation's data are
// a few kB; every text and list has its own bound besides (the domain's Max*, the description's
// maxLength and maxItems), which a body within this bound but with a field over its own is
// refused for, naming the field. So a stored event stays below the store's 1 MiB, and an
// integration event, which carries IDs, hashes, names and rules, far below
// contracts.MaxMessageBytes.
const maxBody = 512 << 10

// Register mounts the API, and its OpenAPI description at /openapi.yaml, on mux. Every /v1/
// route needs an authenticated actor, and a request its description does not allow is refused
// before a handler reads it.
func Register(mux *http.ServeMux, a app.Application) {
	apispec.ServeOpenAPI(mux, openAPI)
	mux.Handle("/v1/", identity.Required(apispec.Must(openAPI, maxBody).Wrap(routes(a))))
}

// Routes are the patterns the API serves, which its OpenAPI description must document.
func Routes() []string { return routes(app.Application{}).Patterns() }

func routes(a app.Application) *apispec.Mux {
	api := apispec.NewMux()
	registerCredits(api, a)
	registerSwiftMessages(api, a)
	registerConfirmation(api, a)
	registerDiscount(api, a)
	registerAmendments(api, a)
	registerTransfer(api, a)
	registerForwardUnderReserve(api, a)
	api.HandleFunc("POST /v1/examinations", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Terms        termsDTO        `json:"terms"`
			Presentation presentationDTO `json:"presentation"`
		}
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		res, err := a.Queries.ExaminePresentation.Handle(query.ExaminePresentation{Terms: req.Terms.domain(), Presentation: req.Presentation.domain()})
		if err != nil {
			fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, examinationOf(res))
	})
	return api
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
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
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody))
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
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return problem.New(problem.TooLarge, "Request body too large", fmt.Sprintf("a request body is at most %d bytes", maxBody))
	case errors.As(err, &typeErr):
		return problem.InvalidFields(problem.InvalidParam{Name: typeErr.Field, Reason: fmt.Sprintf("must be %s", typeErr.Type)})
	case errors.As(err, &syntaxErr):
		return problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: fmt.Sprintf("malformed JSON at byte %d", syntaxErr.Offset)})
	}
	return problem.InvalidFields(problem.InvalidParam{Name: "body", Reason: err.Error()})
}
