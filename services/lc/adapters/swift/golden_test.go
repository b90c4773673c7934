package swift

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

// goldenCases lists, per message type, the golden message under testdata/golden (real-shaped FIN
// text as an advising, reimbursing or claiming bank receives it: CRLF, blocks 1, 2 and 4, some
// with 3 and 5), the fields it covers in order, and broken variants, each refused naming a field.
var goldenCases = []struct {
	mt     string
	fields string
	broken []broken
}{
	{"700", "27 40A 20 23 31C 40E 31D 51A 50 59 32B 39A 39C 41A 42C 42A 43P 43T 44A 44E 44F 44B 44D 45A 46A 47A 49G 49H 71D 48 49 58A 53A 78 57A 72Z", []broken{
		{"drafts without drawee", ":42A:ESSESESS\r\n", "", "42C", "needs field 42a"},
		{"drafts and deferred payment", ":43P:", ":42P:60 DAYS AFTER SIGHT\r\n:43P:", "42P", "exclude each other"},
		{"shipment date and period", ":44D:", ":44C:270215\r\n:44D:", "44D", "D06"},
		{"confirmation without its party", ":58A:BCOMPTPL\r\n", "", "49", "58a"},
		{"option B of 42a", ":42A:ESSESESS", ":42B:LISBON", "42B", "options A, D"},
		{"41a without availability code", "BY ACCEPTANCE", "BY CHEQUE", "41A", "not one of the codes"},
		{"lower-case currency", ":32B:EUR", ":32B:eur", "32B", "not in the SWIFT"},
		{"unknown currency", ":32B:EUR", ":32B:EUX", "32B", "EUX"},
		{"too many decimals", "EUR250000,00", "EUR250000,001", "32B", ""},
		{"no decimal comma", "EUR250000,00", "EUR250000.00", "32B", ""},
		{"expiry on 30 February", ":31D:270315", ":31D:270230", "31D", "not a valid"},
		{"mandatory 50 missing, reported before later defects", ":50:NORDIC IMPORTS AB\r\nHAMNGATAN 1\r\n411 06 GOTEBORG SE\r\n", "", "50", "missing"},
		{"fields out of order", ":39A:05/05\r\n:39C:INSURANCE UP TO 110 PCT OF CIF\r\n", ":39C:INSURANCE UP TO 110 PCT OF CIF\r\n:39A:05/05\r\n", "39A", "out of order"},
		{"field repeated", ":43T:NOT ALLOWED\r\n", ":43T:NOT ALLOWED\r\n:43T:ALLOWED\r\n", "43T", "twice"},
		{"unknown field", ":48:", ":21:NONREF\r\n:48:", "21", "not a field of MT700"},
		{"reference with //", ":20:ILC2026-0042", ":20:ILC2026//0042", "20", "T26"},
		{"40E narrative without OTHR", ":40E:UCP LATEST VERSION", ":40E:UCP LATEST VERSION/2007", "40E", "OTHR"},
		{"Z character in an X field", ":78:ON RECEIPT", ":78:ON RECEIPT @", "78", "X character set"},
		{"59 with six lines", "1100-060 LISBOA PT\r\n:32B:", "1100-060 LISBOA PT\r\nPORTUGAL\r\nEUROPE\r\n:32B:", "59", "lines"},
		{"48 not a number of days", ":48:21/", ":48:XX/", "48", "format 3n[/35x]"},
	}},
	{"701", "27 20 45A 46A 47A 49G 49H", []broken{
		{"28 sequence", ":27:2/2", ":27:3/2", "27", "total"},
		{"45B is the amendment's field", ":45A:", ":45B:", "45B", "not a field of MT701"},
	}},
	{"705", "40A 20 31D 50 59 32B 39A 41D 44E 44F 44C 45A 57A 79Z 72Z", []broken{
		{"revocable credits no longer exist", ":40A:IRREVOCABLE", ":40A:REVOCABLE", "40A", "not one of the codes"},
		{"41D's last line", "BY NEGOTIATION", "NEGOTIATION", "41D", "not one of the codes"},
	}},
	{"707", "27 20 21 23 52A 31C 26E 30 22A 31D 32B 39A 42C 42A 44F 44D 45B 46B 47B 71D 71N 48 49 58A 72Z", []broken{
		{"increase and decrease", ":39A:", ":33B:EUR1000,00\r\n:39A:", "33B", "exclude each other"},
		{"issuing bank and non-bank issuer", ":31C:", ":50B:NORDIC IMPORTS AB\r\n:31C:", "50B", "C06"},
		{"narrative amendment without its code", ":46B:/DELETE/", ":46B:", "46B", "/ADD/"},
		{"amendment number 0", ":26E:1\r\n", ":26E:0\r\n", "26E", "from 1"},
		{"unknown purpose", ":22A:ISSU", ":22A:XXXX", "22A", "not one of the codes"},
		{"charges by nobody", ":71N:BENE", ":71N:SELF", "71N", "not one of the codes"},
		{"52a option B", ":52A:ESSESESS", ":52B:STOCKHOLM", "52B", "options A, D"},
	}},
	{"708", "27 20 21 23 26E 30 45B 46B 49M", []broken{
		{"49M without its code", ":49M:/REPALL/", ":49M:", "49M", "/REPALL/"},
		{"no date of amendment", ":30:261120\r\n", "", "30", "missing"},
	}},
	{"710", "27 40B 20 21 31C 40E 31D 52A 50 59 32B 41A 42P 43P 43T 44E 44F 44C 45A 46A 71D 48 49 58A 78 78D", []broken{
		{"40B second line", "ADDING OUR CONFIRMATION", "WITH CONFIRMATION", "40B", "not one of the codes"},
		{"neither issuing bank nor non-bank issuer", ":52A:ESSESESS\r\n", "", "", "one of fields 52a and 50B"},
	}},
	{"711", "27 20 21 46A 47A", []broken{{"no credit number", ":21:ILC2026-0042\r\n", "", "21", "missing"}}},
	{"720", "27 40B 20 21 31C 40E 31D 52A 50 59 32B 41A 43P 43T 44E 44F 44C 45A 46A 47A 48 49 78 72Z", []broken{
		{"confirmation code in 49", ":49:WITHOUT", ":49:REFUSED", "49", "not one of the codes"},
		{"first beneficiary missing", ":50:AZULEJOS LISBOA LDA\r\nRUA DO OURO 10\r\n1100-060 LISBOA PT\r\n", "", "50", "missing"},
	}},
	{"721", "27 20 21 45A 49H", []broken{{"empty line", "AT EUR 8,00 PER SQM", "AT EUR 8,00 PER SQM\r\n", "45A", "empty line"}}},
	{"730", "20 21 30 32B 57A 71D 72Z", []broken{
		{"option A of 32a", ":32B:EUR150,00", ":32A:261103EUR150,00", "32A", "options B, D"},
		{"date", ":30:261102", ":30:261302", "30", "not a valid"},
	}},
	{"732", "20 21 30 32B 72Z", []broken{{"amount missing", ":32B:EUR125000,00\r\n", "", "32B", "missing"}}},
	{"734", "20 21 32A 73A 33B 57A 72Z 77J 77B", []broken{
		{"charges claimed without total", ":33B:EUR125080,00\r\n", "", "73A", "requires field 33a"},
		{"total in another currency", ":33B:EUR125080,00", ":33B:USD125080,00", "33B", "C02"},
		{"disposal without a code", ":77B:/NOTIFY/", ":77B:NOTIFY", "77B", "/HOLD/"},
		{"discrepancies missing", ":77J:1. INVOICE", ":77X:1. INVOICE", "77X", "not a field"},
	}},
	{"740", "20 25 40F 31D 58A 32B 39A 41A 42C 42A 71A 72Z", []broken{
		{"rules other than URR", ":40F:URR LATEST VERSION", ":40F:UCP LATEST VERSION", "40F", "URR LATEST VERSION"},
		{"negotiating bank and beneficiary", ":32B:", ":59:AZULEJOS LISBOA LDA\r\n:32B:", "59", "exclude each other"},
		{"drawee without drafts", ":42C:90 DAYS AFTER BILL OF LADING DATE\r\n", "", "42A", "needs field 42C"},
	}},
	{"742", "20 21 31C 52A 32B 71D 34A 57A 72Z", []broken{
		{"issuing bank missing", ":52A:ESSESESS\r\n", "", "52a", "missing"},
		{"total in another currency", ":34A:270316EUR", ":34A:270316USD", "34A", "C02"},
	}},
	{"747", "20 21 30 31E 32B 34B 72Z", []broken{
		{"increase without the new amount", ":34B:EUR275000,00\r\n", "", "32B", "requires field 34B"},
		{"nothing amended", ":31E:270430\r\n:32B:EUR25000,00\r\n:34B:EUR275000,00\r\n:72Z:AMENDMENT 1 TO OUR MT740\r\n", "", "", "at least one of fields"},
	}},
	{"750", "20 21 32B 73A 34B 57A 72Z 77J", []broken{
		{"charges added without the total", ":34B:EUR125080,00\r\n", "", "73A", "requires field 34B"},
		{"77J's 71 lines", ":77J:", ":77J:" + strings.Repeat("X\r\n", 70), "77J", "at most 70"},
	}},
	{"752", "20 21 23 30 32B 71D 33B 53A 72Z", []broken{
		{"unknown identification", ":23:REMITTED", ":23:PAID", "23", "not one of the codes"},
		{"net amount in another currency", ":33B:EUR", ":33B:GBP", "33B", "C02"},
	}},
	{"754", "20 21 32A 71D 34A 53A 72Z", []broken{
		{"72Z and 77", "-}", ":77:DOCUMENTS SENT BY COURIER\r\n-}", "77", "exclude each other"},
		{"reimbursing bank and account with bank", ":72Z:", ":57A:BCOMPTPL\r\n:72Z:", "57A", "exclude each other"},
	}},
	{"756", "20 21 32B 33A 53A 72Z", []broken{
		{"amount reimbursed missing", ":33A:270316EUR125000,00\r\n", "", "33A", "missing"},
		{"BIC with a lower-case letter", ":53A:DEUTDEFF", ":53A:DEUTDEfF", "53A", "format"},
	}},
}

