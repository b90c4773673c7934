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

// ReinstructPayment is how settlement re-instructs a failed payment: the workflow, told by
// settlement.payment_failed.v1, runs InstructPaymentActivity again for the same PaymentRef once
// settlement publishes a new settlement.payment_initiated.v1 (after the payments officer
// corrected or approved it); until then the trade shows the failure and counts as waiting.
