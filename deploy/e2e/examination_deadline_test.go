//go:build !unit

package e2e_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
)

// TestExaminationDeadlineEnforcedOnTheStack runs the examination deadline on the real stack
// (Kafka, Temporal, Fabric, the identity provider): the bank's examination period is short
// (TRADEFIN_LC_EXAMINATION_PERIOD, the policy standing in for the five banking days of UCP 600
// Art. 14(b)), a discrepant presentation waits in the issuing bank's queue undecided, the trade
// workflow's timer fires at the deadline, and the LC service precludes refusal (Art. 16(f)): the
// presentation is honoured, HONOURED is on the ledger without DOCUMENTS_REFUSED, and the
// examiner's late refusal is refused.
func TestExaminationDeadlineEnforcedOnTheStack(t *testing.T) {
	t.Setenv("TRADEFIN_LC_EXAMINATION_PERIOD", "20s")
	p := startPlatform(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c := p.client(t)
	today := time.Now().UTC()
	w := scenario.NewWalk(scenario.Trade{ID: "EXAM-DEADLINE-" + today.Format("150405.000000"), Today: today})
	for _, step := range []func(context.Context, *scenario.Walk) error{c.Apply, c.IssueAdviseAccept, c.ClearExport, c.Ship} {
		if err := step(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Submit(ctx, w, true); err != nil {
		t.Fatal(err)
	}
	presented := time.Now()
	var names []string
	for !slices.Contains(names, "HONOURED") {
		select {
		case <-ctx.Done():
			t.Fatalf("the deadline passed and HONOURED never came: milestones %v", names)
		case <-time.After(time.Second):
		}
		tl, err := c.Timeline(ctx, w.TradeID)
		if err != nil {
			continue
		}
		names = names[:0]
		for _, m := range tl.Milestones {
			names = append(names, m.Name)
		}
	}
	if took := time.Since(presented); took < 20*time.Second || slices.Contains(names, "DOCUMENTS_REFUSED") {
		t.Fatalf("honoured %s after the presentation (deadline 20s), milestones %v", took, names)
	}
	var refused *scenario.Error
	if err := c.Refuse(ctx, w); !errors.As(err, &refused) || refused.Status != 422 || !strings.Contains(refused.Problem, "16(f)") {
		t.Fatalf("the examiner's refusal after the deadline: %v", err)
	}
	var credit struct {
		Status        string
		Presentations []struct {
			Status    string `json:"status"`
			Precluded bool   `json:"precluded"`
		}
	}
	if err := c.Get(ctx, c.LC+"/v1/letters-of-credit/"+w.LCID, "erik", &credit); err != nil {
		t.Fatal(err)
	}
	if credit.Status != "HONOURED" || len(credit.Presentations) != 1 || !credit.Presentations[0].Precluded {
		t.Fatalf("the credit after the deadline: %+v", credit)
	}
}
