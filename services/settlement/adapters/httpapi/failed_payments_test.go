package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

// paymentView is the part of the API's payment the tests read.
type paymentView struct {
	Status             string
	AwaitingCorrection bool
	MsgID, UETR        string
	Attempts           []struct {
		Attempt         int
		MsgID, UETR     string
		StatusCode      string
		FailureReason   string
		CreditorAccount string
		Reversal        []struct{ Account string }
	}
	Corrections []struct{ CreditorAccount string }
}

func (x api) payment(t *testing.T, path string) paymentView {
	t.Helper()
	var v paymentView
	rec := x.call("GET", path, "audra", "")
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &v) != nil {
		t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body.String())
	}
	return v
}

func statusReport(msgID, uetr, code, reason string) string {
	return fmt.Sprintf(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt><GrpHdr><MsgId>S-%s</MsgId></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId></OrgnlGrpInfAndSts><TxInfAndSts><OrgnlUETR>%s</OrgnlUETR><TxSts>%s</TxSts>
<StsRsnInf><Rsn><Cd>%s</Cd></Rsn></StsRsnInf></TxInfAndSts></FIToFIPmtStsRpt></Document>`, msgID, msgID, uetr, code, reason)
}

// expect asserts rec's status, and for an error a problem document, and returns its body.
func expect(t *testing.T, what string, rec *httptest.ResponseRecorder, want int) string {
	t.Helper()
	if rec.Code != want || (want >= 400 && rec.Header().Get("Content-Type") != "application/problem+json") {
		t.Fatalf("%s: %d %s, want %d", what, rec.Code, rec.Body.String(), want)
	}
	return rec.Body.String()
}

// TestRejectedPaymentOverHTTP: the payment's life after a pacs.002 rejection, as the banks see it
// through the API. A rejection that may pass by itself is instructed again (a new pacs.009, new
// MsgId and UETR; each attempt's message stays readable byte for byte); a late report on the
// superseded attempt is refused, or accepted unchanged when it repeats the rejection; a rejection
// that needs a person answers "awaiting correction" until the payments officer corrects the
// creditor account, after which the next attempt credits it and settles.
func TestRejectedPaymentOverHTTP(t *testing.T) {
	x := newAPI(t)
	p := x.raise(t, obligation("LC-R", 12345678))
	first := expect(t, "first instruction", x.call("POST", p+"/instruction", "per", ""), 200)
	v := x.payment(t, p)
	att1MsgID, att1UETR := v.MsgID, v.UETR

	expect(t, "AM04 rejection", x.call("POST", p+"/status-reports", "nils", statusReport(att1MsgID, att1UETR, "RJCT", "AM04")), 200)
	if v = x.payment(t, p); v.Status != "failed" || v.AwaitingCorrection || len(v.Attempts[0].Reversal) == 0 {
		t.Fatalf("after AM04: %+v", v)
	}
	second := expect(t, "re-instruction", x.call("POST", p+"/instruction", "per", ""), 200)
	v = x.payment(t, p)
	if second == first || v.Status != "instructed" || len(v.Attempts) != 2 || v.UETR == att1UETR || !strings.Contains(second, v.UETR) {
		t.Fatalf("re-instruction: %+v\n%s", v, second)
	}
	if again := expect(t, "retried re-instruction", x.call("POST", p+"/instruction", "seb-backoffice", ""), 200); again != second {
		t.Fatal("a retried re-instruction sent another message")
	}
	if old := expect(t, "attempt 1's pacs.009", x.call("GET", p+"/messages/pacs.009?attempt=1", "ana", ""), 200); old != first {
		t.Fatalf("attempt 1's pacs.009 is not the message sent:\n%s", old)
	}
	if cur := expect(t, "current pacs.009", x.call("GET", p+"/messages/pacs.009", "ana", ""), 200); cur != second {
		t.Fatal("the current pacs.009 is not attempt 2's")
	}
	expect(t, "no attempt 3", x.call("GET", p+"/messages/pacs.009?attempt=3", "ana", ""), 404)
	expect(t, "attempt 11", x.call("GET", p+"/messages/pacs.009?attempt=11", "ana", ""), 400)

	late := expect(t, "late ACSC of attempt 1", x.call("POST", p+"/status-reports", "nils", statusReport(att1MsgID, att1UETR, "ACSC", "")), 409)
	if !strings.Contains(late, "superseded") {
		t.Errorf("late report refused with %s", late)
	}
	expect(t, "attempt 1's rejection redelivered", x.call("POST", p+"/status-reports", "nils", statusReport(att1MsgID, att1UETR, "RJCT", "AM04")), 200)
	if v = x.payment(t, p); v.Status != "instructed" {
		t.Fatalf("a late report changed the payment: %+v", v)
	}

	expect(t, "AC04 rejection", x.call("POST", p+"/status-reports", "nils", statusReport(v.MsgID, v.UETR, "RJCT", "AC04")), 200)
	if v = x.payment(t, p); !v.AwaitingCorrection {
		t.Fatalf("after AC04: %+v", v)
	}
	if body := expect(t, "release awaiting correction", x.call("POST", p+"/instruction", "per", ""), 409); !strings.Contains(body, "Payment awaiting correction") {
		t.Errorf("409 %s", body)
	}

	const account = "DE89370400440532013000"
	body := func(s string) string { return `{"creditorAccount":"` + s + `"}` }
	expect(t, "correction by nobody", x.call("POST", p+"/correction", "", body(account)), 401)
	expect(t, "correction by another bank", x.call("POST", p+"/correction", "oscar", body(account)), 404)
	expect(t, "correction by the debtor's trade officer", x.call("POST", p+"/correction", "erik", body(account)), 403)
	expect(t, "correction by the settlement bank", x.call("POST", p+"/correction", "nils", body(account)), 403)
	expect(t, "correction with wrong IBAN check digits", x.call("POST", p+"/correction", "per", body("DE89370400440532013001")), 422)
	expect(t, "correction over Max34", x.call("POST", p+"/correction", "per", body(strings.Repeat("1", 35))), 400)
	expect(t, "correction with a space", x.call("POST", p+"/correction", "per", body("DE89 3704")), 400)
	expect(t, "correction with another field", x.call("POST", p+"/correction", "per", `{"creditorAccount":"`+account+`","amount":1}`), 400)
	expect(t, "correction without a body", x.call("POST", p+"/correction", "per", ""), 400)
	expect(t, "correction over the body bound", x.call("POST", p+"/correction", "per", `{"creditorAccount":"`+strings.Repeat(" ", 300<<10)+`"}`), 413)
	if v = x.payment(t, p); len(v.Attempts) != 2 || len(v.Corrections) != 0 {
		t.Fatalf("a refused correction changed the payment: %+v", v)
	}
	third := expect(t, "correction", x.call("POST", p+"/correction", "per", body(account)), 200)
	if !strings.Contains(third, "<InstrInf>/ACC/"+account+"</InstrInf>") {
		t.Fatalf("the corrected instruction does not credit the corrected account:\n%s", third)
	}
	if again := expect(t, "retried correction", x.call("POST", p+"/correction", "per", body(account)), 200); again != third {
		t.Fatal("a retried correction sent another message")
	}
	v = x.payment(t, p)
	expect(t, "ACSC of attempt 3", x.call("POST", p+"/status-reports", "nils", statusReport(v.MsgID, v.UETR, "ACSC", "")), 200)
	if v = x.payment(t, p); v.Status != "settled" || len(v.Attempts) != 3 || v.Attempts[2].CreditorAccount != account || len(v.Corrections) != 1 {
		t.Fatalf("settled after the correction: %+v", v)
	}
}

// TestCorrectionAboveTheThresholdOverHTTP: above the four-eyes threshold the correction waits for
// an approver who is not its maker (202), and the approval instructs it.
func TestCorrectionAboveTheThresholdOverHTTP(t *testing.T) {
	x := newAPI(t)
	p := x.raise(t, obligation("LC-RB", 2_000_000_00))
	expect(t, "release", x.call("POST", p+"/instruction", "per", ""), 202)
	expect(t, "approval", x.call("POST", p+"/approval", "sara", ""), 200)
	v := x.payment(t, p)
	expect(t, "AC01 rejection", x.call("POST", p+"/status-reports", "nils", statusReport(v.MsgID, v.UETR, "RJCT", "AC01")), 200)
	expect(t, "correction by a maker", x.call("POST", p+"/correction", "per+approver", `{"creditorAccount":"123456789"}`), 202)
	expect(t, "the correction's maker approves", x.call("POST", p+"/approval", "per+approver", ""), 403)
	if v = x.payment(t, p); v.Status != "awaiting-approval" || len(v.Attempts) != 1 {
		t.Fatalf("the correction was instructed before its approval: %+v", v)
	}
	if msg := expect(t, "approval of the correction", x.call("POST", p+"/approval", "sara", ""), 200); !strings.Contains(msg, "/ACC/123456789") {
		t.Fatalf("approved correction:\n%s", msg)
	}
}
