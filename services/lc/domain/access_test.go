package domain

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/events/money"
)

// The dev directory's parties (services/signin/directory/dev.yaml).
const (
	importerLEI = "5493001NORDICIMP0058"
	exporterLEI = "5493002AZULEJOSLX028"
	outsiderLEI = "5493003OTHERTRAD0029"
)

var (
	importer, exporter, outsider     = identitytest.Ingrid, identitytest.Joao, identitytest.Olga
	issuerOfficer, issuerChecker     = identitytest.Erik, identitytest.Sara
	issuerPayOps, adviser, otherBank = identitytest.Per, identitytest.Ana, identitytest.Oscar
	auditor                          = identitytest.Audra
	// A trader whose organisation has the issuing bank's identifier: kinds are part of identity.
	bicLookalike = identity.Actor{Org: "ESSESESS", OrgKind: identity.Trader, Subject: "eve", Roles: []string{identity.RoleTrader, identity.RoleTradeOfficer}}
)

// TestAuthorizeMatrix: every action, every party of the credit and strangers; each cell is the
// expected answer: ok, 403 (refused naming the rule) or 404 (not visible).
func TestAuthorizeMatrix(t *testing.T) {
	lc := &LetterOfCredit{ID: "LC-1", Terms: credit()}
	lc.Terms.Applicant.ID, lc.Terms.Beneficiary.ID = importerLEI, exporterLEI
	actors := []struct {
		name string
		a    identity.Actor
	}{{"importer", importer}, {"exporter", exporter}, {"issuer-officer", issuerOfficer}, {"issuer-checker", issuerChecker},
		{"issuer-payments", issuerPayOps}, {"adviser", adviser}, {"other-bank", otherBank}, {"outsider", outsider},
		{"auditor", auditor}, {"bic-lookalike", bicLookalike}}
	want := map[Action][]string{ //  imp   exp    iss-o  iss-c  iss-p  adv    oth    out    aud    look
		ActApply:        {"ok", "403", "403", "403", "403", "403", "403", "403", "403", "403"},
		ActRead:         {"ok", "ok", "ok", "ok", "ok", "ok", "404", "404", "ok", "404"},
		ActIssue:        {"403", "403", "ok", "ok", "403", "403", "404", "404", "403", "404"},
		ActApproveIssue: {"403", "403", "403", "ok", "403", "403", "404", "404", "403", "404"},
		ActAdvise:       {"403", "403", "403", "403", "403", "ok", "404", "404", "403", "404"},
		ActAccept:       {"403", "ok", "403", "403", "403", "403", "404", "404", "403", "404"},
		ActAmend:        {"403", "403", "ok", "ok", "403", "403", "404", "404", "403", "404"},
		ActAnswerAmend:  {"403", "ok", "403", "403", "403", "403", "404", "404", "403", "404"},
		ActRequestAmend: {"ok", "403", "403", "403", "403", "403", "404", "404", "403", "404"},
		ActAdviseAmend:  {"403", "403", "403", "403", "403", "ok", "404", "404", "403", "404"},
		ActPresent:      {"403", "ok", "403", "403", "403", "403", "404", "404", "403", "404"},
		ActWaive:        {"ok", "403", "403", "403", "403", "403", "404", "404", "403", "404"},
		ActDecideWaiver: {"403", "403", "ok", "ok", "403", "403", "404", "404", "403", "404"},
		ActPreExamine:   {"ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
	}
	for act, cells := range want {
		for i, c := range actors {
			t.Run(fmt.Sprintf("%s/%s", act, c.name), func(t *testing.T) {
				if got := answer(Authorize(c.a, act, lc)); got != cells[i] {
					t.Errorf("%s by %s: %s, want %s", act, c.name, got, cells[i])
				}
			})
		}
	}
}

func answer(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, ErrNotVisible):
		return "404"
	case KindOf(err) == KindForbidden && err.Error() != "":
		return "403"
	}
	return "unexpected: " + err.Error()
}

// TestApplyOnlyAsTheNamedApplicant: an importer cannot apply in another trader's name.
func TestApplyOnlyAsTheNamedApplicant(t *testing.T) {
	terms := credit()
	terms.Applicant.ID = outsiderLEI
	if got := answer(Authorize(importer, ActApply, &LetterOfCredit{Terms: terms})); got != "403" {
		t.Fatalf("applying in another's name: %s", got)
	}
}

