package store

import (
	"github.com/tradefin/tradefin/services/lc/domain"
)

// refusalNoticeRecord is domain.RefusalNotice as stored.
type refusalNoticeRecord struct {
	Discrepancies []discrepancyRecord `json:"discrepancies"`
	Disposal      domain.Disposal     `json:"disposal"`
	Date          domain.Date         `json:"date"`
}

func toRefusalNoticeRecord(v domain.RefusalNotice) refusalNoticeRecord {
	return refusalNoticeRecord{
		Discrepancies: each(v.Discrepancies, toDiscrepancyRecord),
		Disposal:      v.Disposal,
		Date:          v.Date,
	}
}

func fromRefusalNoticeRecord(r refusalNoticeRecord) domain.RefusalNotice {
	return domain.RefusalNotice{
		Discrepancies: each(r.Discrepancies, fromDiscrepancyRecord),
		Disposal:      r.Disposal,
		Date:          r.Date,
	}
}

// waiverRecord is domain.Waiver as stored.
type waiverRecord struct {
	By       string      `json:"by"`
	Date     domain.Date `json:"date"`
	Accepted bool        `json:"accepted"`
}

func toWaiverRecord(v domain.Waiver) waiverRecord { return waiverRecord(v) }

func fromWaiverRecord(r waiverRecord) domain.Waiver { return domain.Waiver(r) }
