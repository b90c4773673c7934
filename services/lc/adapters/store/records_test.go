package store

import (
	"testing"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/services/lc/domain"
)

func TestEveryEventHasAStoredRecord(t *testing.T) {
	events := []domain.Event{filled[domain.TradeClaimed]()}
	for _, vs := range creditEvents() {
		events = append(events, vs[0])
	}
	recordtest.Run[*domain.LetterOfCredit, domain.Event](t, credits, events...)
}