func TestFourEyesIssue(t *testing.T) {
	limit := FourEyes{DefaultMajor: 50_000} // EUR 50,000.00: the EUR 100,000 credit needs four eyes
	lc, err := Apply("LC-4E", "T-4E", credit(), cals)
	if err != nil {
		t.Fatal(err)
	}
	on := NewDate(2026, time.November, 2)
	maker, checker := issuerChecker.Stamp(), Stamp{Org: "ESSESESS", User: "erik"}
	if err := lc.Issue(on, maker, limit); err != nil || lc.Status != StatusPendingIssue {
		t.Fatalf("issue above the limit must wait for approval: %v, %s", err, lc.Status)
	}
	if err := lc.Issue(on, maker, limit); err != nil || len(lc.Changes()) != 2 {
		t.Fatalf("a retried request records nothing: %v, %d events", err, len(lc.Changes()))
	}
	if err := lc.ApproveIssue(maker); !errors.Is(err, ErrOwnApproval) || lc.Status != StatusPendingIssue {
		t.Fatalf("the maker approving its own issue: %v, %s", err, lc.Status)
	}
	if err := lc.ApproveIssue(checker); err != nil || lc.Status != StatusIssued || lc.IssueDate != on {
		t.Fatalf("approval by a second user: %v, %s", err, lc.Status)
	}
	if err := lc.ApproveIssue(checker); err != nil || len(lc.Changes()) != 3 {
		t.Fatalf("a retried approval records nothing: %v, %d events", err, len(lc.Changes()))
	}
	small, _ := Apply("LC-S", "T-S", credit(), cals)
	if err := small.Issue(on, maker, FourEyes{DefaultMajor: 1_000_000}); err != nil || small.Status != StatusIssued {
		t.Fatalf("below the limit one user issues: %v, %s", err, small.Status)
	}
}

func TestParseFourEyes(t *testing.T) {
	f, err := ParseFourEyes("EUR:100000000, JPY:50000000")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		minor int64
		cur   string
		needs bool
	}{{100_000_000, "EUR", false}, {100_000_001, "EUR", true}, {50_000_001, "JPY", true},
		{100_000_000, "USD", false}, {100_000_001, "USD", true}} { // USD: default 1,000,000.00
		if got := f.Exceeds(moneyOf(c.minor, c.cur)); got != c.needs {
			t.Errorf("%d %s: needs %v, want %v", c.minor, c.cur, got, c.needs)
		}
	}
	for _, bad := range []string{"EUR", "XXX1:5", "EUR:-1", "EUR:ten"} {
		if _, err := ParseFourEyes(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestRejectedWaiverWaivesNothing: the bank's rejection keeps the refusal and records no waiver.
func TestRejectedWaiverWaivesNothing(t *testing.T) {
	lc, _ := Apply("LC-W", "T-W", credit(), cals)
	_ = lc.Issue(NewDate(2026, time.November, 2), Stamp{}, FourEyes{})
	bad := complying()
	doc(&bad, BillOfLading).OnBoardNotation = false
	if _, err := present(lc, "P-1", bad, presentedAt, policy); err != nil || lc.Status != StatusRefused {
		t.Fatalf("refusal: %v %s", err, lc.Status)
	}
	if err := lc.DecideWaiver("P-1", true, NewDate(2026, 12, 9), presentedAt); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("a decision before the applicant waived: %v", err)
	}
	_ = lc.RequestWaiver("P-1", importer.Stamp(), NewDate(2026, 12, 9), presentedAt)
	if err := lc.DecideWaiver("P-1", false, NewDate(2026, 12, 9), presentedAt); err != nil || lc.Status != StatusRefused {
		t.Fatalf("rejection: %v %s", err, lc.Status)
	}
	for _, e := range lc.Changes() {
		if _, waived := e.(DiscrepanciesWaived); waived {
			t.Fatal("a rejected waiver recorded DiscrepanciesWaived")
		}
	}
	if err := lc.DecideWaiver("P-1", true, NewDate(2026, 12, 9), presentedAt); !errors.Is(err, ErrInvalidState) {
		t.Fatalf("accepting after rejecting: %v", err)
	}
}

func moneyOf(minor int64, code string) money.Money { return money.New(minor, money.MustCurrency(code)) }

// TestWhoCancelsAndExpires: the issuing bank proposes a cancellation and the beneficiary consents
// (UCP 600 Art. 10(a)); only the trade workflow expires a credit (Art. 6(d)(i)), a party asking
// is refused and anyone else is not told the credit exists.
func TestWhoCancelsAndExpires(t *testing.T) {
	lc := &LetterOfCredit{ID: "LC-1", Terms: credit()}
	for _, c := range []struct {
		act  Action
		a    identity.Actor
		want string
	}{
		{ActCancel, issuerOfficer, "ok"}, {ActCancel, exporter, "403"}, {ActCancel, importer, "403"}, {ActCancel, otherBank, "404"},
		{ActAnswerCancel, exporter, "ok"}, {ActAnswerCancel, issuerOfficer, "403"}, {ActAnswerCancel, outsider, "404"},
		{ActExpire, identity.Workflow, "ok"}, {ActExpire, issuerOfficer, "403"}, {ActExpire, auditor, "403"}, {ActExpire, outsider, "404"},
		{ActRead, identity.Workflow, "404"},
	} {
		if got := answer(Authorize(c.a, c.act, lc)); got != c.want {
			t.Errorf("%s by %s: %s, want %s", c.act, c.a.Subject, got, c.want)
		}
	}
}
