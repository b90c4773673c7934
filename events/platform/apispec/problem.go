package apispec

import (
	"encoding/json"
	"net/http"
)

// param names one bad field, as events/problem's InvalidParam does (RFC 9457's
// "invalid-params" example extension); the JSON is the same, so clients see one error shape.
type param struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

type details struct {
	Type          string  `json:"type"`
	Title         string  `json:"title"`
	Status        int     `json:"status"`
	Detail        string  `json:"detail,omitempty"`
	Instance      string  `json:"instance,omitempty"`
	InvalidParams []param `json:"invalid-params,omitempty"`
}

// invalidTitle is events/problem's title for a 400 naming fields.
const invalidTitle = "Your request parameters didn't validate"

func writeProblem(w http.ResponseWriter, r *http.Request, d details) {
	d.Type, d.Instance = "about:blank", r.URL.Path
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(d.Status)
	_ = json.NewEncoder(w).Encode(d)
}
