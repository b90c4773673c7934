package httpapi

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/adapters/swiftmap"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// maxFINBytes bounds a body: an MT700 and its seven MT701s at most, each a text block (block 4)
// of at most 10,000 characters with headers and trailer of a few hundred more.
const maxFINBytes = 96 << 10

// The JSON of a received message: its type and every field in order, dates and amounts decoded.
type (
	finView struct {
		Type       string        `json:"type"` // "MT700"
		Name       string        `json:"name"` // "Issue of a Documentary Credit"
		Sender     string        `json:"sender"`
		Receiver   string        `json:"receiver"`
		Fields     []fieldView   `json:"fields"`
		Registered *registration `json:"registered,omitempty"`
		// Continuations are the messages handed in after the first: an MT700's MT701s.
		Continuations []finView `json:"continuations,omitempty"`
	}
	fieldView struct {
		Tag     string       `json:"tag"`
		Name    string       `json:"name"`
		Value   string       `json:"value"` // lines joined by \n
		Decoded *decodedView `json:"decoded,omitempty"`
	}
	decodedView struct {
		Date    *domain.Date `json:"date,omitempty"`
		Amount  *money.Money `json:"amount,omitempty"`
		Place   string       `json:"place,omitempty"`
		BIC     string       `json:"bic,omitempty"`
		Account string       `json:"account,omitempty"`
	}
	// registration is what tradefin made of the message: the credit registered for advice, or the
	// amendment to advise.
	registration struct {
		LetterOfCredit string `json:"letterOfCredit"`
		Amendment      int    `json:"amendment,omitempty"`
		Presentation   string `json:"presentation,omitempty"` // the presentation an MT734 refuses
		Href           string `json:"href"`
	}
)

func registerSwiftMessages(mux *apispec.Mux, a app.Application) {
	mux.HandleFunc("POST /v1/swift/messages", func(w http.ResponseWriter, r *http.Request) {
		if caller, ok := identity.FromContext(r.Context()); !ok || caller.OrgKind != identity.Bank {
			fail(w, r, domain.Forbid("only a bank's users hand in the SWIFT messages their bank received"))
			return
		}
		raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxFINBytes))
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			fail(w, r, problem.New(problem.TooLarge, "Message too large", fmt.Sprintf("a FIN message is at most %d bytes", maxFINBytes)))
			return
		}
		msgs, err := received(string(raw))
		if err != nil {
			fail(w, r, messageProblem(err))
			return
		}
		view := viewOfMessage(msgs[0])
		for _, m := range msgs[1:] {
			view.Continuations = append(view.Continuations, viewOfMessage(m))
		}
		status := http.StatusOK
		if r.URL.Query().Get("register") != "false" {
			if status, err = registerMessage(r, a.Commands, msgs, &view); err != nil {
				fail(w, r, err)
				return
			}
		}
		if status == http.StatusCreated {
			w.Header().Set("Location", view.Registered.Href)
		}
		writeJSON(w, status, view)
	})
}

// continuedBy is what each message type continues into, when its text is longer than one
// message holds.
var continuedBy = map[string]string{"700": "701", "707": "708", "710": "711", "720": "721"}

// received reads the body: one message, or one and its continuations (an MT700 and its MT701s),
// each validated.
func received(raw string) ([]*swift.Message, error) {
	msgs, err := swift.ParseAll(raw)
	if err != nil {
		return nil, err
	}
	for i, m := range msgs {
		if i > 0 && (m.Type != continuedBy[msgs[0].Type] || m.Sender != msgs[0].Sender) {
			return nil, &swift.ParseError{Reason: fmt.Sprintf("message %d: an MT%s is not a continuation of the MT%s from %s", i+1, m.Type, msgs[0].Type, msgs[0].Sender)}
		}
		if err := swift.Validate(m); err != nil {
			if i > 0 {
				return nil, fmt.Errorf("message %d (MT%s): %w", i+1, m.Type, err)
			}
			return nil, err
		}
	}
	return msgs, nil
}

