package store

import (
	"github.com/tradefin/tradefin/services/lc/domain"
)

// examinationRecord is domain.Examination as stored.
type examinationRecord struct {
	Compliant     bool                `json:"compliant"`
	Discrepancies []discrepancyRecord `json:"discrepancies"`
	Deadline      domain.Date         `json:"deadline"`
}

func toExaminationRecord(v domain.Examination) examinationRecord {
	return examinationRecord{
		Compliant:     v.Compliant,
		Discrepancies: each(v.Discrepancies, toDiscrepancyRecord),
		Deadline:      v.Deadline,
	}
}

func fromExaminationRecord(r examinationRecord) domain.Examination {
	return domain.Examination{
		Compliant:     r.Compliant,
		Discrepancies: each(r.Discrepancies, fromDiscrepancyRecord),
		Deadline:      r.Deadline,
	}
}

// discrepancyRecord is domain.Discrepancy as stored.
type discrepancyRecord struct {
	Rule     string              `json:"rule"`
	Document domain.DocumentKind `json:"document,omitempty"`
	Field    string              `json:"field,omitempty"`
	Message  string              `json:"message"`
}

func toDiscrepancyRecord(v domain.Discrepancy) discrepancyRecord { return discrepancyRecord(v) }

func fromDiscrepancyRecord(r discrepancyRecord) domain.Discrepancy { return domain.Discrepancy(r) }
