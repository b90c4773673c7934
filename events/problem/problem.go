// Package problem is how every tradefin HTTP API reports errors: RFC 9457 problem details
// (application/problem+json), from typed errors whose kind decides the status, mapped in one place.
package problem

import (
	"encoding/json"
	"errors"
	"net/http"
)

// Kind classifies an error for its caller.
type Kind int

const (
	Internal      Kind = iota
	Invalid            // 400: the request is malformed or a field is wrong
	Unauthorized       // 401
	Forbidden          // 403: the caller's role may not do this
	NotFound           // 404
	Conflict           // 409: the resource changed (retry after reloading)
	Unprocessable      // 422: well-formed but breaks a business rule
	TooLarge           // 413: the body is over the endpoint's bound
	Unavailable        // 503: a dependency is down; retry
)

var status = map[Kind]int{
	Internal: http.StatusInternalServerError, Invalid: http.StatusBadRequest, Unauthorized: http.StatusUnauthorized,
	Forbidden: http.StatusForbidden, NotFound: http.StatusNotFound, Conflict: http.StatusConflict,
	Unprocessable: http.StatusUnprocessableEntity, TooLarge: http.StatusRequestEntityTooLarge,
	Unavailable: http.StatusServiceUnavailable,
}

// InvalidParam names one bad field (the "invalid-params" extension of RFC 9457's examples).
type InvalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Error is an error with a kind, a human title and optionally the fields at fault.
type Error struct {
	Kind   Kind
	Title  string
	Detail string
	Params []InvalidParam
}

func (e *Error) Error() string {
	if e.Detail != "" {
		return e.Title + ": " + e.Detail
	}
	return e.Title
}

// New returns an error of a kind.
func New(k Kind, title, detail string) *Error { return &Error{Kind: k, Title: title, Detail: detail} }

// InvalidFields is a 400 naming the bad fields.
func InvalidFields(params ...InvalidParam) *Error {
	return &Error{Kind: Invalid, Title: "Your request parameters didn't validate", Params: params}
}

// Details is the RFC 9457 document.
type Details struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail,omitempty"`
	Instance      string         `json:"instance,omitempty"`
	InvalidParams []InvalidParam `json:"invalid-params,omitempty"`
}

// Write maps err to its problem document and writes it. An error without a kind is a 500 whose
// detail is not shown (it may hold internals).
func Write(w http.ResponseWriter, r *http.Request, err error) {
	d := Details{Type: "about:blank", Title: "Internal Server Error", Status: http.StatusInternalServerError, Instance: r.URL.Path}
	var e *Error
	if errors.As(err, &e) {
		d.Title, d.Status, d.Detail, d.InvalidParams = e.Title, status[e.Kind], e.Detail, e.Params
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(d.Status)
	_ = json.NewEncoder(w).Encode(d)
}
