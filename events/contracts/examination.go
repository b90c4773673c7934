package contracts

// PassExaminationDeadlineActivity asks the LC service, when the trade workflow's timer for a
// presentation's examination deadline (DocumentsPresented.ExaminationDeadline) fired, to enforce
// it. The LC service decides (UCP 600 Art. 14(b), 16(f)): a presentation still undecided is one
// the issuing bank is precluded from refusing, so it is honoured (lc.honoured.v1 follows, with
// its milestone and the payment); one decided answers DECIDED; one whose deadline has not passed
// at the service's clock answers PENDING with the deadline, for a new timer. Idempotent.
const PassExaminationDeadlineActivity = "PassExaminationDeadline"

// PassExaminationDeadline names the presentation whose deadline passed.
type PassExaminationDeadline struct {
	TradeID        string
	LCID           string
	PresentationID string
}

// ExaminationDeadlineOutcome is the LC service's answer.
type ExaminationDeadlineOutcome struct {
	Status     string // ExaminationPrecluded, ExaminationDecided or ExaminationPending
	DeadlineAt string // RFC 3339: the presentation's deadline
}

// Outcomes of PassExaminationDeadlineActivity.
const (
	ExaminationPrecluded = "PRECLUDED"
	ExaminationDecided   = "DECIDED"
	ExaminationPending   = "PENDING"
)
