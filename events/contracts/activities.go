package contracts

// Temporal activities the trade workflow asks the services to run: the contract between the
// workflow and the process that serves each task queue, as the *.v1 events are between services.

// SettlementTaskQueue is served by the settlement service.
const SettlementTaskQueue = "settlement"

// InstructPaymentActivity asks settlement to instruct the payment of an honoured presentation
// (the pacs.009 to the advising bank). It is idempotent: a payment already instructed is reported
// with its status; one not raised yet (lc.honoured.v1 still on its way) fails and is retried.
const InstructPaymentActivity = "InstructPayment"

// PaymentRef names the payment of an honoured presentation.
type PaymentRef struct {
	TradeID        string
	LCID           string
	PresentationID string
}

// LCTaskQueue is served by the LC service.
const LCTaskQueue = "lc"

// ExpireCreditActivity asks the LC service to expire a credit whose presentable-until instant
// (LCApplied/LCAmended.PresentableUntil) has passed. The LC service decides (UCP 600 Art. 6(d)):
// a credit with no presentation pending expires and publishes lc.expired.v1, which is the only
// source of the EXPIRED milestone; a credit with a presentation under examination or a refusal
// awaiting the applicant's waiver decision answers ExpiryDeferred (that presentation was made in
// time and is decided first), and the workflow asks again when it is decided. A credit already
// honoured, expired or cancelled answers with its state; the call is idempotent.
const ExpireCreditActivity = "ExpireCredit"

// ExpireCredit names the credit to expire.
type ExpireCredit struct {
	TradeID string
	LCID    string
}

// ExpiryOutcome is the LC service's answer to ExpireCreditActivity.
type ExpiryOutcome struct {
	Status string // "EXPIRED", "DEFERRED" (a presentation is pending) or the credit's status when it can no longer expire
	// PresentableUntil is the credit's current instant (RFC 3339): an amendment the workflow had
	// not seen yet may have moved it, in which case the credit is not expired and Status is "EXTENDED".
	PresentableUntil string
}

// Outcomes of ExpireCreditActivity.
const (
	ExpiryExpired  = "EXPIRED"
	ExpiryDeferred = "DEFERRED"
	ExpiryExtended = "EXTENDED"
)

// A failed payment (settlement.payment_failed.v1, pacs.002 RJCT) is the workflow's to drive too:
// on it the workflow runs InstructPaymentActivity again for the same PaymentRef. Settlement then
// re-instructs at once (a new attempt with a new UETR and a new settlement.payment_initiated.v1)
// when the rejection reason may pass by itself (ISO 20022 ExternalStatusReason1Code such as
// TM01 cut-off, AM04 insufficient funds), and otherwise (AC01 wrong account, AC04 closed, ...)
// answers "awaiting correction", a retryable error, until the debtor bank's payments officer
// corrects the instruction; the trade shows the payment failed and waiting meanwhile, and
// counts as stuck past the threshold.
