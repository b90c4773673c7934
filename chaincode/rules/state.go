package rules

import "sort"

// State is what the order rules need to know of a trade's ledger: which milestones it holds,
// and where its presentation stands. The chaincode keeps it with the chain's head; the workflow
// keeps its own copy from the milestones it committed. Both grow only by After, so they agree.
type State struct {
	// Committed is every milestone type on the ledger, each once, sorted (deterministic JSON).
	Committed []Type `json:"committed"`
	// Presentation is the presentation track's last milestone (DOCUMENTS_PRESENTED, _REFUSED,
	// DISCREPANCY_WAIVED or HONOURED), "" before the first presentation.
	Presentation Type `json:"presentation,omitempty"`
	// Drawings is each drawing's track (drawings.go): its last milestone, by reference.
	Drawings map[string]Type `json:"drawings,omitempty"`
}

// Has reports whether t is on the ledger.
func (s State) Has(t Type) bool {
	i := sort.Search(len(s.Committed), func(i int) bool { return s.Committed[i] >= t })
	return i < len(s.Committed) && s.Committed[i] == t
}

// After is the state once t is committed (t was accepted by Check). s is not changed.
func (s State) After(t Type) State { return s.after(t, true) }

// after is After; track: t moves the single presentation track (a milestone of no drawing).
func (s State) after(t Type, track bool) State {
	out := State{Committed: s.Committed, Presentation: s.Presentation, Drawings: s.Drawings}
	if !s.Has(t) {
		out.Committed = make([]Type, 0, len(s.Committed)+1)
		out.Committed = append(out.Committed, s.Committed...)
		out.Committed = append(out.Committed, t)
		sort.Slice(out.Committed, func(i, j int) bool { return out.Committed[i] < out.Committed[j] })
	}
	switch t {
	case DocumentsPresented, DocumentsRefused, DiscrepancyWaived, Honoured:
		if track {
			out.Presentation = t
		}
	}
	return out
}

// Fold is the state of a chain holding ms, in ledger order. It checks nothing: the chain's
// records were each accepted when committed (some under earlier, stricter rules).
func Fold(ms []Type) State {
	var s State
	for _, m := range ms {
		s = s.After(m)
	}
	return s
}

// end is the milestone that ended the trade ("" while it runs).
func (s State) end() Type {
	for _, t := range s.Committed {
		if rules[t].ends && (t == Closed || !s.drawn()) { // a drawn credit's end is not the trade's
			return t
		}
	}
	return ""
}