// registerMessage makes the message's registration: an MT700 (with its MT701s) the credit for
// advice, an MT707 the amendment to advise, an MT734 the refusal of the presentation it names.
// Other types are only read.
func registerMessage(r *http.Request, c app.Commands, msgs []*swift.Message, view *finView) (int, error) {
	m, h := msgs[0], c.ReceiveSwift
	switch m.Type {
	case "700":
		q := r.URL.Query()
		p := swiftmap.ReceivedParties{Applicant: q.Get("applicant"), Beneficiary: q.Get("beneficiary")}
		var missing []problem.InvalidParam
		for _, f := range []struct{ name, value, tag string }{{"applicant", p.Applicant, "50"}, {"beneficiary", p.Beneficiary, "59"}} {
			if f.value == "" {
				missing = append(missing, problem.InvalidParam{Name: f.name, Reason: "required to register an MT700: the organisation (LEI) your bank knows the party of field " + f.tag + " as"})
			}
		}
		if len(missing) > 0 {
			return 0, problem.InvalidFields(missing...)
		}
		terms, issued, err := swiftmap.ReceivedCredit(msgs, p)
		if err != nil {
			return 0, messageProblem(err)
		}
		lc, created, err := h.HandleCredit(r.Context(), command.ReceiveCredit{Terms: terms, IssueDate: issued})
		if err != nil {
			return 0, termsProblem(err)
		}
		view.Registered = &registration{LetterOfCredit: lc.ID, Href: "/v1/letters-of-credit/" + lc.ID}
		if created {
			return http.StatusCreated, nil
		}
	case "707":
		number, amendment, err := swiftmap.ReceivedAmendment(m)
		if err != nil {
			return 0, messageProblem(err)
		}
		lc, err := h.HandleAmendment(r.Context(), command.ReceiveAmendment{Sender: m.Sender, Receiver: m.Receiver, CreditNumber: number, Amendment: amendment})
		if err != nil {
			return 0, err
		}
		view.Registered = &registration{LetterOfCredit: lc.ID, Amendment: amendment.Number, Href: "/v1/letters-of-credit/" + lc.ID}
	case "734":
		refusal, err := swiftmap.ReceivedRefusal(m)
		if err != nil {
			return 0, messageProblem(err)
		}
		lc, err := c.ReceiveRefusal.Handle(r.Context(), refusal)
		if err != nil {
			return 0, err
		}
		view.Registered = &registration{LetterOfCredit: lc.ID, Presentation: refusal.Presentation, Href: "/v1/letters-of-credit/" + lc.ID}
	}
	return http.StatusOK, nil
}

// messageProblem is a 422 naming the message's first defective field (or "message" for a
// defect of its blocks) and why.
func messageProblem(err error) error {
	var pe *swift.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	name := pe.Tag
	if name == "" {
		name = "message"
	}
	return &problem.Error{Kind: problem.Unprocessable, Title: "Not a valid SWIFT message", Detail: err.Error(),
		Params: []problem.InvalidParam{{Name: name, Reason: pe.Reason}}}
}

// termsProblem names, for terms the credit refuses, the MT700 fields they come from (a 422: the
// message is well-formed, the credit it states is not one tradefin registers).
func termsProblem(err error) error {
	var fs domain.InvalidFields
	if !errors.As(err, &fs) {
		return err
	}
	ps := make([]problem.InvalidParam, len(fs))
	for i, f := range fs {
		ps[i] = problem.InvalidParam{Name: swiftmap.TermsField(f.Field), Reason: f.Reason}
	}
	return &problem.Error{Kind: problem.Unprocessable, Title: "The MT700's credit cannot be registered", Params: ps}
}

func viewOfMessage(m *swift.Message) finView {
	spec, _ := swift.Spec(m.Type)
	v := finView{Type: "MT" + m.Type, Name: spec.Name, Sender: m.Sender, Receiver: m.Receiver, Fields: make([]fieldView, len(m.Fields))}
	for i, f := range m.Fields {
		fs, _, _ := spec.Field(f.Tag)
		v.Fields[i] = fieldView{Tag: f.Tag, Name: fs.Name, Value: strings.ReplaceAll(f.Value, "\r\n", "\n"), Decoded: decodedOf(f)}
	}
	return v
}

// decodedOf is what a field means beyond its text, nil for a field that is only text.
func decodedOf(f swift.Field) *decodedView {
	d, err := swift.Decode(f)
	if err != nil { // Validate decoded every field already
		return nil
	}
	out := decodedView{Amount: d.Amount, Place: d.Place, BIC: d.BIC, Account: d.Account}
	if !d.Date.IsZero() {
		date := domain.NewDate(d.Date.Date())
		out.Date = &date
	}
	if out == (decodedView{}) {
		return nil
	}
	return &out
}
