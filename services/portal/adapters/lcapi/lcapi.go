// Package lcapi is the portal's adapter to the LC service's API (services/lc, /v1/...): every
// route the portal uses, with the bodies as the service's OpenAPI description states them.
package lcapi

import (
	"context"
	"strconv"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
)

const credits = "/v1/letters-of-credit"

// API is the LC service at a base URL.
type API struct{ apiclient.Client }

// New returns the adapter for the LC service at base.
func New(base string) API { return API{apiclient.New(base)} }

// Party is MT700 50 / 59.
type Party struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
}

// Goods is MT700 45A.
type Goods struct {
	Description    string `json:"description"`
	Quantity       int64  `json:"quantity,omitempty"`
	Unit           string `json:"unit,omitempty"`
	CountedInUnits bool   `json:"countedInUnits,omitempty"`
}

// Terms are the MT700 fields the application form asks for.
type Terms struct {
	Number             string       `json:"number,omitempty"`
	Applicant          Party        `json:"applicant"`
	Beneficiary        Party        `json:"beneficiary"`
	IssuingBank        string       `json:"issuingBank"`
	AdvisingBank       string       `json:"advisingBank"`
	Amount             *money.Money `json:"amount,omitempty"`
	ExpiryDate         string       `json:"expiryDate,omitempty"`
	ExpiryPlace        string       `json:"expiryPlace"`
	LatestShipment     string       `json:"latestShipment,omitempty"`
	PartialShipments   string       `json:"partialShipments"`
	Transhipment       string       `json:"transhipment"`
	PortOfLoading      string       `json:"portOfLoading"`
	PortOfDischarge    string       `json:"portOfDischarge"`
	Goods              Goods        `json:"goods"`
	Incoterm           string       `json:"incoterm,omitempty"`
	DocumentsRequired  []string     `json:"documentsRequired"`
	PresentationPeriod int          `json:"presentationPeriodDays,omitempty"`
	BeneficiaryAccount string       `json:"beneficiaryAccount"`
	AccountCurrency    string       `json:"accountCurrency,omitempty"`
	// MT700 49 and 58a (confirmation.go).
	Confirmation               string `json:"confirmation,omitempty"`
	RequestedConfirmationParty string `json:"requestedConfirmationParty,omitempty"`
}

// Application is POST /v1/letters-of-credit.
type Application struct {
	ID      string `json:"id"`
	TradeID string `json:"tradeId"`
	Terms   Terms  `json:"terms"`
}

// Credit is GET /v1/letters-of-credit/{id}.
type Credit struct {
	ID            string         `json:"id"`
	TradeID       string         `json:"tradeId"`
	Status        string         `json:"status"`
	IssueDate     string         `json:"issueDate"`
	AdvisedOn     string         `json:"advisedOn"`
	AcceptedOn    string         `json:"acceptedOn"`
	Terms         Terms          `json:"terms"`
	Presentations []Presentation `json:"presentations"`
	Amendments    []Amendment    `json:"amendments"`
	Cancellation  *Cancellation  `json:"cancellation"`
	Messages      []Message      `json:"messages"`
	// The confirmation and the confirming bank's claims (confirmation.go).
	Confirmation   *Confirmation        `json:"confirmation"`
	Reimbursements []ReimbursementClaim `json:"reimbursements"`
}

// Amendment is a change of terms the issuing bank proposed (MT707); it applies once the
// beneficiary accepts it (UCP 600 Art. 10(b)-(c)).
type Amendment struct {
	Number int `json:"number"`
	Changes
	Status string `json:"status"` // PROPOSED, ACCEPTED, REJECTED
}

// Changes are what an amendment changes: POST .../amendments takes them and nothing else.
type Changes struct {
	Date              string       `json:"date,omitempty"`
	NewExpiry         string       `json:"newExpiry,omitempty"`         // MT707 31E
	Increase          *money.Money `json:"increase,omitempty"`          // 32B
	Decrease          *money.Money `json:"decrease,omitempty"`          // 33B
	NewLatestShipment string       `json:"newLatestShipment,omitempty"` // 44C
}

// Cancellation is the issuing bank's proposal to cancel the credit (UCP 600 Art. 10(a)).
type Cancellation struct {
	Reason     string `json:"reason"`
	ProposedAt string `json:"proposedAt"`
	Status     string `json:"status"` // PROPOSED, ACCEPTED, REJECTED
}

// Presentation is an examined presentation as the credit holds it.
type Presentation struct {
	ID          string      `json:"id"`
	Examination Examination `json:"examination"`
	// Refusal is the issuing bank's notice (UCP 600 Art. 16(c)); nil when not refused.
	Refusal *struct {
		Disposal string `json:"disposal"` // UCP 600 Art. 16(c)(iii): HOLD, NOTIFY, RETURN, PREVINSTR
		Date     string `json:"date"`
	} `json:"refusal"`
	// Waiver is the applicant's waiver (Art. 16(b)) and the issuing bank's decision on it.
	Waiver *struct {
		Date     string `json:"date"`
		Decision string `json:"decision"` // PENDING, ACCEPTED, REJECTED
	} `json:"waiver"`
	Honoured      bool   `json:"honoured"`
	HonouredOn    string `json:"honouredOn"`
	DecisionUntil string `json:"decisionUntil"` // the applicant's decision period ends (RFC 3339)
	Status        string `json:"status"`        // QUEUED for the issuing bank's examiner, HONOURED, REFUSED
	HonouredBy    string `json:"honouredBy"`    // the confirming bank, when it honoured (UCP 600 Art. 8(a))
}