// broken is a golden message with one replacement, refused naming tag ("" for a rule about an
// absence, which names no field) with a reason containing reason.
type broken struct{ name, old, new, tag, reason string }

func golden(t testing.TB, mt string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/golden/mt" + mt + ".fin")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGoldenMessagesOfEveryType(t *testing.T) {
	var covered []string
	for _, c := range goldenCases {
		t.Run("MT"+c.mt, func(t *testing.T) {
			raw := golden(t, c.mt)
			if !strings.Contains(raw, "{4:\r\n") || strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") {
				t.Fatal("golden message must have CRLF line ends only")
			}
			m, err := Parse(raw)
			if err != nil {
				t.Fatal(err)
			}
			if m.Type != c.mt {
				t.Fatalf("type %s", m.Type)
			}
			if err := Validate(m); err != nil {
				t.Fatalf("golden MT%s refused: %v", c.mt, err)
			}
			var tags []string
			for _, f := range m.Fields {
				tags = append(tags, f.Tag)
			}
			if got := strings.Join(tags, " "); got != c.fields {
				t.Fatalf("fields\n got %s\nwant %s", got, c.fields)
			}
			// Every mandatory field of the type is among those covered.
			spec, _ := Spec(c.mt)
			for _, fs := range spec.Fields {
				if fs.Mandatory && !slices.ContainsFunc(tags, func(tag string) bool { f, _, _ := spec.Field(tag); return f.Tag == fs.Tag }) {
					t.Errorf("mandatory %s not covered", fs.Tag)
				}
			}
			// What we render from it parses to the same fields.
			again, err := Parse(m.String())
			if err != nil || Validate(again) != nil || len(again.Fields) != len(m.Fields) {
				t.Fatalf("rendered golden does not read back: %v", err)
			}
			for _, b := range c.broken {
				t.Run(b.name, func(t *testing.T) {
					bad := strings.Replace(raw, b.old, b.new, 1)
					if bad == raw {
						t.Fatalf("replacement %q does not apply", b.old)
					}
					assertRefused(t, bad, b.tag, b.reason)
				})
			}
		})
		covered = append(covered, c.mt)
	}
	if !slices.Equal(covered, Types()) {
		t.Fatalf("golden cases cover %v, the registry has %v", covered, Types())
	}
}

