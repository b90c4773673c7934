package httpapi_test

import (
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
)

// The callers of these tests, by their part in the trade (the dev directory's users).
var actors = map[string]identity.Actor{
	"importer":       identitytest.Ingrid,
	"exporter":       identitytest.Joao,
	"outsider":       identitytest.Olga,
	"export-customs": identitytest.Marta,
	"import-customs": identitytest.Lars,
	"carrier":        identitytest.Mads,
	"other-carrier":  identitytest.Hanna,
	"auditor":        identitytest.Audra,
}

const testActor = identitytest.Header

// asActor stands in for the bearer middleware.
func asActor(h http.Handler) http.Handler { return identitytest.Middleware(actors, h) }
