package store

import (
	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The stored formats of a confirmed credit's events (version 1), apart from the domain's.
type (
	confirmedRecord struct {
		By domain.BIC  `json:"by"`
		On domain.Date `json:"on"`
	}
	reimbursementClaimedRecord struct {
		Claim claimRecord `json:"claim"`
	}
	claimRecord struct {
		PresentationID string      `json:"presentationId"`
		Amount         money.Money `json:"amount"`
		By             domain.BIC  `json:"by"`
		On             domain.Date `json:"on"`
		From           domain.BIC  `json:"from"`
	}
)

func registerConfirmationRecords(r *eventstore.Registry) {
	r.Register("lc.Confirmed", confirmedRecord{})
	r.Register("lc.ReimbursementClaimed", reimbursementClaimedRecord{})
}

// confirmationRecord is the stored format of a confirmation event (nil for any other).
func confirmationRecord(e domain.Event) aggregate.Record[domain.Event] {
	switch e := e.(type) {
	case domain.Confirmed:
		return confirmedRecord(e)
	case domain.ReimbursementClaimed:
		return reimbursementClaimedRecord{Claim: claimRecord(e.Claim)}
	}
	return nil
}

func (r confirmedRecord) Event() domain.Event { return domain.Confirmed(r) }
func (r reimbursementClaimedRecord) Event() domain.Event {
	return domain.ReimbursementClaimed{Claim: domain.ReimbursementClaim(r.Claim)}
}
