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
