package contracts

// LCReceived: the advising bank registered a credit its issuing bank issued outside tradefin
// and sent by SWIFT (MT700), for advice (UCP 600 Art. 9). It opens the credit's trade as
// lc.applied.v1 does an application's — its fields are the application's, the issue's number
// and date besides — but it is the advising bank's step (its Actor, and on the ledger its
// organisation's milestone LC_RECEIVED): the application and the issue were the issuing side's,
// taken outside, and are no milestones of the platform (chaincode/rules/received.go).
type LCReceived struct {
	LCApplied
	LCNumber  string `json:"lcNumber"`  // MT700 20
	IssueDate string `json:"issueDate"` // MT700 31C, YYYY-MM-DD
}
