package swift

import (
	"fmt"
	"strings"
)

// Field is one field of block 4.
type Field struct {
	Tag   string // "20", "32B", "41a" options are concrete: "41A" or "41D"
	Value string // lines joined by CRLF
}

// Message is a FIN message.
type Message struct {
	Sender   string // BIC11 of the sending LT (block 1)
	Receiver string // BIC of the receiver (block 2)
	Type     string // "700"
	Input    bool   // block 2 input (I) form; false: output (O)
	User     string // block 3 content, kept as-is
	Fields   []Field
	Trailer  string // block 5 content, kept as-is
}

// Get returns the first field with tag.
func (m *Message) Get(tag string) (string, bool) {
	for _, f := range m.Fields {
		if f.Tag == tag {
			return f.Value, true
		}
	}
	return "", false
}

// Add appends a field if value is not empty.
func (m *Message) Add(tag, value string) {
	if value != "" {
		m.Fields = append(m.Fields, Field{Tag: tag, Value: value})
	}
}

// String renders the FIN text.
func (m *Message) String() string {
	var b strings.Builder
	if m.Input {
		fmt.Fprintf(&b, "{1:F01%s0000000000}", pad12(m.Sender))
		fmt.Fprintf(&b, "{2:I%s%sN}", m.Type, pad12(m.Receiver))
	} else {
		// A received message: block 1 is the receiver's; block 2 holds the input time, the
		// message input reference (date, the sender's LT, session, sequence), output date and time.
		fmt.Fprintf(&b, "{1:F01%s0000000000}", pad12(m.Receiver))
		fmt.Fprintf(&b, "{2:O%s0000000101%s00000000000000000000N}", m.Type, pad12(m.Sender))
	}
	if m.User != "" {
		fmt.Fprintf(&b, "{3:%s}", m.User)
	}
	b.WriteString("{4:\r\n")
	for _, f := range m.Fields {
		fmt.Fprintf(&b, ":%s:%s\r\n", f.Tag, f.Value)
	}
	b.WriteString("-}")
	if m.Trailer != "" {
		fmt.Fprintf(&b, "{5:%s}", m.Trailer)
	}
	return b.String()
}

// pad12 makes a BIC8 or BIC11 the 12-character logical terminal address (LT code X).
func pad12(bic string) string {
	switch len(bic) {
	case 8:
		return bic + "XXXX"
	case 11:
		return bic[:8] + "X" + bic[8:]
	}
	return bic
}

// unpad12 is the inverse of pad12.
func unpad12(lt string) string {
	if len(lt) != 12 {
		return lt
	}
	if lt[9:] == "XXX" {
		return lt[:8]
	}
	return lt[:8] + lt[9:]
}

// Parse reads a FIN message. Bad input yields a *ParseError; it never panics.
func Parse(raw string) (*Message, error) {
	m, rest, err := parseOne(raw)
	if err == nil && rest != "" {
		err = &ParseError{Reason: "a second message follows the first (one message here; ParseAll reads several)"}
	}
	return m, err
}

// ParseAll reads the messages of a file of several, one after the other (an MT700 and its
// MT701s), optionally separated by CRLF or by '$' as in SWIFT's RJE files.
func ParseAll(raw string) ([]*Message, error) {
	var out []*Message
	for rest := raw; rest != ""; rest = strings.TrimLeft(rest, "\r\n$") {
		if len(out) == 8 { // at most an MT700 and seven MT701, the most a message continues into
			return nil, &ParseError{Reason: "more than 8 messages"}
		}
		m, after, err := parseOne(rest)
		if err != nil {
			if len(out) > 0 {
				return nil, fmt.Errorf("message %d: %w", len(out)+1, err)
			}
			return nil, err
		}
		out, rest = append(out, m), after
	}
	if len(out) == 0 {
		return nil, &ParseError{Reason: "no message"}
	}
	return out, nil
}

