package swiftmap

import (
	"regexp"
	"strings"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ReceivedRefusal maps an MT734 a bank received (already validated) to the refusal it notifies:
// its sender refuses the presentation its receiver sent under reference 21, with the
// discrepancies of 77J and the disposal of 77B (UCP 600 Art. 16(c)).
func ReceivedRefusal(m *swift.Message) (domain.ReceivedRefusal, error) {
	x, err := swift.ParseMT734(m)
	if err != nil {
		return domain.ReceivedRefusal{}, err
	}
	return domain.ReceivedRefusal{From: x.Sender, To: x.Receiver, Presentation: x.PresentingBankRef,
		Discrepancies: discrepanciesOf(x.Discrepancies), Disposal: disposalOf(x.Disposal)}, nil
}

// disposals are 77B's codes as the domain names them; the rest of the field is narrative.
var disposals = map[string]domain.Disposal{
	"/HOLD/": domain.HoldPendingInstructions, "/NOTIFY/": domain.HoldPendingWaiver,
	"/RETURN/": domain.ReturnDocuments, "/PREVINST/": domain.PreviousInstructions,
}

// disposalCode is the 77B code of disposal d.
func disposalCode(d domain.Disposal) string {
	for code, x := range disposals {
		if x == d {
			return code
		}
	}
	return "/" + string(d) + "/"
}

func disposalOf(lines []string) domain.Disposal {
	if len(lines) == 0 {
		return ""
	}
	for code, d := range disposals {
		if strings.HasPrefix(lines[0], code) {
			return d
		}
	}
	return domain.Disposal(lines[0]) // Validate admits only the codes; the domain names anything else
}

var (
	numbered = regexp.MustCompile(`^\d{1,3}[.)]\s*`)
	// cited is the rule a discrepancy ends by citing, "(UCP 600 ART. 18(A)(I))".
	cited = regexp.MustCompile(`\s*\(((?:UCP|ISBP|URR|MT\d{3})[^()]*(?:\([^()]*\))*[^()]*)\)\s*$`)
)

// discrepanciesOf reads 77J: one discrepancy per numbered item (its continuation lines joined),
// the rule it cites at its end (ours render "n. RULE: MESSAGE"), else the field itself.
func discrepanciesOf(lines []string) []domain.Discrepancy {
	var items []string
	for _, l := range lines {
		if numbered.MatchString(l) || len(items) == 0 {
			items = append(items, numbered.ReplaceAllString(l, ""))
			continue
		}
		items[len(items)-1] += " " + strings.TrimSpace(l)
	}
	out := make([]domain.Discrepancy, 0, len(items))
	for _, it := range items {
		d := domain.Discrepancy{Rule: "MT734 77J", Message: strings.TrimSpace(it)}
		if m := cited.FindStringSubmatchIndex(it); m != nil {
			d.Rule, d.Message = it[m[2]:m[3]], strings.TrimSpace(it[:m[0]])
		} else if rule, msg, ok := strings.Cut(it, ": "); ok && strings.HasPrefix(rule, "UCP") {
			d.Rule, d.Message = rule, msg
		}
		out = append(out, d)
	}
	return out
}
