package verification

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// cleanTrade is a complying trade as every source records it once it has closed.
func cleanTrade() Inputs {
	const tradeID = "T-1"
	types := []string{"lc.applied.v1", "lc.issued.v1", "lc.advised.v1", "lc.accepted.v1", "customs.export_cleared.v1",
		"customs.bill_of_lading_issued.v1", "lc.documents_presented.v1", "lc.honoured.v1", "settlement.payment_settled.v1", "customs.import_released.v1"}
	in := Inputs{TradeID: tradeID, Services: map[string][]Event{}, Ledger: map[string][]Record{}, Workflow: &Workflow{Status: "CLOSED"}}
	var chain []Record
	byTopic := map[string][]Event{}
	add := func(milestone, hash, eventID string) {
		prev := ""
		if len(chain) > 0 {
			prev = chain[len(chain)-1].RecordHash
		}
		rec := Record{Seq: len(chain) + 1, Milestone: milestone, EventHash: hash, Org: rules.EntitledOrg(rules.Type(milestone)),
			TxID: fmt.Sprintf("tx%d", len(chain)+1), PrevHash: prev, RecordHash: derivedHash(fmt.Sprint("record", len(chain)+1))}
		chain = append(chain, rec)
		in.Workflow.Milestones = append(in.Workflow.Milestones, Milestone{Name: milestone, Org: rec.Org, EventID: eventID, SHA256: hash, TxID: rec.TxID})
	}
	for i, typ := range types {
		service, _, _ := strings.Cut(typ, ".")
		e := Event{ID: fmt.Sprintf("%s-%d", service, i), Type: typ, Source: "/tradefin/" + service, SHA256: derivedHash(typ)}
		byTopic[service] = append(byTopic[service], e)
		in.Services[service] = append(in.Services[service], e)
		in.Workflow.Events = append(in.Workflow.Events, e)
		add(contracts.Milestone(typ), e.SHA256, e.ID)
	}
	released := byTopic["customs"][len(byTopic["customs"])-1]
	add("CLOSED", derivedHash(released.ID+closedSuffix), released.ID+closedSuffix)
	for _, topic := range []string{"lc", "customs", "settlement"} {
		in.Kafka = append(in.Kafka, byTopic[topic]...)
	}
	for _, msp := range []string{rules.ImporterBank, rules.ExporterBank, rules.Customs} {
		in.Ledger[msp] = slices.Clone(chain)
	}
	return in
}

func TestCleanTradeVerifies(t *testing.T) {
	r := Verify(cleanTrade())
	var out bytes.Buffer
	r.Write(&out)
	if !r.OK() || len(r.Lines) != 11 {
		t.Fatalf("want 11 OK lines:\n%s", out.String())
	}
	for _, l := range r.Lines {
		if l.Status != OK || l.EventID == "" {
			t.Errorf("line %+v", l)
		}
	}
	if !strings.Contains(out.String(), "ledger via CustomsMSP") {
		t.Errorf("report does not name the peers it read:\n%s", out.String())
	}
}

// setHash replaces record i's hash on every peer, as a forged commit would put it there.
func setHash(in *Inputs, i int, hash string) {
	for msp := range in.Ledger {
		in.Ledger[msp][i].EventHash = hash
	}
}

