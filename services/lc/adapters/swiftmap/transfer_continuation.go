package swiftmap

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The transferred credit's narrative (45A goods, 46A documents, 47A conditions) is at most 100
// lines of 65 characters per field in MT720, and the message's text block at most 10,000
// characters (SWIFT FIN); what exceeds them continues in MT721s, Transfer of a Documentary
// Credit (continuation), each with 27 Sequence of Total, 20 the transferring bank's reference
// and 21 the credit's number, at most seven of them (27: 8/8), as MT701 continues MT700.
const (
	narrativeLinesPerField = 100
	maxTextBlock           = 10000
	maxMessages            = 8
)

// transferNarrative are the narrative fields MT720 holds and MT721 continues, in message order.
var transferNarrative = []string{"45A", "46A", "47A"}

// MT720Messages is the transfer as SWIFT carries it: the MT720 and as many MT721s as its
// narrative needs (none for most credits), each validated.
func MT720Messages(lc *domain.LetterOfCredit) ([]*swift.Message, error) {
	whole, err := mt720(lc)
	if err != nil {
		return nil, err
	}
	rest := map[string][]string{}
	for _, f := range whole.Fields {
		if slices.Contains(transferNarrative, f.Tag) {
			rest[f.Tag] = strings.Split(f.Value, "\r\n")
		}
	}
	// take moves the next lines of a narrative field into a message: at most 100, and no more
	// than the text block's budget (in characters, spent).
	take := func(tag string, budget *int) string {
		n := 0
		for n < min(len(rest[tag]), narrativeLinesPerField) {
			cost := len(rest[tag][n]) + len("\r\n")
			if n == 0 {
				cost += len(":" + tag + ":")
			}
			if cost > *budget {
				break
			}
			*budget -= cost
			n++
		}
		ls := rest[tag][:n]
		rest[tag] = rest[tag][n:]
		return strings.Join(ls, "\r\n")
	}
	left := func() bool {
		for _, ls := range rest {
			if len(ls) > 0 {
				return true
			}
		}
		return false
	}
	m720 := &swift.Message{Sender: whole.Sender, Receiver: whole.Receiver, Type: whole.Type, Input: whole.Input}
	budget := maxTextBlock - textLen(whole.Fields, transferNarrative) - len("/8")
	for _, f := range whole.Fields {
		if slices.Contains(transferNarrative, f.Tag) {
			m720.Add(f.Tag, take(f.Tag, &budget))
			continue
		}
		m720.Fields = append(m720.Fields, f)
	}
	msgs := []*swift.Message{m720}
	for left() {
		if len(msgs) == maxMessages {
			return nil, fmt.Errorf("MT720: the transferred credit's narrative needs more than one MT720 and %d MT721s", maxMessages-1)
		}
		c := &swift.Message{Sender: whole.Sender, Receiver: whole.Receiver, Type: "721", Input: whole.Input, Fields: []swift.Field{{Tag: "27"}}}
		c.Add("20", value(whole, "20"))
		c.Add("21", value(whole, "21"))
		budget := maxTextBlock - textLen(c.Fields, nil) - len("1/8")
		for _, tag := range transferNarrative {
			c.Add(tag, take(tag, &budget))
		}
		msgs = append(msgs, c)
	}
	for i, m := range msgs {
		for k := range m.Fields {
			if m.Fields[k].Tag == "27" {
				m.Fields[k].Value = fmt.Sprintf("%d/%d", i+1, len(msgs))
			}
		}
		if err := swift.Validate(m); err != nil {
			return nil, err
		}
	}
	return msgs, nil
}

// textLen is the length the fields other than except take in block 4, its leading CRLF included.
func textLen(fs []swift.Field, except []string) int {
	n := len("\r\n")
	for _, f := range fs {
		if !slices.Contains(except, f.Tag) {
			n += len(":"+f.Tag+":") + len(f.Value) + len("\r\n")
		}
	}
	return n
}

// value is the message's field tag ("" when absent).
func value(m *swift.Message, tag string) string {
	for _, f := range m.Fields {
		if f.Tag == tag {
			return f.Value
		}
	}
	return ""
}

// amendmentsClause is the transferred credit's statement of whether amendments of the credit
// are advised to the second beneficiary, as UCP 600 Art. 38(e) wants it to indicate.
func amendmentsClause(tr *domain.Transfer) string {
	if a := tr.AmendmentsToSecondBeneficiary; a != nil && *a {
		return "+AMENDMENTS WILL BE ADVISED TO THE SECOND BENEFICIARY"
	}
	return "+AMENDMENTS WILL NOT BE ADVISED TO THE SECOND BENEFICIARY"
}
