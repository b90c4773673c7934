// Package tradeview serves GET /v1/trades/{id}: a trade's timeline as its workflow knows it —
// the services' events, the workflow's status, and each milestone with its Fabric transaction.
package tradeview

import (
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/workflows/trade"
)

// Timeline is the response body.
type Timeline struct {
	TradeID  string     `json:"tradeId"`
	Status   string     `json:"status"` // RUNNING, CLOSED, EXPIRED, CANCELLED
	LCExpiry *time.Time `json:"lcExpiry,omitempty"`
	Expiry   string     `json:"expiry,omitempty"`
	Stuck    bool       `json:"stuck"`
	Waits    []Wait     `json:"waits"`
	Workflow Workflow   `json:"workflow"`
	Events   []Event    `json:"events"`
	// EventsReceived counts every event; Events holds the latest (the workflow keeps a bounded number).
	EventsReceived int         `json:"eventsReceived"`
	Milestones     []Milestone `json:"milestones"`
	Pending        []Milestone `json:"pending"` // received, waiting for the milestone the ledger wants first
	Payment        *Payment    `json:"payment,omitempty"`
	Parties        []string    `json:"parties"` // the organisations party to the trade
}

// Payment is what the workflow asked settlement to pay once the credit was honoured.
type Payment struct {
	LCID           string         `json:"lcId"`
	PresentationID string         `json:"presentationId"`
	Status         string         `json:"status,omitempty"` // settlement's answer
	Error          string         `json:"error,omitempty"`
	State          string         `json:"state"` // instructing, instructed, failed-waiting
	Failures       int            `json:"failures,omitempty"`
	Failed         *PaymentFailed `json:"failed,omitempty"`
	// A usance credit's payment waits for its maturity (state awaiting-maturity until PayableAt).
	MaturityDate string     `json:"maturityDate,omitempty"`
	PayableAt    *time.Time `json:"payableAt,omitempty"`
}

// PaymentFailed is the last rejection of the payment.
type PaymentFailed struct {
	EventID string    `json:"eventId"`
	Reason  string    `json:"reason"`
	At      time.Time `json:"at"`
}

// Wait is a step in flight the trade waits on.
type Wait struct {
	What  string    `json:"what"`
	Since time.Time `json:"since"`
	Stuck bool      `json:"stuck"`
}

// Workflow is the Temporal execution behind the trade.
type Workflow struct {
	ID        string     `json:"id"`
	RunID     string     `json:"runId"`
	Status    string     `json:"status"` // Temporal's: RUNNING, COMPLETED, FAILED, ...
	StartTime time.Time  `json:"startTime"`
	CloseTime *time.Time `json:"closeTime,omitempty"`
}

// Event is an integration event the trade received.
type Event struct {
	Type   string    `json:"type"`
	ID     string    `json:"id"`
	Source string    `json:"source"`
	Time   time.Time `json:"time"`
	SHA256 string    `json:"sha256"`
	// Actor is who did the step: organisation, user, client.
	Actor identity.Stamp `json:"actor"`
}

// Milestone is a milestone and where it is on the ledger.
type Milestone struct {
	Name    string `json:"name"`
	Org     string `json:"org"` // MSP ID of the submitting organisation
	EventID string `json:"eventId"`
	SHA256  string `json:"sha256"`
	TxID    string `json:"txId,omitempty"`
	Block   uint64 `json:"block,omitempty"`
	Error   string `json:"error,omitempty"`
	// Actor is who did the step the milestone records (the event's actor).
	Actor identity.Stamp `json:"actor"`
}

func timeline(st trade.State, wf Workflow) Timeline {
	t := Timeline{TradeID: st.TradeID, Status: st.Status, Expiry: st.Expiry, Workflow: wf, Events: []Event{}, EventsReceived: st.EventsReceived,
		Milestones: milestones(st.Milestones, st.Events), Pending: milestones(st.Pending, st.Events), Waits: []Wait{},
		Parties: append([]string{}, st.Parties...)}
	if !st.LCExpiry.IsZero() {
		t.LCExpiry = &st.LCExpiry
	}
	if t.EventsReceived < len(st.Events) { // a run before the events were bounded
		t.EventsReceived = len(st.Events)
	}
	for _, w := range st.Waits {
		t.Waits = append(t.Waits, Wait(w))
		t.Stuck = t.Stuck || w.Stuck
	}
	if ref := st.Payment.Ref; ref != nil {
		p := st.Payment
		t.Payment = &Payment{LCID: ref.LCID, PresentationID: ref.PresentationID, Status: p.Status, Error: p.Error, Failures: p.Failures, State: paymentState(p)}
		if f := p.Failed; f != nil {
			t.Payment.Failed = &PaymentFailed{EventID: f.EventID, Reason: f.Reason, At: f.At}
		}
		if !p.PayableAt.IsZero() {
			t.Payment.MaturityDate, t.Payment.PayableAt = p.MaturityDate, &p.PayableAt
		}
	}
	for _, e := range st.Events {
		t.Events = append(t.Events, Event{Type: e.Type, ID: e.ID, Source: e.Source, Time: e.Time, SHA256: e.SHA256, Actor: e.Actor})
	}
	return t
}

// paymentState says where the payment stands: failed and instructed again until corrected,
// instructed (settlement answered), or being instructed.
func paymentState(p trade.Instruction) string {
	switch {
	case p.AwaitingMaturity:
		return "awaiting-maturity"
	case p.Waiting:
		return "failed-waiting"
	case p.Status != "":
		return "instructed"
	}
	return "instructing"
}

func milestones(ms []trade.Milestone, evs []trade.Event) []Milestone {
	actor := map[string]identity.Stamp{} // runs before milestones carried their actor
	for _, e := range evs {
		actor[e.ID] = e.Actor
	}
	out := []Milestone{}
	for _, m := range ms {
		a := m.Actor
		if a == (identity.Stamp{}) {
			a = actor[m.EventID]
		}
		out = append(out, Milestone{Name: m.Name, Org: m.MSPID, EventID: m.EventID, SHA256: m.SHA256, TxID: m.TxID, Block: m.Block, Error: m.Error,
			Actor: a})
	}
	return out
}
