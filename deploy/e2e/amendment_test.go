//go:build !unit

package e2e_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
)

// amendedPath is a trade whose credit a narrative amendment changes after acceptance: the
// issuing bank bound by it when it issues it, the terms changed when the beneficiary accepts.
var amendedPath = slices.Concat(happyPath[:4], []step{
	{"LC_AMENDMENT_ISSUED", "lc.amendment_issued.v1", "ImporterBankMSP"},
	{"LC_AMENDED", "lc.amended.v1", "ImporterBankMSP"},
}, happyPath[4:])

// TestNarrativeAmendmentEndToEnd: the applicant requests a narrative amendment (MT707
// 45B/46B/47B), the issuing bank issues it, the advising bank advises it, the beneficiary accepts
// it; the documents are then examined against the amended terms and the trade closes, with both
// amendment milestones on the ledger read through every peer.
func TestNarrativeAmendmentEndToEnd(t *testing.T) {
	p := startPlatform(t)
	events := watchTopics(t, p.brokers)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := p.client(t)
	w := scenario.NewWalk(scenario.Trade{ID: fmt.Sprintf("E2E-AMEND-%s", time.Now().UTC().Format("150405.000")), Today: time.Now().UTC()})
	for _, s := range []struct {
		name string
		run  func(context.Context, *scenario.Walk) error
	}{
		{"apply", c.Apply}, {"issue, advise, accept", c.IssueAdviseAccept}, {"amend (45B/46B/47B)", c.AmendNarrative},
		{"clear export", c.ClearExport}, {"ship", c.Ship},
		{"present", func(ctx context.Context, w *scenario.Walk) error { return c.Present(ctx, w, false) }},
		{"settle", c.Settle}, {"release import", c.ReleaseImport},
	} {
		if err := s.run(ctx, w); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
	}
	var credit struct {
		Terms struct {
			Goods                struct{ Description string } `json:"goods"`
			DocumentsRequired    []string                     `json:"documentsRequired"`
			AdditionalConditions []string                     `json:"additionalConditions"`
		} `json:"terms"`
	}
	if err := c.Get(ctx, p.endpoints.LC+"/v1/letters-of-credit/"+w.LCID, "erik", &credit); err != nil {
		t.Fatal(err)
	}
	if credit.Terms.Goods.Description != "ceramic floor tiles\ngrade A" || slices.Contains(credit.Terms.DocumentsRequired, "certificate_of_origin") ||
		!slices.Equal(credit.Terms.AdditionalConditions, []string{"ALL DOCUMENTS MUST BE ISSUED IN ENGLISH"}) {
		t.Fatalf("the credit's terms are not the amendment's: %+v", credit.Terms)
	}
	r := waitClosed(ctx, t, c, w.Result)
	checkTimeline(t, r, amendedPath)
	checkLedger(ctx, t, p, r, events, amendedPath)
}

// waitClosed waits until the trade's workflow has closed and returns the walk's result with its
// timeline.
func waitClosed(ctx context.Context, t *testing.T, c *scenario.Client, r scenario.Result) scenario.Result {
	t.Helper()
	for {
		tl, err := c.Timeline(ctx, r.TradeID)
		if err == nil && tl.Workflow.CloseTime != nil {
			r.Timeline = tl
			return r
		}
		select {
		case <-ctx.Done():
			t.Fatalf("trade %s did not close: %+v (%v)", r.TradeID, tl, err)
		case <-time.After(300 * time.Millisecond):
		}
	}
}