func assertRefused(t *testing.T, raw, tag, reason string) {
	t.Helper()
	m, err := Parse(raw)
	if err == nil {
		err = Validate(m)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("accepted or not a ParseError: %v", err)
	}
	if pe.Tag != tag || !strings.Contains(pe.Error(), reason) {
		t.Fatalf("error %q, want one naming field %q with %q", pe.Error(), tag, reason)
	}
}

// The registry is complete and consistent: every option of every field has a format that
// compiles, every format is used, and every format with an amount is one Decode reads.
func TestRegistryFormats(t *testing.T) {
	used := map[string]bool{}
	for _, mt := range Types() {
		spec, _ := Spec(mt)
		if spec.Name == "" || len(spec.Fields) == 0 {
			t.Errorf("MT%s has no name or fields", mt)
		}
		seen := map[string]bool{}
		for _, fs := range spec.Fields {
			if seen[fs.Tag] {
				t.Errorf("MT%s lists %s twice", mt, fs.Tag)
			}
			seen[fs.Tag] = true
			for _, o := range fs.Options {
				if o.Format == "" || compiledFormats[o.Tag] == nil {
					t.Errorf("MT%s %s: no format for option %s", mt, fs.Tag, o.Tag)
				}
				used[o.Tag] = true
			}
		}
	}
	for tag, f := range fieldFormats {
		if !used[tag] {
			t.Errorf("format of %s is used by no message", tag)
		}
		if strings.Contains(f, "d") && f != "3!a15d" && f != "6!n3!a15d" {
			t.Errorf("%s: amount format %s is not one Decode reads", tag, f)
		}
	}
	if _, ok := Spec("MT700"); !ok {
		t.Error(`Spec("MT700") not found`)
	}
	if s, _ := Spec("700"); len(s.Fields) != 39 {
		t.Errorf("MT700 has %d fields, the standard 39", len(s.Fields))
	}
}

