package domain

import (
	"testing"
	"time"
)

// TestPresentationUnderAPendingAmendmentAcceptsIt: UCP 600 Art. 10(c). The issuing bank amends
// the port of discharge to Hamburg; the beneficiary does not answer. Documents shipped to
// Hamburg comply with the amendment, not with the credit as it stands: the presentation is the
// beneficiary's acceptance, recorded before the examination, which the amended terms pass.
// Documents that comply with the credit as it stands, or with neither, accept nothing; nor does
// a presentation under an advised credit whose amendment is not advised yet (Art. 9(d)).
func TestPresentationUnderAPendingAmendmentAcceptsIt(t *testing.T) {
	toHamburg := func() Presentation {
		p := complying()
		doc(&p, BillOfLading).PortOfDischarge = "DEHAM"
		doc(&p, InsuranceDocument).PortOfDischarge = "DEHAM"
		return p
	}
	amended := func(t *testing.T, advise bool) *LetterOfCredit {
		t.Helper()
		lc := issued(t)
		if advise {
			if err := lc.Advise("BCOMPTPL", NewDate(2026, time.November, 3)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := lc.Amend(Amendment{Date: NewDate(2026, time.November, 20), TermChanges: TermChanges{NewPortOfDischarge: "DEHAM"}}); err != nil {
			t.Fatal(err)
		}
		return lc
	}
	lc := amended(t, false)
	res, err := lc.Present("P-1", toHamburg(), presentedAt, policy, nil)
	if err != nil || !res.Compliant {
		t.Fatalf("documents complying with the amendment: %v %+v", err, res.Discrepancies)
	}
	if lc.Amendments[0].Status != StateAccepted || lc.Terms.PortOfDischarge != "DEHAM" {
		t.Fatalf("the amendment after the presentation: %s, port %s", lc.Amendments[0].Status, lc.Terms.PortOfDischarge)
	}
	names := []string{}
	for _, e := range lc.Changes() {
		names = append(names, e.EventName())
	}
	if n := len(names); n < 2 || names[n-2] != "lc.AmendmentAnswered" || names[n-1] != "lc.DocumentsExamined" {
		t.Fatalf("events %v: the acceptance before the examination", names)
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if replayed.Amendments[0].Status != StateAccepted || replayed.Terms.PortOfDischarge != "DEHAM" {
		t.Fatal("replayed, the deemed acceptance is lost")
	}

	for name, c := range map[string]struct {
		advise bool
		p      Presentation
	}{
		"complying with the credit as it stands": {false, complying()},
		"complying with neither":                 {false, func() Presentation { p := toHamburg(); doc(&p, BillOfLading).OnBoardNotation = false; return p }()},
		"the amendment not advised yet":          {true, toHamburg()},
	} {
		lc := amended(t, c.advise)
		if _, err := lc.Present("P-1", c.p, presentedAt, policy, nil); err != nil {
			t.Fatal(err)
		}
		if lc.Amendments[0].Status != StateProposed || lc.Terms.PortOfDischarge == "DEHAM" {
			t.Errorf("%s: the amendment is %s", name, lc.Amendments[0].Status)
		}
	}
}
