package domain

import (
	"slices"
	"time"

	"github.com/tradefin/tradefin/events/identity"
)

// StatusReport is what settlement needs of a pacs.002 FIToFIPmtStsRpt: the original message it
// reports on and, per transaction, the original identifiers and the status
// (ExternalPaymentTransactionStatus1Code) with its reasons (ExternalStatusReason1Code).
type StatusReport struct {
	MsgID        string
	OrgnlMsgID   string
	Transactions []TransactionStatus
}

// TransactionStatus is one TxInfAndSts (or the group status of a report without any).
type TransactionStatus struct {
	OrgnlEndToEndID string
	OrgnlUETR       string
	Status          string   // ACSC, ACCC, RJCT, ACSP, PDNG, ...
	Reasons         []string // e.g. AC04
}

// Bounds of a status report: one pacs.002 may report on a whole batch, of which one
// transaction is this payment's.
const (
	MaxReportTransactions = 100
	maxReasons            = 10
	max35                 = 35 // ISO 20022 Max35Text: MsgId, OrgnlMsgId, a proprietary reason
	maxUETR               = 36
)

func (r StatusReport) validate() error {
	if r.MsgID == "" || r.OrgnlMsgID == "" || len(r.MsgID) > max35 || len(r.OrgnlMsgID) > max35 {
		return invalid("pacs.002: GrpHdr/MsgId and OrgnlGrpInfAndSts/OrgnlMsgId are required, Max35Text")
	}
	if len(r.Transactions) == 0 || len(r.Transactions) > MaxReportTransactions {
		return invalid("pacs.002: 1 to %d transaction statuses, not %d", MaxReportTransactions, len(r.Transactions))
	}
	for _, t := range r.Transactions {
		if len(t.Status) != 4 || len(t.OrgnlUETR) > maxUETR || len(t.OrgnlEndToEndID) > max35 || len(t.Reasons) > maxReasons {
			return invalid("pacs.002: a transaction status is a 4-letter code with at most %d reasons, its UETR and EndToEndId bounded", maxReasons)
		}
		if slices.ContainsFunc(t.Reasons, func(s string) bool { return len(s) > max35 }) {
			return invalid("pacs.002: a status reason is at most %d characters", max35)
		}
	}
	return nil
}

// ApplyReport applies a pacs.002 to the attempt whose message it reports on (OrgnlMsgId, and the
// attempt's UETR where the report names one).
//
// Only the current attempt's status changes the payment. A report on an earlier attempt comes
// late: that attempt was rejected and superseded. Repeating what is known of it (the RJCT again,
// or an interim status) changes nothing and is accepted as a redelivery; claiming anything else
// (ACSC for a rejected attempt) is refused as a conflict, and the current attempt is untouched.
func (p *Payment) ApplyReport(r StatusReport, by identity.Stamp, now time.Time) error {
	if err := r.validate(); err != nil {
		return err
	}
	i := slices.IndexFunc(p.Attempts, func(a Attempt) bool { return a.MsgID == r.OrgnlMsgID })
	if i < 0 {
		sent := "nothing"
		if a := p.Current(); a != nil {
			sent = a.MsgID
		}
		return invalid("pacs.002 reports on %s, payment %s sent %s", r.OrgnlMsgID, p.id, sent)
	}
	a := &p.Attempts[i]
	j := slices.IndexFunc(r.Transactions, func(t TransactionStatus) bool { return t.OrgnlUETR == "" || t.OrgnlUETR == a.UETR })
	if j < 0 {
		return invalid("pacs.002 has no status for UETR %s", a.UETR)
	}
	tx := r.Transactions[j]
	if a.Number < len(p.Attempts) {
		return lateReport(p, a, tx.Status)
	}
	reason := ""
	if len(tx.Reasons) > 0 {
		reason = tx.Reasons[0]
	}
	return p.applyStatus(tx.Status, reason, by, now)
}

func lateReport(p *Payment, a *Attempt, status string) error {
	if status == a.StatusCode || isInterim(status) {
		return nil
	}
	if !isFinal(status) && status != "RJCT" {
		return invalid("unknown transaction status %q", status)
	}
	return conflict("attempt %d of payment %s (MsgId %s) was rejected (%s) and superseded by attempt %d: its late %s is not applied",
		a.Number, p.id, a.MsgID, a.Reason, len(p.Attempts), status)
}

func isFinal(code string) bool { return code == "ACSC" || code == "ACCC" }
func isInterim(code string) bool {
	return slices.Contains([]string{"ACSP", "ACTC", "ACCP", "PDNG", "RCVD"}, code)
}

// applyStatus applies a transaction status to the current attempt. ACSC/ACCC make the payment
// final; RJCT fails it and reverses the attempt's postings with a new posting set. Interim
// statuses change nothing. A status for an attempt already decided is accepted only if it
// repeats the same outcome (idempotent redelivery).
func (p *Payment) applyStatus(code, reason string, by identity.Stamp, now time.Time) error {
	a := p.Current()
	switch {
	case isFinal(code):
		switch p.Status {
		case StatusSettled:
			return nil
		case StatusInstructed:
			p.record(PaymentSettled{Actor: by, StatusCode: code, UETR: a.UETR, At: now.UTC()})
			return nil
		}
		return conflict("payment %s is %s; cannot settle", p.id, p.Status)
	case code == "RJCT":
		switch {
		case a.Rejected():
			return nil
		case p.Status == StatusInstructed:
			p.record(PaymentFailed{Actor: by, Reason: reason, UETR: a.UETR, At: now.UTC()})
			rev := a.Postings.Reversal(p.postingID("reversal", a.Number))
			p.record(PaymentReversed{Actor: by, PostingID: rev.ID(), Postings: rev.Entries(), At: now.UTC()})
			return nil
		}
		return conflict("payment %s is %s (final); cannot reject", p.id, p.Status)
	case isInterim(code):
		return nil
	}
	return invalid("unknown transaction status %q", code)
}