// Examination is the examiner's result under UCP 600.
type Examination struct {
	Compliant     bool          `json:"compliant"`
	Discrepancies []Discrepancy `json:"discrepancies"`
	Deadline      string        `json:"deadline"` // UCP 600 Art. 14(b)
}

// Discrepancy names the rule (UCP 600 article or MT700 field), the document and field.
type Discrepancy struct {
	Rule     string `json:"rule"`
	Document string `json:"document"`
	Field    string `json:"field"`
	Message  string `json:"message"`
}

// Message is a SWIFT message of the credit as FIN text.
type Message struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// PresentedDocument is the data of one presented document.
type PresentedDocument struct {
	Kind             string       `json:"kind"`
	IssueDate        string       `json:"issueDate,omitempty"`
	Issuer           string       `json:"issuer,omitempty"`
	SHA256           string       `json:"sha256,omitempty"`
	MadeOutTo        string       `json:"madeOutTo,omitempty"`
	Amount           *money.Money `json:"amount,omitempty"`
	GoodsDescription string       `json:"goodsDescription,omitempty"`
	Quantity         int64        `json:"quantity,omitempty"`
	OnBoardNotation  bool         `json:"onBoardNotation,omitempty"`
	OnBoardDate      string       `json:"onBoardDate,omitempty"`
	PortOfLoading    string       `json:"portOfLoading,omitempty"`
	PortOfDischarge  string       `json:"portOfDischarge,omitempty"`
}

// Presented is a presentation's date, place and documents.
type Presented struct {
	Documents []PresentedDocument `json:"documents"` // the issuing bank stamps the date and place of receipt
}

// Apply files the importer's application.
func (a API) Apply(ctx context.Context, token string, app Application) (Credit, error) {
	return apiclient.Call[Credit](ctx, a.Client, token, "POST", credits, app)
}

// Get reads a credit (404 also for one the caller is not party to).
func (a API) Get(ctx context.Context, token, id string) (Credit, error) {
	return apiclient.Call[Credit](ctx, a.Client, token, "GET", apiclient.Path(credits, id), nil)
}

// Issue issues the credit (MT700); above the four-eyes limit it waits for approval.
func (a API) Issue(ctx context.Context, token, id, date string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "issue"), map[string]string{"issueDate": date}, nil)
}

// ApproveIssue is the checker's approval of an issue waiting for four eyes.
func (a API) ApproveIssue(ctx context.Context, token, id string) error {
	return a.Do(ctx, token, "POST", apiclient.Path(credits, id, "issue", "approval"), "", nil, nil)
}

// Advise is the advising bank's advice (UCP 600 Art. 9).
func (a API) Advise(ctx context.Context, token, id, date string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "advice"), map[string]string{"advisedOn": date}, nil)
}

// Accept is the beneficiary's acceptance.
func (a API) Accept(ctx context.Context, token, id, date string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "acceptance"), map[string]string{"acceptedOn": date}, nil)
}

// Present presents documents; the issuing bank examines them automatically and queues them for its examiner.
func (a API) Present(ctx context.Context, token, id, presentationID string, p Presented) (Examination, error) {
	var ex Examination
	err := a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "presentations"),
		map[string]any{"presentationId": presentationID, "presentation": p}, &ex)
	return ex, err
}

// DecideExamination is the issuing bank examiner's decision: honour, or refuse with the disposal
// of the documents (UCP 600 Art. 16(c)(iii)).
func (a API) DecideExamination(ctx context.Context, token, id, presentationID string, honour bool, disposal string) error {
	body := map[string]any{"decision": "HONOUR"}
	if !honour {
		body = map[string]any{"decision": "REFUSE", "disposal": disposal}
	}
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "presentations", presentationID, "decision"), body, nil)
}

// Waive is the applicant's waiver of a refused presentation's discrepancies (UCP 600 Art. 16(b)).
func (a API) Waive(ctx context.Context, token, id, presentationID, date string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "presentations", presentationID, "waiver"), map[string]string{"date": date}, nil)
}

// DecideWaiver is the issuing bank's decision on the applicant's waiver (accepted honours).
func (a API) DecideWaiver(ctx context.Context, token, id, presentationID string, accepted bool, date string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "presentations", presentationID, "waiver", "decision"),
		map[string]any{"accepted": accepted, "date": date}, nil)
}

// Amend proposes an amendment of the credit's terms (the issuing bank, UCP 600 Art. 10(a)).
func (a API) Amend(ctx context.Context, token, id string, am Changes) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "amendments"), am, nil)
}

// AnswerAmendment is the beneficiary's answer to amendment n: all or nothing (Art. 10(c), 10(e)).
func (a API) AnswerAmendment(ctx context.Context, token, id string, n int, accepted bool) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "amendments", strconv.Itoa(n), "answer"), map[string]bool{"accepted": accepted}, nil)
}

// ProposeCancellation is the issuing bank's proposal to cancel, with its reason.
func (a API) ProposeCancellation(ctx context.Context, token, id, reason string) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "cancellation"), map[string]string{"reason": reason}, nil)
}

// AnswerCancellation is the beneficiary's consent to the cancellation, or its refusal.
func (a API) AnswerCancellation(ctx context.Context, token, id string, accepted bool) error {
	return a.JSON(ctx, token, "POST", apiclient.Path(credits, id, "cancellation", "answer"), map[string]bool{"accepted": accepted}, nil)
}
