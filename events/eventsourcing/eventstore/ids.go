package eventstore

import (
	"fmt"

	"github.com/google/uuid"
)

// EventID is the ID of the event at version of stream in service's store: a name-based UUID
// (RFC 9562 v5) of the three, so the stored event, its outbox message and every republication of
// it share one ID, a retried save that lost a race gets the same ID as the winner (and the store's
// duplicate check), and a consumer's inbox drops a duplicate whatever path it took. The service
// names the namespace: streams of different services never share IDs.
func EventID(service, stream string, version int64) string {
	ns := uuid.NewSHA1(uuid.NameSpaceURL, []byte("urn:tradefin:"+service+":events"))
	return uuid.NewSHA1(ns, fmt.Appendf(nil, "%s/%d", stream, version)).String()
}
