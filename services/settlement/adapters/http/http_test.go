package http_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/eventstore/sqlstore"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	settlementhttp "github.com/tradefin/tradefin/services/settlement/adapters/http"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
)

func server(t *testing.T) *httptest.Server {
	es, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "es.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { es.Close() })
	srv := httptest.NewServer(settlementhttp.Handler(app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now).WithBalances(store.NewLedger(es))))
	t.Cleanup(srv.Close)
	return srv
}

func call(t *testing.T, srv *httptest.Server, method, path, role, body string) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	req.Header.Set("X-Tradefin-Actor", "BNPAFRPP")
	if role != "" {
		req.Header.Set("X-Tradefin-Role", role)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

const raise = `{"tradeId":"T9","lcId":"LC9","presentationId":"P1","amount":{"minor":12345678,"currency":"EUR"},
"issuingBank":"BNPAFRPP","advisingBank":"CHASUS33","beneficiary":"ACME","accountCurrency":"USD"}`

func TestPaymentAPI(t *testing.T) {
	srv := server(t)
	if code, body, h := call(t, srv, "POST", "/v1/payments", "exporter", raise); code != 403 || h.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("exporter raised a payment: %d %s", code, body)
	}
	code, body, h := call(t, srv, "POST", "/v1/payments", "issuing-bank", raise)
	if code != 201 {
		t.Fatalf("raise: %d %s", code, body)
	}
	loc := h.Get("Location")
	if code, _, _ := call(t, srv, "POST", "/v1/payments", "issuing-bank", raise); code != 200 {
		t.Fatalf("retried raise: %d", code)
	}
	code, xml, h := call(t, srv, "POST", loc+"/instruction", "settlement-bank", "")
	if code != 200 || h.Get("Content-Type") != "application/xml" || !strings.Contains(xml, `<IntrBkSttlmAmt Ccy="USD">133851.84</IntrBkSttlmAmt>`) {
		t.Fatalf("instruct: %d %s", code, xml) // EUR 123,456.78 × 1.0842 = USD 133,851.840876 → 133,851.84
	}
	if code, again, _ := call(t, srv, "GET", loc+"/messages/pacs.009", "advising-bank", ""); code != 200 || again != xml {
		t.Fatalf("stored pacs.009 differs from the one sent: %d\n%s", code, again)
	}
	_, body, _ = call(t, srv, "GET", loc, "advising-bank", "")
	var v struct{ MsgID, UETR, Status string }
	if err := json.Unmarshal([]byte(body), &v); err != nil || v.Status != "instructed" {
		t.Fatalf("get: %s", body)
	}
	rep := fmt.Sprintf(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt><GrpHdr><MsgId>S</MsgId></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId></OrgnlGrpInfAndSts><TxInfAndSts><OrgnlUETR>%s</OrgnlUETR><TxSts>ACSC</TxSts></TxInfAndSts></FIToFIPmtStsRpt></Document>`, v.MsgID, v.UETR)
	if code, body, _ := call(t, srv, "POST", loc+"/status-reports", "settlement-bank", rep); code != 200 || !strings.Contains(body, `"status":"settled"`) {
		t.Fatalf("status: %d %s", code, body)
	}
	if code, body, _ := call(t, srv, "POST", loc+"/status-reports", "settlement-bank", strings.Replace(rep, "ACSC", "RJCT", 1)); code != 409 {
		t.Fatalf("rejection after finality: %d %s", code, body)
	}
	if code, _, _ := call(t, srv, "POST", loc+"/status-reports", "settlement-bank", "<x/>"); code != 422 {
		t.Fatalf("garbage status report: %d", code)
	}
	code, body, _ = call(t, srv, "GET", "/v1/accounts", "operator", "")
	var bal struct {
		Accounts map[string]struct {
			Minor    int64
			Currency string
		}
	}
	if err := json.Unmarshal([]byte(body), &bal); err != nil || code != 200 {
		t.Fatalf("balances %d %s", code, body)
	}
	// EUR 123,456.78 debited to the LC settlement account, USD 133,851.84 credited to the vostro;
	// per currency the ledger sums to zero.
	if bal.Accounts["lc-settlement:LC9:EUR"].Minor != 12345678 || bal.Accounts["vostro:CHASUS33:USD"].Minor != -13385184 {
		t.Fatalf("balances %s", body)
	}
	sum := map[string]int64{}
	for _, b := range bal.Accounts {
		sum[b.Currency] += b.Minor
	}
	if sum["EUR"] != 0 || sum["USD"] != 0 {
		t.Fatalf("ledger does not balance: %v", sum)
	}
	if code, _, _ := call(t, srv, "GET", "/v1/accounts", "exporter", ""); code != 403 {
		t.Fatalf("exporter read balances: %d", code)
	}
	if code, _, _ := call(t, srv, "GET", "/v1/payments/none", "operator", ""); code != 404 {
		t.Fatalf("missing: %d", code)
	}
	if code, _, _ := call(t, srv, "POST", "/v1/payments", "operator", `{"tradeId":"T"}`); code != 422 {
		t.Fatalf("incomplete obligation: %d", code)
	}
	if code, _, _ := call(t, srv, "POST", "/v1/payments", "operator", `{`); code != 400 {
		t.Fatalf("bad JSON: %d", code)
	}
}
