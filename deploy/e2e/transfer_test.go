//go:build !unit

package e2e_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
)

// transferredPath is a trade whose transferable credit the advising bank transfers to a second
// beneficiary before the goods ship (UCP 600 Art. 38).
var transferredPath = slices.Concat(happyPath[:3], []step{
	{"LC_TRANSFERRED", "lc.transferred.v1", "ExporterBankMSP"},
}, happyPath[3:])

// TestTransferredCreditEndToEnd: a transferable credit is transferred to a second beneficiary for
// less; the second beneficiary presents under the transferred credit, the first beneficiary
// substitutes its invoice, the issuing bank honours, settlement pays and the trade closes, with
// LC_TRANSFERRED on the ledger read through every peer.
func TestTransferredCreditEndToEnd(t *testing.T) {
	p := startPlatform(t)
	events := watchTopics(t, p.brokers)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := p.client(t)
	w := scenario.NewWalk(scenario.Trade{ID: fmt.Sprintf("E2E-TRF-%s", time.Now().UTC().Format("150405.000")), Today: time.Now().UTC()})
	for _, s := range []struct {
		name string
		run  func(context.Context, *scenario.Walk) error
	}{
		{"apply (transferable)", c.ApplyTransferable}, {"issue, advise, accept", c.IssueAdviseAccept}, {"transfer (MT720)", c.Transfer},
		{"clear export", c.ClearExport}, {"ship", c.Ship}, {"second beneficiary presents", c.PresentTransferred},
		{"first beneficiary substitutes its invoice", c.SubstituteInvoice}, {"settle", c.Settle}, {"release import", c.ReleaseImport},
	} {
		if err := s.run(ctx, w); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
	}
	credit := p.endpoints.LC + "/v1/letters-of-credit/" + w.LCID
	var tc struct {
		Status string `json:"status"`
		Terms  struct {
			Beneficiary struct{ ID string }   `json:"beneficiary"`
			Amount      struct{ Minor int64 } `json:"amount"`
		} `json:"terms"`
		Presentations []struct {
			Substituted bool `json:"substituted"`
		} `json:"presentations"`
		Messages []struct{ Type, Text string } `json:"messages"`
	}
	if err := c.Get(ctx, credit+"/transferred-credit", scenario.SecondBeneficiary(), &tc); err != nil {
		t.Fatal(err)
	}
	if tc.Status != "TRANSFERRED" || tc.Terms.Beneficiary.ID != "5493004CERAMNORTE081" || tc.Terms.Amount.Minor != scenario.SecondAmount.Minor ||
		len(tc.Presentations) != 1 || !tc.Presentations[0].Substituted || len(tc.Messages) != 1 || tc.Messages[0].Type != "MT720" ||
		!strings.Contains(tc.Messages[0].Text, ":59:CERAMICAS DO NORTE SA") {
		t.Fatalf("the transferred credit as the second beneficiary reads it: %+v", tc)
	}
	// The first beneficiary's credit (its price, the applicant) is not the second's business.
	err := c.Get(ctx, credit, scenario.SecondBeneficiary(), nil)
	if e, ok := err.(*scenario.Error); !ok || e.Status != http.StatusForbidden {
		t.Fatalf("the second beneficiary reading the original credit: %v, want 403", err)
	}
	r := waitClosed(ctx, t, c, w.Result)
	checkTimeline(t, r, transferredPath)
	checkLedger(ctx, t, p, r, events, transferredPath)
}