// parseOne reads the message raw starts with, up to the next one's basic header.
func parseOne(raw string) (*Message, string, error) {
	m := &Message{}
	rest, last := raw, ""
	seen1 := false
	for len(rest) > 0 {
		if seen1 && strings.HasPrefix(strings.TrimLeft(rest, "\r\n$"), "{1:") {
			break // the next message's basic header
		}
		if rest[0] != '{' {
			return nil, "", &ParseError{Reason: fmt.Sprintf("expected '{' to open a block, found %q", rest[:min(10, len(rest))])}
		}
		id, body, after, err := nextBlock(rest)
		if err != nil {
			return nil, "", err
		}
		if id <= last { // blocks 1 to 5 come once each, in order
			return nil, "", &ParseError{Reason: fmt.Sprintf("block %s repeated or out of order (after block %s)", id, last)}
		}
		rest, last = after, id
		switch id {
		case "1":
			if len(body) < 15 || body[:3] != "F01" {
				return nil, "", &ParseError{Reason: "block 1: want F01 and a 12-character logical terminal"}
			}
			m.Sender, seen1 = unpad12(body[3:15]), true
		case "2":
			if err := m.parseBlock2(body); err != nil {
				return nil, "", err
			}
		case "3":
			m.User = body
		case "4":
			if err := m.parseBlock4(body); err != nil {
				return nil, "", err
			}
		case "5":
			m.Trailer = body
		default:
			return nil, "", &ParseError{Reason: fmt.Sprintf("unknown block %q", id)}
		}
	}
	if !seen1 {
		return nil, "", &ParseError{Reason: "no basic header (block 1)"}
	}
	if m.Type == "" {
		return nil, "", &ParseError{Reason: "no application header (block 2)"}
	}
	if m.Fields == nil {
		return nil, "", &ParseError{Reason: "no text block (block 4)"}
	}
	return m, rest, nil
}

// nextBlock splits "{id:body}rest", allowing nested braces (block 3 and 5 hold sub-blocks).
func nextBlock(s string) (id, body, rest string, err error) {
	colon := strings.IndexByte(s, ':')
	if colon < 2 || strings.ContainsAny(s[1:colon], "{}") {
		return "", "", "", &ParseError{Reason: "block without an identifier"}
	}
	id = s[1:colon]
	if id == "4" {
		end := strings.Index(s[colon+1:], "\r\n-}")
		if end < 0 {
			return "", "", "", &ParseError{Reason: "block 4 is not closed by CRLF -}"}
		}
		end += colon + 1
		return id, s[colon+1 : end+2], s[end+4:], nil
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return id, s[colon+1 : i], s[i+1:], nil
			}
		}
	}
	return "", "", "", &ParseError{Reason: fmt.Sprintf("block %s is not closed", id)}
}

func (m *Message) parseBlock2(b string) error {
	switch {
	case len(b) >= 16 && b[0] == 'I':
		m.Input, m.Type, m.Receiver = true, b[1:4], unpad12(b[4:16])
	case len(b) >= 46 && b[0] == 'O':
		// Output: block 1 named the receiver; the sender is in the message input reference.
		m.Type, m.Receiver, m.Sender = b[1:4], m.Sender, unpad12(b[14:26])
	default:
		return &ParseError{Reason: "block 2: not an input (I) or output (O) application header"}
	}
	for _, r := range m.Type {
		if r < '0' || r > '9' {
			return &ParseError{Reason: fmt.Sprintf("block 2: message type %q is not three digits", m.Type)}
		}
	}
	return nil
}

// maxTextBlock is FIN's bound on a user message's text block (block 4), in characters.
const maxTextBlock = 10000

// parseBlock4 reads ":TAG:value" fields; a line not starting with ':' continues the field.
func (m *Message) parseBlock4(b string) error {
	if !strings.HasPrefix(b, "\r\n") {
		return &ParseError{Reason: "block 4 must start with CRLF"}
	}
	if len(b) > maxTextBlock {
		return &ParseError{Reason: fmt.Sprintf("block 4 has %d characters; FIN allows at most %d", len(b), maxTextBlock)}
	}
	lines := strings.Split(strings.TrimSuffix(b[2:], "\r\n"), "\r\n")
	m.Fields = []Field{}
	for i, line := range lines {
		n := i + 1
		if strings.HasPrefix(line, ":") {
			end := strings.IndexByte(line[1:], ':')
			if end < 2 || end > 3 {
				return fieldErr("", n, "a field starts with :TAG: (two digits and an optional letter)")
			}
			tag := line[1 : end+1]
			if tag[0] < '0' || tag[0] > '9' || tag[1] < '0' || tag[1] > '9' {
				return fieldErr(tag, n, "tag must start with two digits")
			}
			value := line[end+2:]
			if err := checkZ(value); err != nil {
				return fieldErr(tag, n, "%v", err)
			}
			m.Fields = append(m.Fields, Field{Tag: tag, Value: value})
			continue
		}
		if len(m.Fields) == 0 {
			return fieldErr("", n, "text before the first field")
		}
		f := &m.Fields[len(m.Fields)-1]
		if err := checkZ(line); err != nil {
			return fieldErr(f.Tag, n, "%v", err)
		}
		f.Value += "\r\n" + line
	}
	return nil
}
