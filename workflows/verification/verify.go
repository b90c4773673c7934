package verification

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// Verify compares the sources of one trade. Each ledger record gets a line: OK when its hash is
// the fingerprint of an event on Kafka that stands for that milestone (or the workflow's derived
// hash), the entitled organisation committed it, every peer returns the same chain, the chain's
// links hold, the event is in its service's store with the same fingerprint, the workflow
// committed the same milestone at the same place, and it follows the record before it as the
// chaincode's rules (chaincode/rules) allow. Then a line for each milestone event that
// is on Kafka or in a service's store but not on the ledger, and for each milestone the
// workflow says it committed that the ledger lacks.
func Verify(in Inputs) Report {
	r := Report{TradeID: in.TradeID, Checked: checked(in)}
	chain, peerLines := agreedChain(in.Ledger)
	r.Lines = append(r.Lines, peerLines...)
	just := justifications(in.TradeID, in.Kafka)
	stored := storedEvents(in.Services)
	onLedger := map[string]int{} // event hash → seq of the first record carrying it
	var state rules.State        // the chain up to the record being checked
	for i, rec := range chain {
		l := Line{Seq: rec.Seq, Milestone: rec.Milestone, Org: rec.Org}
		why := checkLink(chain, i)
		want := rules.EntitledOrg(rules.Type(rec.Milestone))
		if j, ok := just[rec.EventHash]; ok && j.milestone == rec.Milestone { // the performer's (rules.CommittingOrg)
			want = rules.CommittingOrg(rules.Type(rec.Milestone), j.event.ByConfirmingBank)
		}
		if rec.Org != want {
			why = append(why, fmt.Sprintf("committed by %s; only %s may", rec.Org, want))
		}
		// The order the chaincode enforces, checked again: a peer's answer is not trusted.
		if err := rules.Check(rules.Type(rec.Milestone), state, want); err != nil {
			why = append(why, err.Error())
		}
		state = state.After(rules.Type(rec.Milestone))
		if seq, twice := onLedger[rec.EventHash]; twice {
			why = append(why, fmt.Sprintf("the same hash as record %d", seq))
		} else {
			onLedger[rec.EventHash] = rec.Seq
		}
		j, ok := just[rec.EventHash]
		switch {
		case !ok:
			why = append(why, fmt.Sprintf("hash %s is the fingerprint of no event of the trade on Kafka", short(rec.EventHash)))
		case j.milestone != rec.Milestone:
			why = append(why, fmt.Sprintf("hash is of %s %s, which stands for %s", j.event.Type, j.event.ID, orNone(j.milestone)))
		default:
			l.EventID = j.event.ID
			if !j.derived {
				why = append(why, checkStored(in.Services, stored, j.event)...)
			}
		}
		why = append(why, checkWorkflowAt(in.Workflow, i, rec)...)
		r.Lines = append(r.Lines, verdict(l, why))
	}
	r.Lines = append(r.Lines, unrecorded(in, just, onLedger, len(chain))...)
	return r
}

func checked(in Inputs) []string {
	var out []string
	if in.Services != nil {
		names := make([]string, 0, len(in.Services))
		for n := range in.Services {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			out = append(out, n+" store")
		}
	}
	out = append(out, "kafka", "workflow")
	for _, msp := range peers(in.Ledger) {
		out = append(out, "ledger via "+msp)
	}
	return out
}

func peers(ledger map[string][]Record) []string {
	out := make([]string, 0, len(ledger))
	for msp := range ledger {
		out = append(out, msp)
	}
	slices.Sort(out)
	return out
}

// agreedChain picks the longest chain any peer returned (the first in MSP order among equals)
// and a MISMATCH line for each peer whose chain differs from it.
func agreedChain(ledger map[string][]Record) ([]Record, []Line) {
	var ref []Record
	var refPeer string
	for _, msp := range peers(ledger) {
		if len(ledger[msp]) > len(ref) {
			ref, refPeer = ledger[msp], msp
		}
	}
	var lines []Line
	for _, msp := range peers(ledger) {
		if c := ledger[msp]; !slices.Equal(c, ref) {
			lines = append(lines, Line{Milestone: "(chain)", Org: msp, Status: Mismatch,
				Why: []string{fmt.Sprintf("%s's peer returns %d records, %s's %d%s", msp, len(c), refPeer, len(ref), firstDifference(c, ref))}})
		}
	}
	return ref, lines
}

