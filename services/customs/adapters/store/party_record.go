package store

import (
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// partyRecord is a domain.Party as stored inside an event (a document's registrant): the
// organisation's kind and identifier, under the names streams were first written with.
type partyRecord struct {
	Kind identity.OrgKind `json:"kind"`
	Org  string           `json:"org"`
}

func partyRecordOf(p domain.Party) partyRecord { return partyRecord{Kind: p.Kind, Org: p.Org} }

func (r partyRecord) party() domain.Party { return domain.Party{Kind: r.Kind, Org: r.Org} }
