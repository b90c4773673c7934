package store

import (
	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The stored formats of an amendment's steps from the applicant's request to the advice (version
// 1 each).
type (
	amendmentRequestedRecord struct {
		Amendment amendmentRecord `json:"amendment"`
	}
	amendmentIssuedRecord struct {
		Number int         `json:"number"`
		Date   domain.Date `json:"date"`
	}
	amendmentDeclinedRecord struct {
		Number int    `json:"number"`
		Reason string `json:"reason"`
	}
	amendmentAdvisedRecord struct {
		Number int         `json:"number"`
		By     string      `json:"by"`
		On     domain.Date `json:"on"`
	}
)

func registerAmendmentSteps(r *eventstore.Registry) {
	r.Register("lc.AmendmentRequested", amendmentRequestedRecord{})
	r.Register("lc.AmendmentIssued", amendmentIssuedRecord{})
	r.Register("lc.AmendmentDeclined", amendmentDeclinedRecord{})
	r.Register("lc.AmendmentAdvised", amendmentAdvisedRecord{})
}

func amendmentStepRecord(e domain.Event) (aggregate.Record[domain.Event], bool) {
	switch e := e.(type) {
	case domain.AmendmentRequested:
		return amendmentRequestedRecord{Amendment: toAmendmentRecord(e.Amendment)}, true
	case domain.AmendmentIssued:
		return amendmentIssuedRecord(e), true
	case domain.AmendmentDeclined:
		return amendmentDeclinedRecord(e), true
	case domain.AmendmentAdvised:
		return amendmentAdvisedRecord(e), true
	}
	return nil, false
}

func (r amendmentRequestedRecord) Event() domain.Event {
	return domain.AmendmentRequested{Amendment: fromAmendmentRecord(r.Amendment)}
}
func (r amendmentIssuedRecord) Event() domain.Event   { return domain.AmendmentIssued(r) }
func (r amendmentDeclinedRecord) Event() domain.Event { return domain.AmendmentDeclined(r) }
func (r amendmentAdvisedRecord) Event() domain.Event  { return domain.AmendmentAdvised(r) }
