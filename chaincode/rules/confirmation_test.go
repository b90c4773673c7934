package rules

import (
	"strings"
	"testing"
)

// A confirmed credit (UCP 600 Art. 8): the confirming bank (ExporterBankMSP) confirms, honours
// through the presentation track, claims reimbursement; the issuing bank's reimbursement
// settles (ImporterBankMSP); only then does the trade close.
func TestConfirmedCreditWithReimbursement(t *testing.T) {
	walk(t, LCApplied, LCIssued, LCAdvised, LCConfirmed, LCAccepted, ExportCleared, Shipped, DocumentsPresented, Honoured,
		Settled, ReimbursementClaimed, ImportReleased, Reimbursed, Closed)
	// The confirmation may come before the advice (a confirmer other than the advising bank)
	// and after a refusal.
	walk(t, LCApplied, LCIssued, LCConfirmed, LCAdvised)
	walk(t, LCApplied, LCIssued, ExportCleared, Shipped, DocumentsPresented, DocumentsRefused, LCConfirmed)
	if EntitledOrg(LCConfirmed) != ExporterBank || EntitledOrg(ReimbursementClaimed) != ExporterBank || EntitledOrg(Reimbursed) != ImporterBank {
		t.Errorf("entitlements: confirmed %s, claimed %s, reimbursed %s", EntitledOrg(LCConfirmed), EntitledOrg(ReimbursementClaimed), EntitledOrg(Reimbursed))
	}
}

func TestConfirmationRefusals(t *testing.T) {
	issued := walk(t, LCApplied, LCIssued)
	honoured := walk(t, LCApplied, LCIssued, ExportCleared, Shipped, DocumentsPresented, Honoured)
	confirmedHonoured := walk(t, LCApplied, LCIssued, LCConfirmed, ExportCleared, Shipped, DocumentsPresented, Honoured, Settled, ImportReleased)
	cases := []struct {
		name      string
		next      Type
		s         State
		org       string
		wantCode  string
		wantWords string
	}{
		{"confirmation before issue", LCConfirmed, walk(t, LCApplied), ExporterBank, ErrOutOfOrder, "needs LC_ISSUED"},
		{"the issuing bank cannot confirm its own credit", LCConfirmed, issued, ImporterBank, ErrNotEntitled, "only ExporterBankMSP"},
		{"confirmation after honour", LCConfirmed, honoured, ExporterBank, ErrOutOfOrder, "cannot follow HONOURED"},
		{"confirmation happens once", LCConfirmed, issued.After(LCConfirmed), ExporterBank, ErrOutOfOrder, "happens once"},
		{"no claim on an unconfirmed credit", ReimbursementClaimed, honoured, ExporterBank, ErrOutOfOrder, "needs LC_CONFIRMED"},
		{"no claim before honour", ReimbursementClaimed, issued.After(LCConfirmed), ExporterBank, ErrOutOfOrder, "needs HONOURED"},
		{"the confirming bank claims, the issuing bank does not", ReimbursementClaimed, confirmedHonoured, ImporterBank, ErrNotEntitled, "only ExporterBankMSP"},
		{"no reimbursement without a claim", Reimbursed, confirmedHonoured, ImporterBank, ErrOutOfOrder, "needs REIMBURSEMENT_CLAIMED"},
		{"a confirmed credit closes only once reimbursed", Closed, confirmedHonoured.After(ReimbursementClaimed), ImporterBank, ErrOutOfOrder, "needs REIMBURSED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Check(c.next, c.s, c.org)
			if err == nil || !strings.HasPrefix(err.Error(), c.wantCode+":") || !strings.Contains(err.Error(), c.wantWords) {
				t.Fatalf("Check(%s) = %v, want %s containing %q", c.next, err, c.wantCode, c.wantWords)
			}
		})
	}
	// An unconfirmed credit closes as before, with no reimbursement.
	if err := Check(Closed, honoured.After(Settled).After(ImportReleased), ImporterBank); err != nil {
		t.Errorf("unconfirmed credit: %v", err)
	}
}
