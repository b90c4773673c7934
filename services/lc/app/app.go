// Package app is the letters-of-credit service's application layer: one type per use case,
// listed here.
package app

import "github.com/tradefin/tradefin/services/lc/app/query"

// Application is every use case of the service.
type Application struct {
	Queries Queries
}

// Queries are the read-side use cases.
type Queries struct {
	ExaminePresentation query.ExaminePresentationHandler
}

// New wires the application.
func New() Application { return Application{} }