func firstDifference(a, b []Record) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("; record %d differs (%s %s against %s %s)", i+1, a[i].Milestone, short(a[i].EventHash), b[i].Milestone, short(b[i].EventHash))
		}
	}
	return ""
}

// checkLink: records are numbered from 1 and each holds the hash of the one before.
func checkLink(chain []Record, i int) []string {
	var why []string
	if chain[i].Seq != i+1 {
		why = append(why, fmt.Sprintf("sequence %d at place %d", chain[i].Seq, i+1))
	}
	if i > 0 && chain[i].PrevHash != chain[i-1].RecordHash {
		why = append(why, fmt.Sprintf("previous hash %s is not record %d's %s", short(chain[i].PrevHash), i, short(chain[i-1].RecordHash)))
	}
	return why
}

// storedEvents indexes the services' events by ID.
func storedEvents(services map[string][]Event) map[string]storedEvent {
	out := map[string]storedEvent{}
	for name, evs := range services {
		for _, e := range evs {
			out[e.ID] = storedEvent{Event: e, service: name}
		}
	}
	return out
}

type storedEvent struct {
	Event
	service string
}

// checkStored: the event a record stands for is in its service's store (the service named by
// the event's source, "/tradefin/<service>"), identical.
func checkStored(services map[string][]Event, stored map[string]storedEvent, e Event) []string {
	if _, read := services[strings.TrimPrefix(e.Source, "/tradefin/")]; !read {
		return nil // that service's store was not read
	}
	s, ok := stored[e.ID]
	switch {
	case !ok:
		return []string{fmt.Sprintf("event %s is in no service's store", e.ID)}
	case s.SHA256 != e.SHA256:
		return []string{fmt.Sprintf("%s's store holds event %s with fingerprint %s, Kafka %s", s.service, e.ID, short(s.SHA256), short(e.SHA256))}
	}
	return nil
}

// checkWorkflowAt: the workflow committed the same milestone, hash and transaction at place i.
func checkWorkflowAt(wf *Workflow, i int, rec Record) []string {
	switch {
	case wf == nil:
		return []string{"no workflow for the trade"}
	case i >= len(wf.Milestones):
		return []string{fmt.Sprintf("the workflow has committed only %d milestones", len(wf.Milestones))}
	}
	m := wf.Milestones[i]
	var why []string
	if m.Name != rec.Milestone || m.SHA256 != rec.EventHash {
		why = append(why, fmt.Sprintf("the workflow has %s %s at this place", m.Name, short(m.SHA256)))
	}
	if m.TxID != "" && rec.TxID != m.TxID {
		why = append(why, fmt.Sprintf("the workflow names transaction %s, the ledger %s", short(m.TxID), short(rec.TxID)))
	}
	if m.Org != rec.Org {
		why = append(why, fmt.Sprintf("the workflow had %s commit it", m.Org))
	}
	return why
}

