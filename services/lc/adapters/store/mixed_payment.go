package store

import (
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// instalmentsScheduledRecord is domain.InstalmentsScheduled as stored (version 1).
type instalmentsScheduledRecord struct {
	PresentationID string             `json:"PresentationID"`
	Instalments    []instalmentRecord `json:"Instalments"`
}

type instalmentRecord struct {
	Number       int         `json:"number"`
	Percent      int         `json:"percent"`
	Tenor        string      `json:"tenor"`
	Amount       money.Money `json:"amount"`
	MaturityDate domain.Date `json:"maturityDate"`
	PayableAt    time.Time   `json:"payableAt,omitzero"`
}

func (r instalmentsScheduledRecord) Event() domain.Event {
	e := domain.InstalmentsScheduled{PresentationID: r.PresentationID}
	for _, it := range r.Instalments {
		e.Instalments = append(e.Instalments, domain.Instalment(it))
	}
	return e
}

func instalmentsRecord(e domain.InstalmentsScheduled) instalmentsScheduledRecord {
	r := instalmentsScheduledRecord{PresentationID: e.PresentationID}
	for _, it := range e.Instalments {
		r.Instalments = append(r.Instalments, instalmentRecord(it))
	}
	return r
}

// withInstalments adds a mixed payment drawing's instalments to its lc.honoured.v1 (optional,
// absent for every other credit): a sight instalment with no payableAt is paid at once, a
// deferred one at its payableAt. The event's payableAt stays the last instalment's, so a
// consumer that knows no instalments pays the whole no earlier than its last maturity.
func withInstalments(h contracts.LCHonoured, lc *domain.LetterOfCredit, presentationID string) contracts.LCHonoured {
	p := lc.PresentationByID(presentationID)
	if p == nil {
		return h
	}
	for _, it := range p.Instalments {
		in := contracts.HonouredInstalment{Number: it.Number, Amount: it.Amount, MaturityDate: it.MaturityDate.String()}
		if !it.PayableAt.IsZero() {
			in.PayableAt = instant(it.PayableAt)
		}
		h.Instalments = append(h.Instalments, in)
	}
	return h
}