func TestFormatNotation(t *testing.T) {
	for _, c := range []struct {
		format string
		ok     []string
		bad    []string
	}{
		{"16x", []string{"A", "ILC-2026/1 (X)"}, []string{"", "12345678901234567", "A@B", "A\r\nB"}},
		{"6!n", []string{"261102"}, []string{"26110", "2611022", "26110A"}},
		{"4*35x", []string{"A", "A\r\nB\r\nC\r\nD"}, []string{"A\r\nB\r\nC\r\nD\r\nE", strings.Repeat("A", 36)}},
		{"3!a15d", []string{"EUR1,", "EUR100,00"}, []string{"EU1,00", "EUR1234567890123456,"}},
		{"2n/2n", []string{"5/10", "05/05"}, []string{"100/5", "5-5"}},
		{partyID + bic, []string{"ESSESESS", "ESSESESSXXX", "/D/123\r\nESSESESS", "/123\r\nESSESESS"}, []string{"ESSESES", "essesess", "/D/123"}},
		{partyID + "4*35x", []string{"ANY BANK", "/C\r\nANY BANK\r\nLISBON"}, []string{"/C\r\nA\r\nB\r\nC\r\nD\r\nE"}},
		{"100*65z", []string{"@#_", strings.Repeat("A\r\n", 99) + "A"}, []string{strings.Repeat("A\r\n", 100) + "A", "}"}},
		{"4!c[$6*35z]", []string{"BENE", "OTHR\r\nSPLIT 50/50"}, []string{"BEN", "OTHR\r\n1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n7"}},
	} {
		f, err := compileFormat(c.format)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range c.ok {
			if _, reason := f.check(v); reason != "" {
				t.Errorf("%s refuses %q: %s", c.format, v, reason)
			}
		}
		for _, v := range c.bad {
			if _, reason := f.check(v); reason == "" {
				t.Errorf("%s accepts %q", c.format, v)
			}
		}
	}
	for _, bad := range []string{"[16x", "16x]", "16q", "*x", "16"} {
		if _, err := compileFormat(bad); err == nil {
			t.Errorf("format %q compiled", bad)
		}
	}
}
