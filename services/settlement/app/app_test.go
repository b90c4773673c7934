package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// memRepo is an in-memory repository for the pure use-case logic (the event-sourced one is tested
// in adapters/store against SQLite and PostgreSQL).
type memRepo map[string][]domain.Event

func (m memRepo) Create(_ context.Context, p *domain.Payment) (*domain.Payment, bool, error) {
	if h, ok := m[p.ID()]; ok {
		return domain.Rebuild(h), false, nil
	}
	m[p.ID()] = p.Uncommitted()
	p.MarkCommitted()
	return p, true, nil
}

func (m memRepo) Get(_ context.Context, id string) (*domain.Payment, error) {
	h, ok := m[id]
	if !ok {
		return nil, domain.ErrNotFound
	}
	return domain.Rebuild(h), nil
}

func (m memRepo) Update(ctx context.Context, id string, fn func(*domain.Payment) error) (*domain.Payment, error) {
	p, err := m.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := fn(p); err != nil {
		return nil, err
	}
	m[id] = append(m[id], p.Uncommitted()...)
	p.MarkCommitted()
	return p, nil
}

type seqIDs struct{ n int }

func (s *seqIDs) MsgID() string { s.n++; return "MSG" + string(rune('0'+s.n)) }
func (s *seqIDs) UETR() string  { return "8a562c67-ca16-48ba-b074-65581be6f00" + string(rune('0'+s.n)) }

var t0 = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func TestInstructAndStatus(t *testing.T) {
	ctx := context.Background()
	a := app.New(memRepo{}, fxtable.Dev(), &seqIDs{}, func() time.Time { return t0 })
	o := domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("USD")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF", AccountCurrency: money.MustCurrency("GBP")}
	if _, _, err := a.Commands.RaisePayment.Handle(ctx, o); err != nil {
		t.Fatal(err)
	}
	id := domain.PaymentID(o)
	if _, _, err := a.Commands.Instruct.Handle(ctx, id); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("USD/GBP is not in the table, instruct must refuse: %v", err)
	}
	o.AccountCurrency = money.MustCurrency("EUR")
	o.PresentationID = "P2"
	if _, _, err := a.Commands.RaisePayment.Handle(ctx, o); err != nil {
		t.Fatal(err)
	}
	id = domain.PaymentID(o)
	p, x1, err := a.Commands.Instruct.Handle(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	_, x2, _ := a.Commands.Instruct.Handle(ctx, id)
	if string(x1) != string(x2) || !strings.Contains(string(x1), `<IntrBkSttlmAmt Ccy="EUR">0.92</IntrBkSttlmAmt>`) {
		t.Fatalf("instruction not idempotent or wrong amount:\n%s", x1) // USD 1.00 × 0.9223 = EUR 0.9223 → 0.92
	}
	wrongMsg := `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt><GrpHdr><MsgId>S</MsgId></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>OTHER</OrgnlMsgId><GrpSts>ACSC</GrpSts></OrgnlGrpInfAndSts></FIToFIPmtStsRpt></Document>`
	if _, err := a.Commands.ApplyStatus.Handle(ctx, id, []byte(wrongMsg)); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("status report for another message applied: %v", err)
	}
	ok := strings.Replace(wrongMsg, "OTHER", p.MsgID, 1)
	got, err := a.Commands.ApplyStatus.Handle(ctx, id, []byte(ok))
	if err != nil || got.Status != domain.StatusSettled {
		t.Fatalf("group status ACSC: %v %v", err, got)
	}
	if _, err := a.Queries.Balances.Handle(ctx); domain.KindOf(err) != domain.KindNotFound {
		t.Fatal("balances without a projection")
	}
}
