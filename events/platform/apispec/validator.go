package apispec

import (
	"bytes"
	"fmt"
	"io"
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Validator refuses, before the handler runs, a request whose path parameters, query or body
// do not match its operation in the OpenAPI description, and a body over its bound.
type Validator struct {
	router  routers.Router
	maxBody int64
	options *openapi3filter.Options
}

// New loads spec (an OpenAPI 3.1 YAML or JSON document) and bounds request bodies to maxBody
// bytes.
func New(spec []byte, maxBody int64) (*Validator, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec)
	if err != nil {
		return nil, fmt.Errorf("OpenAPI description: %w", err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, fmt.Errorf("OpenAPI description: %w", err)
	}
	// The description's servers say where the dev stack serves it; the API is the same wherever
	// it runs (a test's port, another profile's), so operations are found by path alone.
	doc.Servers = nil
	for _, item := range doc.Paths.Map() {
		item.Servers = nil
	}
	// kin-openapi validates a 3.1 document's bodies by compiling a JSON Schema 2020-12 validator
	// for every request (half a millisecond and 2000 allocations for a small body here) and,
	// for a schema with $refs, as every one of ours has, then validates with its OpenAPI 3.0
	// validator anyway. Loaded and checked as 3.1, the description is validated against with
	// that validator directly: the same answers (TestValidatorNamesEveryBadField), a tenth of
	// the cost (BenchmarkValidate).
	doc.OpenAPI = "3.0.3"
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("OpenAPI description's routes: %w", err)
	}
	return &Validator{router: router, maxBody: maxBody, options: &openapi3filter.Options{
		MultiError: true, // every bad field in one answer, not one per attempt
		// Who may call is the bearer middleware's to decide, before this runs; the description's
		// security requirement documents it and is not checked twice.
		AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		// The handler applies its own defaults; the description's are documentation, and the
		// body the handler reads is the one the caller sent.
		SkipSettingDefaults: true,
	}}, nil
}

// Must is New for a description embedded in the binary: a bad one is a programming error that
// the service's tests catch.
func Must(spec []byte, maxBody int64) *Validator {
	v, err := New(spec, maxBody)
	if err != nil {
		panic(err)
	}
	return v
}

// Wrap puts v in front of next. A request the description has no operation for passes on, so
// next answers it as it would (404, 405).
func (v *Validator) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, pathParams, err := v.router.FindRoute(r)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		body, ok := v.readBody(w, r)
		if !ok {
			return
		}
		in := &openapi3filter.RequestValidationInput{Request: r.Clone(r.Context()), PathParams: pathParams, Route: route, Options: v.options}
		if !v.mediaTypeAccepted(w, in, body) {
			return
		}
		in.Request.Body = io.NopCloser(bytes.NewReader(body))
		if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
			writeProblem(w, r, details{Title: invalidTitle, Status: http.StatusBadRequest, InvalidParams: params(err)})
			return
		}
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		next.ServeHTTP(w, r)
	})
}

// readBody reads the whole body, up to the bound: over it the answer is 413 and nothing of it
// reaches the handler.
func (v *Validator) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	tooLarge := func() ([]byte, bool) {
		writeProblem(w, r, details{Title: "Request body too large", Status: http.StatusRequestEntityTooLarge,
			Detail: fmt.Sprintf("a request body is at most %d bytes", v.maxBody)})
		return nil, false
	}
	if r.ContentLength > v.maxBody {
		return tooLarge()
	}
	if r.Body == nil {
		return nil, true
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, v.maxBody+1))
	if err != nil {
		writeProblem(w, r, details{Title: invalidTitle, Status: http.StatusBadRequest, InvalidParams: []param{{Name: "body", Reason: "unreadable: " + err.Error()}}})
		return nil, false
	}
	if int64(len(body)) > v.maxBody {
		return tooLarge()
	}
	return body, true
}

// mediaTypeAccepted answers 415 for a body of a media type the operation does not take. A body
// without a Content-Type is taken as the operation's one media type: the services have always
// read such bodies as JSON, and callers rely on it.
func (v *Validator) mediaTypeAccepted(w http.ResponseWriter, in *openapi3filter.RequestValidationInput, body []byte) bool {
	rb := in.Route.Operation.RequestBody
	if len(body) == 0 || rb == nil || rb.Value == nil || len(rb.Value.Content) == 0 {
		return true
	}
	content, ct := rb.Value.Content, in.Request.Header.Get("Content-Type")
	if ct == "" && len(content) == 1 {
		for mt := range content {
			in.Request.Header.Set("Content-Type", mt)
		}
		return true
	}
	if content.Get(ct) != nil {
		return true
	}
	writeProblem(w, in.Request, details{Title: "Unsupported Media Type", Status: http.StatusUnsupportedMediaType,
		Detail: fmt.Sprintf("this operation takes %v, not %q", mediaTypes(content), ct)})
	return false
}

func mediaTypes(c openapi3.Content) []string {
	var out []string
	for mt := range c {
		out = append(out, mt)
	}
	return out
}
