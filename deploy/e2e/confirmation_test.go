//go:build !unit

package e2e_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
)

// confirmedPath is a confirmed credit's milestones (UCP 600 Art. 8): the happy path with the
// confirming bank's confirmation, honour (Art. 8(a): the presentation is made to it and it
// honours in its own name) and reimbursement claim, each committed by its organisation
// (ExporterBankMSP: the advising bank confirms), and the issuing bank's reimbursement settled
// (ImporterBankMSP) before the close.
var confirmedPath = slices.Concat(happyPath[:4], []step{
	{"LC_CONFIRMED", "lc.confirmed.v1", "ExporterBankMSP"},
}, happyPath[4:7], []step{
	{"HONOURED", "lc.honoured.v1", "ExporterBankMSP"},
}, happyPath[8:9], []step{
	{"REIMBURSEMENT_CLAIMED", "lc.reimbursement_claimed.v1", "ExporterBankMSP"},
	{"REIMBURSED", "settlement.reimbursement_settled.v1", "ImporterBankMSP"},
}, happyPath[9:])

// TestConfirmedCreditEndToEnd walks a confirmed credit over HTTP through every service, the
// trade workflow and the Fabric network: issued with MT700 49 CONFIRM, confirmed by the advising
// bank, the presentation honoured by it (it pays the beneficiary), its reimbursement claimed and
// paid by the issuing bank, the trade CLOSED; the timeline, the ledger read through every peer
// (checked against the chaincode's rules and the events' hashes on Kafka), the traces, and the
// services' final state (the credit's confirmation, honour and claim; both payments settled).
func TestConfirmedCreditEndToEnd(t *testing.T) {
	p := startPlatform(t)
	events := watchTopics(t, p.brokers)
	tradeID := "E2E-" + time.Now().UTC().Format("150405.000") + "-CONF"
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := p.client(t)
	c.Progress = func(format string, args ...any) { t.Logf("%s: "+format, append([]any{tradeID}, args...)...) }
	r, err := c.Run(ctx, scenario.Trade{ID: tradeID, Today: time.Now().UTC(), Confirmed: true})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	scenario.Print(&out, r.Timeline)
	t.Logf("confirmed trade %s closed\n%s", tradeID, out.String())

	checkTimeline(t, r, confirmedPath)
	checkLedger(ctx, t, p, r, events, confirmedPath)
	checkTraces(t, p, r, confirmedPath)
	checkServices(ctx, t, p, r)
	checkConfirmation(ctx, t, p, r)
}

// checkConfirmation: the credit shows the confirmation, the honour by the confirming bank and
// its claim; the beneficiary's payment is the confirming bank's, the reimbursement the issuing
// bank's to it, both settled.
func checkConfirmation(ctx context.Context, t *testing.T, p *platform, r scenario.Result) {
	t.Helper()
	c := p.client(t)
	var credit struct {
		Terms struct {
			Confirmation string `json:"confirmation"`
		} `json:"terms"`
		Confirmation *struct {
			By string `json:"by"`
		} `json:"confirmation"`
		Presentations []struct {
			HonouredBy string `json:"honouredBy"`
		} `json:"presentations"`
		Reimbursements []struct {
			By   string `json:"by"`
			From string `json:"from"`
		} `json:"reimbursements"`
		Messages []struct {
			Type string `json:"type"`
		} `json:"messages"`
	}
	if err := c.Get(ctx, p.endpoints.LC+"/v1/letters-of-credit/"+r.LCID, "ana", &credit); err != nil {
		t.Fatal(err)
	}
	if credit.Terms.Confirmation != "CONFIRM" || credit.Confirmation == nil || credit.Confirmation.By != "BCOMPTPL" ||
		len(credit.Presentations) != 1 || credit.Presentations[0].HonouredBy != "BCOMPTPL" ||
		len(credit.Reimbursements) != 1 || credit.Reimbursements[0].By != "BCOMPTPL" || credit.Reimbursements[0].From != "ESSESESS" {
		t.Errorf("credit %s: %+v", r.LCID, credit)
	}
	// The beneficiary's payment is booked from the confirming bank's advance under its
	// confirmation; the reimbursement from the credit's settlement account, to the confirming bank.
	for id, debit := range map[string]string{r.PaymentID: "confirmed-lc:BCOMPTPL:" + r.LCID + ":EUR", r.ReimbursementID: "lc-settlement:" + r.LCID + ":EUR"} {
		var pay scenario.Payment
		if err := c.Get(ctx, p.endpoints.Settlement+"/v1/payments/"+id, "audra", &pay); err != nil || pay.Status != "settled" ||
			len(pay.Postings) == 0 || pay.Postings[0].Account != debit || pay.Postings[0].Side != "debit" {
			t.Errorf("payment %s: %+v %v, want settled and booked from %s", id, pay, err, debit)
		}
	}
}
