package apispec

import "net/http"

// ServeOpenAPI serves a service's OpenAPI description at GET /openapi.yaml.
func ServeOpenAPI(mux *http.ServeMux, spec []byte) {
	mux.HandleFunc("GET /openapi.yaml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		_, _ = w.Write(spec)
	})
}
