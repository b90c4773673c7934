package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
)

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// lagging is an index that holds nothing until CatchUp, then everything in behind; catchUp
// fails when stuck.
type lagging struct {
	now, behind []domain.Entry
	stuck       bool
	catchUps    int
}

func (l *lagging) Trade(context.Context, string) ([]domain.Entry, error) { return l.now, nil }
func (l *lagging) CatchUp(context.Context) error {
	l.catchUps++
	if l.stuck {
		return errors.New("consumer 3 messages behind")
	}
	l.now = append(l.now, l.behind...)
	return nil
}

func agent(idx Index, submitted *[]string) App {
	return App{Org: "ImporterBankMSP", Index: idx, Log: slog.New(slog.DiscardHandler), Now: time.Now,
		Submit: func(_ context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
			*submitted = append(*submitted, in.Milestone)
			return ledger.Receipt{Record: ledger.Record{TxID: "tx"}}, nil
		}}
}

var issued = domain.Entry{Type: "lc.issued.v1", ID: "ev-2", SHA256: sha("issued")}

func TestAnEventStillOnItsWayIsSignedOnceIndexed(t *testing.T) {
	var submitted []string
	idx := &lagging{behind: []domain.Entry{issued}}
	r, err := agent(idx, &submitted).Record(context.Background(), ledger.RecordInput{TradeID: "T", Milestone: "LC_ISSUED", SHA256: issued.SHA256})
	if err != nil || r.TxID != "tx" || len(submitted) != 1 || idx.catchUps != 1 {
		t.Fatalf("receipt %+v, err %v, submitted %v, catch-ups %d", r, err, submitted, idx.catchUps)
	}
}

func TestAnIndexThatCannotCatchUpIsRetried(t *testing.T) {
	var submitted []string
	_, err := agent(&lagging{stuck: true}, &submitted).Record(context.Background(), ledger.RecordInput{TradeID: "T", Milestone: "LC_ISSUED", SHA256: sha("x")})
	var refusal *Refusal
	if !errors.Is(err, ErrNotYet) || errors.As(err, &refusal) || len(submitted) != 0 {
		t.Fatalf("err = %v, submitted %v; want a retryable error and nothing signed", err, submitted)
	}
}

func TestAHashStillUnknownOnceCaughtUpIsAForgery(t *testing.T) {
	var submitted []string
	_, err := agent(&lagging{behind: []domain.Entry{issued}}, &submitted).Record(context.Background(), ledger.RecordInput{TradeID: "T", Milestone: "LC_ISSUED", SHA256: sha("forged")})
	var refusal *Refusal
	if !errors.As(err, &refusal) || refusal.Code != domain.CodeNoEvent || errors.Is(err, ErrNotYet) || len(submitted) != 0 {
		t.Fatalf("err = %v, submitted %v; want a NO_SUCH_EVENT refusal", err, submitted)
	}
}

func TestARefusalNeedsNoCatchUp(t *testing.T) {
	var submitted []string
	idx := &lagging{now: []domain.Entry{issued}}
	_, err := agent(idx, &submitted).Record(context.Background(), ledger.RecordInput{TradeID: "T", Milestone: "LC_APPLIED", SHA256: issued.SHA256})
	var refusal *Refusal
	if !errors.As(err, &refusal) || refusal.Code != domain.CodeWrongType || idx.catchUps != 0 || len(submitted) != 0 {
		t.Fatalf("err = %v, catch-ups %d, submitted %v", err, idx.catchUps, submitted)
	}
}