// unrecorded finds what should be on the ledger and is not: milestone events on Kafka or in a
// service's store without a record, the workflow's committed milestones past the chain's end,
// the CLOSED a completed trade with a released import owes, and events the workflow received
// with another fingerprint than Kafka's.
func unrecorded(in Inputs, just map[string]justification, onLedger map[string]int, chainLen int) []Line {
	var lines []Line
	published := map[string]Event{}
	for _, e := range in.Kafka {
		if prev, seen := published[e.ID]; seen {
			if prev.SHA256 != e.SHA256 {
				lines = append(lines, Line{Milestone: orNone(contracts.Milestone(e.Type)), EventID: e.ID, Status: Mismatch,
					Why: []string{fmt.Sprintf("%s %s is on Kafka twice with fingerprints %s and %s", e.Type, e.ID, short(prev.SHA256), short(e.SHA256))}})
			}
			continue
		}
		published[e.ID] = e
		m := contracts.Milestone(e.Type)
		if m == "" {
			continue
		}
		if _, ok := onLedger[e.SHA256]; !ok {
			lines = append(lines, missing(in.Workflow, m, e))
		}
		if m == "IMPORT_RELEASED" {
			if _, ok := onLedger[derivedHash(e.ID+closedSuffix)]; !ok && in.Workflow != nil && !in.Workflow.Running {
				lines = append(lines, Line{Milestone: "CLOSED", Org: rules.EntitledOrg(rules.Closed), Status: Mismatch,
					Why: []string{"the import is released and the workflow has ended, but the trade was never closed on the ledger"}})
			}
		}
	}
	lines = append(lines, unpublished(in.Services, published)...)
	if wf := in.Workflow; wf != nil {
		for i := chainLen; i < len(wf.Milestones); i++ {
			m := wf.Milestones[i]
			lines = append(lines, Line{Milestone: m.Name, Org: m.Org, EventID: m.EventID, Status: Mismatch,
				Why: []string{fmt.Sprintf("the workflow committed it (transaction %s) but no peer returns it", short(m.TxID))}})
		}
		for _, e := range wf.Events {
			if p, ok := published[e.ID]; ok && p.SHA256 != e.SHA256 {
				lines = append(lines, Line{Milestone: orNone(contracts.Milestone(e.Type)), EventID: e.ID, Status: Mismatch,
					Why: []string{fmt.Sprintf("the workflow received %s with fingerprint %s, Kafka has %s", e.ID, short(e.SHA256), short(p.SHA256))}})
			}
		}
	}
	return lines
}

// missing is the line of a milestone event on Kafka without a record: pending while the running
// workflow holds it, a mismatch otherwise.
func missing(wf *Workflow, milestone string, e Event) Line {
	l := Line{Milestone: milestone, Org: rules.EntitledOrg(rules.Type(milestone)), EventID: e.ID, Status: Mismatch}
	switch {
	case wf == nil:
		l.Why = []string{fmt.Sprintf("%s %s is on Kafka, and no workflow exists for the trade", e.Type, e.ID)}
	case !slices.ContainsFunc(wf.Events, func(w Event) bool { return w.ID == e.ID }):
		l.Why = []string{fmt.Sprintf("%s %s is on Kafka, but the workflow never received it", e.Type, e.ID)}
	default:
		why := fmt.Sprintf("%s %s is on Kafka and the workflow received it, but it is not on the ledger", e.Type, e.ID)
		if i := slices.IndexFunc(wf.Pending, func(m Milestone) bool { return m.EventID == e.ID }); i >= 0 {
			why += " (the workflow holds it pending"
			if wf.Pending[i].Error != "" {
				why += ": " + wf.Pending[i].Error
			}
			why += ")"
			if wf.Running {
				l.Status = Pending
			}
		}
		l.Why = []string{why}
	}
	return l
}

// unpublished: milestone events a service committed that are not on Kafka.
func unpublished(services map[string][]Event, published map[string]Event) []Line {
	var lines []Line
	for _, name := range sortedKeys(services) {
		for _, e := range services[name] {
			m := contracts.Milestone(e.Type)
			if _, ok := published[e.ID]; ok || m == "" {
				continue
			}
			lines = append(lines, Line{Milestone: m, Org: rules.EntitledOrg(rules.Type(m)), EventID: e.ID, Status: Mismatch,
				Why: []string{fmt.Sprintf("%s committed %s %s, which is not on Kafka", name, e.Type, e.ID)}})
		}
	}
	return lines
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func verdict(l Line, why []string) Line {
	l.Status, l.Why = OK, why
	if len(why) > 0 {
		l.Status = Mismatch
	}
	return l
}

func orNone(milestone string) string {
	if milestone == "" {
		return "no milestone"
	}
	return milestone
}

// short is a hash's first 16 hex digits, enough to tell two apart in a line.
func short(h string) string {
	if len(h) > 16 {
		return h[:16]
	}
	if h == "" {
		return "(none)"
	}
	return h
}
