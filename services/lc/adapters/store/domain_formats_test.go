package store_test

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
)

// TestTheDomainCarriesNoJSONFormat: no struct of the domain package has a json tag; the stored
// formats are this package's record types, the API's bodies adapters/httpapi's.
func TestTheDomainCarriesNoJSONFormat(t *testing.T) {
	recordtest.NoJSONTags(t, "../../domain")
}