func TestDisagreementsAreMismatches(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(in *Inputs)
		want   string // in the MISMATCH line's why
	}{
		{"a record whose hash is no event's", func(in *Inputs) { setHash(in, 1, derivedHash("forged")) }, "fingerprint of no event"},
		{"a record whose hash is another milestone's event", func(in *Inputs) { setHash(in, 2, in.Kafka[0].SHA256) }, "stands for LC_APPLIED"},
		{"a record by the wrong organisation", func(in *Inputs) {
			for msp := range in.Ledger {
				in.Ledger[msp][3].Org = rules.Customs
			}
		}, "only ExporterBankMSP may"},
		{"a peer returning a different chain", func(in *Inputs) { in.Ledger[rules.Customs] = in.Ledger[rules.Customs][:5] }, "CustomsMSP's peer returns 5 records"},
		{"a broken link", func(in *Inputs) {
			for msp := range in.Ledger {
				in.Ledger[msp][4].PrevHash = "00"
			}
		}, "previous hash"},
		{"a milestone missing from the ledger", func(in *Inputs) {
			for msp := range in.Ledger {
				in.Ledger[msp] = in.Ledger[msp][:9]
			}
			in.Workflow.Milestones = in.Workflow.Milestones[:9]
		}, "customs.import_released.v1 customs-9 is on Kafka and the workflow received it, but it is not on the ledger"},
		{"an event the workflow never received", func(in *Inputs) {
			for msp := range in.Ledger {
				in.Ledger[msp] = in.Ledger[msp][:9]
			}
			in.Workflow.Milestones = in.Workflow.Milestones[:9]
			in.Workflow.Events = in.Workflow.Events[:9]
		}, "the workflow never received it"},
		{"a committed milestone the peers lack", func(in *Inputs) {
			for msp := range in.Ledger {
				in.Ledger[msp] = in.Ledger[msp][:10]
			}
		}, "no peer returns it"},
		{"the workflow's milestone differs from the ledger's", func(in *Inputs) { in.Workflow.Milestones[6].TxID = "txX" }, "the workflow names transaction txX"},
		{"an event the service stores differently", func(in *Inputs) { in.Services["lc"][1].SHA256 = derivedHash("other") }, "lc's store holds event lc-1 with fingerprint"},
		{"an event in no store", func(in *Inputs) { in.Services["settlement"] = nil }, "event settlement-8 is in no service's store"},
		{"a stored milestone event never published", func(in *Inputs) {
			in.Services["lc"] = append(in.Services["lc"], Event{ID: "lc-99", Type: "lc.documents_refused.v1", SHA256: "aa"})
		}, "lc committed lc.documents_refused.v1 lc-99, which is not on Kafka"},
		{"milestones in an order the chaincode refuses", func(in *Inputs) {
			for msp := range in.Ledger {
				c := in.Ledger[msp]
				c[1].Milestone, c[1].EventHash, c[2].Milestone, c[2].EventHash = c[2].Milestone, c[2].EventHash, c[1].Milestone, c[1].EventHash
				c[1].Org, c[2].Org = c[2].Org, c[1].Org
			}
			in.Workflow.Milestones[1], in.Workflow.Milestones[2] = in.Workflow.Milestones[2], in.Workflow.Milestones[1]
		}, "OUT_OF_ORDER: LC_ADVISED needs LC_ISSUED first"},
		{"a released import never closed", func(in *Inputs) {
			for msp := range in.Ledger {
				in.Ledger[msp] = in.Ledger[msp][:10]
			}
			in.Workflow.Milestones = in.Workflow.Milestones[:10]
		}, "never closed on the ledger"},
		{"an event republished with other content", func(in *Inputs) {
			e := in.Kafka[0]
			e.SHA256 = derivedHash("changed")
			in.Kafka = append(in.Kafka, e)
		}, "is on Kafka twice"},
		{"the same event recorded twice", func(in *Inputs) { setHash(in, 2, in.Kafka[1].SHA256) }, "the same hash as record 2"},
		{"no workflow", func(in *Inputs) { in.Workflow = nil }, "no workflow for the trade"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := cleanTrade()
			c.tamper(&in)
			r := Verify(in)
			var out bytes.Buffer
			r.Write(&out)
			if r.OK() {
				t.Fatalf("verified:\n%s", out.String())
			}
			found := slices.ContainsFunc(r.Lines, func(l Line) bool {
				return l.Status == Mismatch && strings.Contains(strings.Join(l.Why, "; "), c.want)
			})
			if !found {
				t.Fatalf("no MISMATCH saying %q:\n%s", c.want, out.String())
			}
		})
	}
}

func TestPendingMilestoneOfARunningTradeIsNoMismatch(t *testing.T) {
	in := cleanTrade()
	for msp := range in.Ledger {
		in.Ledger[msp] = in.Ledger[msp][:9]
	}
	in.Workflow.Milestones = in.Workflow.Milestones[:9]
	in.Workflow.Running, in.Workflow.Status = true, "RUNNING"
	in.Workflow.Pending = []Milestone{{Name: "IMPORT_RELEASED", EventID: "customs-9", Error: "peer unavailable"}}
	r := Verify(in)
	var out bytes.Buffer
	r.Write(&out)
	if !r.OK() || !strings.Contains(out.String(), "PENDING") || !strings.Contains(out.String(), "peer unavailable") {
		t.Fatalf("want OK with the release pending and why:\n%s", out.String())
	}
}
