package store_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// The golden streams (testdata/*.stream.json) are the payment events as this service stored
// them before its domain types lost their JSON tags (written by that build, with
// -update-goldens): every event type, with the nested obligation (each purpose, the default
// omitted), applied FX rate and posting entries. A stored format that changes shape gets a new
// schema version and an upcaster; these files never change.

var (
	usd      = money.MustCurrency("USD")
	eurGold  = money.MustCurrency("EUR")
	day0     = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	maker    = identity.Stamp{Org: "ESSESESS", User: "maja", Client: "portal"}
	checker  = identity.Stamp{Org: "ESSESESS", User: "carl", Client: "portal"}
	agent    = identity.Stamp{Org: "NCLRSESS", User: "nils", Client: "nclr-gateway"}
	workflow = identity.Workflow.Stamp()
)

// instruction is attempt n's identifiers (UUID v4 UETRs of their own), with rate when FX applies.
func instruction(p *domain.Payment, n string, rate *domain.Rate) domain.Instruction {
	return domain.Instruction{MsgID: "TFSTL20261124GOLD" + n, EndToEndID: p.Obligation.LCID + "-" + p.Obligation.PresentationID,
		UETR: "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4" + n, SettlementDate: day0, Rate: rate}
}

// report is the settlement bank's pacs.002 on p's current attempt.
func report(p *domain.Payment, status string, reasons ...string) domain.StatusReport {
	a := p.Current()
	return domain.StatusReport{MsgID: "NCLR-" + a.MsgID, OrgnlMsgID: a.MsgID,
		Transactions: []domain.TransactionStatus{{OrgnlEndToEndID: a.EndToEndID, OrgnlUETR: a.UETR, Status: status, Reasons: reasons}}}
}

func at(hours int) time.Time { return day0.Add(time.Duration(hours) * time.Hour) }

// goldenPayments drives payments through their lives in memory, by name.
func goldenPayments(t *testing.T) map[string]*domain.Payment {
	t.Helper()
	ok := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	raise := func(o domain.Obligation, by identity.Stamp) *domain.Payment {
		t.Helper()
		p, err := domain.RaisePayment(o, by, at(0))
		ok(err)
		return p
	}
	four, err := domain.ParseFourEyes("EUR:100000000")
	ok(err)
	rate, err := fxtable.Dev().Rate(context.Background(), eurGold, usd)
	ok(err)
	honour := domain.Obligation{TradeID: "T-GOLDEN", LCID: "LC-GOLDEN", PresentationID: "P-1", Amount: money.New(200_000_000, eurGold),
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPLXXX", Beneficiary: "Azulejos Lisboa Lda", BeneficiaryAccount: "PT50000201231234567890154",
		AccountCurrency: usd}

	// Above the four-eyes threshold, in FX: released and approved, rejected (AC01), corrected and
	// approved again, settled.
	fx := raise(honour, maker)
	ok(fx.RequestRelease(workflow, at(1)))
	ok(fx.Approve(checker, instruction(fx, "01", &rate), at(2)))
	ok(fx.ApplyReport(report(fx, "RJCT", "AC01"), agent, at(3)))
	ok(fx.Correct("DE89370400440532013000", domain.Instruction{}, maker, four, at(4)))
	ok(fx.Approve(checker, instruction(fx, "02", &rate), at(5)))
	ok(fx.ApplyReport(report(fx, "ACSC"), agent, at(6)))

	// A confirming bank's reimbursement, disputed by an honour with other terms.
	reimb := honour
	reimb.PresentationID, reimb.Purpose, reimb.AccountCurrency, reimb.Amount = "P-1:reimbursement", domain.PurposeReimbursement, money.Currency{}, money.New(50_000_00, eurGold)
	disputed := raise(reimb, maker)
	contested := reimb
	contested.Amount = money.New(60_000_00, eurGold)
	ok(disputed.Dispute("lc.honoured-P-1-again", contested, maker, at(1)))

	// A discount's proceeds, below the threshold: rejected (TM01), instructed again, settled.
	proceeds := honour
	proceeds.PresentationID, proceeds.Purpose, proceeds.IssuingBank, proceeds.AccountCurrency = "P-2:discount", domain.PurposeDiscount, "BCOMPTPL", eurGold
	proceeds.Amount = money.New(48_500_00, eurGold)
	discount := raise(proceeds, workflow)
	ok(discount.Instruct(instruction(discount, "03", nil), workflow, four, at(1)))
	ok(discount.ApplyReport(report(discount, "RJCT", "TM01"), agent, at(2)))
	ok(discount.Reinstruct(instruction(discount, "04", nil), workflow, at(3)))
	ok(discount.ApplyReport(report(discount, "ACCC"), agent, at(4)))

	// The discounted honour's maturity payment, assigned to the nominated bank and instructed.
	maturity := honour
	maturity.PresentationID, maturity.AccountCurrency, maturity.Amount = "P-2", eurGold, money.New(50_000_00, eurGold)
	assigned := raise(maturity, maker)
	ok(assigned.AssignToNominatedBank("BCOMPTPL", "lc.undertaking_discounted-P-2", workflow, at(1)))
	ok(assigned.Instruct(instruction(assigned, "05", nil), workflow, four, at(720)))

	return map[string]*domain.Payment{"payment-fx-corrected": fx, "payment-reimbursement-disputed": disputed,
		"payment-discount-reinstructed": discount, "payment-assigned": assigned}
}

func goldenFile(name string) string { return filepath.Join("testdata", name+".stream.json") }

// TestStoredEventsMatchTheGoldens: on SQLite and PostgreSQL, every payment event is stored byte
// for byte as the golden streams hold it, so streams written before keep loading.
func TestStoredEventsMatchTheGoldens(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			es := open(t)
			for file, p := range goldenPayments(t) {
				if _, created, err := store.New(es).Create(context.Background(), p); err != nil || !created {
					t.Fatalf("%s: created %v, %v", file, created, err)
				}
				recordtest.MatchGolden(t, es, "settlement.payment-"+p.ID(), goldenFile(file))
			}
		})
	}
}

// TestGoldenStreamsLoad: streams in the golden (old) shape, appended as that build stored them,
// load into the payments their events make in memory.
func TestGoldenStreamsLoad(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			es := open(t)
			for file, want := range goldenPayments(t) {
				want.MarkCommitted()
				if got := recordtest.AppendGolden(t, es, "settlement", goldenFile(file)); got != "settlement.payment-"+want.ID() {
					t.Fatalf("golden %s is stream %s, the scenario's payment %s", file, got, want.ID())
				}
				got, err := store.New(es).Get(context.Background(), want.ID())
				if err != nil || !reflect.DeepEqual(got, want) {
					t.Errorf("%s loads as %+v (%v)\n  want %+v", file, got, err, want)
				}
			}
		})
	}
}
