package iso20022

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

var update = flag.Bool("update", false, "rewrite golden files")

var t0 = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func instructed(t *testing.T, amt money.Money, acct money.Currency, rate string) *domain.Payment {
	t.Helper()
	return instructedTo(t, amt, acct, rate, "")
}

func instructedTo(t *testing.T, amt money.Money, acct money.Currency, rate, account string) *domain.Payment {
	t.Helper()
	p, err := domain.RaisePayment(domain.Obligation{TradeID: "T1", LCID: "LC1", PresentationID: "P1", Amount: amt,
		IssuingBank: "BNPAFRPP", AdvisingBank: "CHASUS33XXX", Beneficiary: "ACME", BeneficiaryAccount: account, AccountCurrency: acct},
		identity.Stamp{Org: "BNPAFRPP", User: "erik"}, t0)
	if err != nil {
		t.Fatal(err)
	}
	in := domain.Instruction{MsgID: "TFSTL-0001", EndToEndID: "LC1-P1", UETR: "8a562c67-ca16-48ba-b074-65581be6f001", SettlementDate: t0}
	if rate != "" {
		r, err := domain.ParseRate(amt.Currency, acct, rate, "fixed-table", t0)
		if err != nil {
			t.Fatal(err)
		}
		in.Rate = &r
	}
	// the messages' rendering is under test, not four eyes: no threshold applies
	if err := p.Instruct(in, identity.Workflow.Stamp(), domain.FourEyes{DefaultMajor: 1_000_000_000_000}, t0); err != nil {
		t.Fatal(err)
	}
	return p
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n%s", name, got)
	}
}

func TestPacs009Golden(t *testing.T) {
	for _, c := range []struct {
		name string
		p    *domain.Payment
	}{
		{"pacs009_eur.xml", instructed(t, money.New(12345678, money.MustCurrency("EUR")), money.Currency{}, "")},
		{"pacs009_eur_to_usd.xml", instructed(t, money.New(10000000, money.MustCurrency("EUR")), money.MustCurrency("USD"), "1.0842")},
		{"pacs009_usd_to_jpy.xml", instructed(t, money.New(100050, money.MustCurrency("USD")), money.MustCurrency("JPY"), "151.235")},
		{"pacs009_eur_creditor_account.xml", instructedTo(t, money.New(12345678, money.MustCurrency("EUR")), money.Currency{}, "", "PT50000201231234567890154")},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := Pacs009(c.p, c.p.Current())
			if err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, b)
			checkPacs009Rules(t, b)
		})
	}
}

// checkPacs009Rules checks the schema facets and usage rules we can source for pacs.009.001.08:
// namespace, Max35Text identifiers, UUIDv4 UETR, BICFI pattern, ActiveCurrencyAndAmount with the
// currency's ISO 4217 fraction digits, ISODate, NbOfTxs matching the transactions.
func checkPacs009Rules(t *testing.T, b []byte) {
	var d struct {
		XMLName xml.Name
		Hdr     struct {
			MsgId, CreDtTm, NbOfTxs string
			SttlmMtd                string `xml:"SttlmInf>SttlmMtd"`
		} `xml:"FICdtTrf>GrpHdr"`
		Tx []struct {
			EndToEndId string `xml:"PmtId>EndToEndId"`
			UETR       string `xml:"PmtId>UETR"`
			Amt        struct {
				Ccy string `xml:"Ccy,attr"`
				V   string `xml:",chardata"`
			} `xml:"IntrBkSttlmAmt"`
			Dt   string   `xml:"IntrBkSttlmDt"`
			BICs []string `xml:"InstgAgt>FinInstnId>BICFI"`
			Dbtr string   `xml:"Dbtr>FinInstnId>BICFI"`
			Cdtr string   `xml:"Cdtr>FinInstnId>BICFI"`
		} `xml:"FICdtTrf>CdtTrfTxInf"`
	}
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if d.XMLName.Space != NamespacePacs009 || d.XMLName.Local != "Document" {
		t.Errorf("root %v", d.XMLName)
	}
	if len(d.Hdr.MsgId) == 0 || len(d.Hdr.MsgId) > 35 || d.Hdr.NbOfTxs != "1" || len(d.Tx) != 1 || d.Hdr.SttlmMtd != "INDA" {
		t.Errorf("group header %+v", d.Hdr)
	}
	if _, err := time.Parse(time.RFC3339, d.Hdr.CreDtTm); err != nil {
		t.Errorf("CreDtTm: %v", err)
	}
	tx := d.Tx[0]
	if !domain.IsUUIDv4(tx.UETR) || len(tx.EndToEndId) > 35 || !domain.IsBIC(tx.Dbtr) || !domain.IsBIC(tx.Cdtr) {
		t.Errorf("tx ids %+v", tx)
	}
	c, err := money.ParseCurrency(tx.Amt.Ccy)
	if err != nil {
		t.Fatal(err)
	}
	frac := regexp.MustCompile(`^[0-9]{1,18}$`)
	if c.Exponent() > 0 {
		frac = regexp.MustCompile(`^[0-9]{1,18}\.[0-9]{` + string(rune('0'+c.Exponent())) + `}$`)
	}
	if !frac.MatchString(tx.Amt.V) {
		t.Errorf("amount %q not in %s's ISO 4217 decimals", tx.Amt.V, c)
	}
	if _, err := time.Parse(time.DateOnly, tx.Dt); err != nil {
		t.Errorf("IntrBkSttlmDt: %v", err)
	}
}

func TestPacs009RefusesUninstructed(t *testing.T) {
	p, _ := domain.RaisePayment(domain.Obligation{TradeID: "T1", LCID: "LC1", PresentationID: "P1",
		Amount: money.New(1, money.MustCurrency("EUR")), IssuingBank: "BNPAFRPP", AdvisingBank: "CHASUS33"}, identity.Stamp{}, t0)
	if _, err := Pacs009(p, p.Current()); err == nil {
		t.Fatal("pacs.009 for a payment not instructed")
	}
}

func TestParsePacs002(t *testing.T) {
	for _, c := range []struct {
		file, status, reason, uetr string
	}{
		{"pacs002_acsc.xml", "ACSC", "", "8a562c67-ca16-48ba-b074-65581be6f001"},
		{"pacs002_rjct.xml", "RJCT", "AC04", "8a562c67-ca16-48ba-b074-65581be6f001"},
		{"pacs002_grpsts_accc.xml", "ACCC", "", ""},
	} {
		b, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		r, err := ParsePacs002(b)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if r.OrgnlMsgID != "TFSTL-0001" || len(r.Transactions) != 1 {
			t.Fatalf("%s: %+v", c.file, r)
		}
		tx := r.Transactions[0]
		if tx.Status != c.status || tx.OrgnlUETR != c.uetr || (c.reason != "" && (len(tx.Reasons) != 1 || tx.Reasons[0] != c.reason)) {
			t.Errorf("%s: %+v", c.file, tx)
		}
	}
	for _, bad := range []string{"", "<x/>",
		`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFIPmtStsRpt/></Document>`,
		`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt><GrpHdr><MsgId>A</MsgId></GrpHdr></FIToFIPmtStsRpt></Document>`,
	} {
		if _, err := ParsePacs002([]byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}
