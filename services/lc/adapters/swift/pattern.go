package swift

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A field format is written the way the SWIFT standards write it, and compiled here to a regular
// expression (RE2: linear time, so hostile input cannot make validation slow):
//
//	16x        up to 16 characters of the X set      6!n   exactly 6 digits
//	4*35x      up to 4 lines of up to 35 characters  [..]  optional part
//	$          a new line (CRLF)                     /     the slash itself
//
// Character sets: n digits, a upper-case letters, c upper-case letters and digits, d digits with
// the decimal comma, h hexadecimal digits, e space, x the X set, z the Z set (the X set and
// = ! " % & * < > ; { @ # _).
var charClass = map[byte]string{
	'n': `0-9`, 'a': `A-Z`, 'c': `A-Z0-9`, 'd': `0-9,`, 'h': `0-9A-F`, 'e': ` `,
	'x': `a-zA-Z0-9/\-?:().,'+ `,
	'z': `a-zA-Z0-9/\-?:().,'+ =!"%&*<>;{@#_`,
}

// format is one compiled field format.
type format struct {
	text  string         // as written, e.g. "4*35x"
	re    *regexp.Regexp // anchored
	sets  string         // the character sets it uses, e.g. "x" or "ax"
	lines int            // at most this many lines
}

func compileFormat(text string) (*format, error) {
	p := &formatParser{s: text}
	body, lines, err := p.seq(false)
	if err != nil {
		return nil, fmt.Errorf("format %q: %w", text, err)
	}
	if p.i != len(p.s) {
		return nil, fmt.Errorf("format %q: unexpected %q", text, p.s[p.i:])
	}
	re, err := regexp.Compile(`^(?:` + body + `)$`)
	if err != nil {
		return nil, fmt.Errorf("format %q: %w", text, err)
	}
	return &format{text: text, re: re, sets: p.sets, lines: lines}, nil
}

func mustFormat(text string) *format {
	f, err := compileFormat(text)
	if err != nil {
		panic(err)
	}
	return f
}

type formatParser struct {
	s    string
	i    int
	sets string
}

// seq compiles items up to the end or a closing ']' (when inOpt); it returns the regexp and the
// largest number of lines the items can span.
func (p *formatParser) seq(inOpt bool) (string, int, error) {
	var b strings.Builder
	lines := 1
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == ']':
			if !inOpt {
				return "", 0, fmt.Errorf("unbalanced ]")
			}
			return b.String(), lines, nil
		case c == '[':
			p.i++
			inner, l, err := p.seq(true)
			if err != nil {
				return "", 0, err
			}
			if p.i >= len(p.s) || p.s[p.i] != ']' {
				return "", 0, fmt.Errorf("unbalanced [")
			}
			p.i++
			b.WriteString(`(?:` + inner + `)?`)
			lines += l - 1
		case c == '$':
			p.i++
			b.WriteString(`\r\n`)
			lines++
		case c >= '0' && c <= '9':
			re, l, err := p.component()
			if err != nil {
				return "", 0, err
			}
			b.WriteString(re)
			lines += l - 1
		case c == '/' || c == ',' || c == '-' || c == ' ':
			p.i++
			b.WriteString(regexp.QuoteMeta(string(c)))
		default:
			return "", 0, fmt.Errorf("unexpected %q", c)
		}
	}
	if inOpt {
		return "", 0, fmt.Errorf("unbalanced [")
	}
	return b.String(), lines, nil
}

// component compiles "16x", "6!n" or "4*35x".
func (p *formatParser) component() (string, int, error) {
	n := p.number()
	switch {
	case p.i < len(p.s) && p.s[p.i] == '!':
		p.i++
		cls, err := p.class()
		return fmt.Sprintf(`[%s]{%d}`, cls, n), 1, err
	case p.i < len(p.s) && p.s[p.i] == '*':
		p.i++
		width := p.number()
		cls, err := p.class()
		line := fmt.Sprintf(`[%s]{1,%d}`, cls, width)
		if (n-1)*width > 1000 { // RE2's bound on nested repetition: check's line count does the rest
			return fmt.Sprintf(`%s(?:\r\n%s)*`, line, line), n, err
		}
		return fmt.Sprintf(`%s(?:\r\n%s){0,%d}`, line, line, n-1), n, err
	}
	cls, err := p.class()
	return fmt.Sprintf(`[%s]{1,%d}`, cls, n), 1, err
}

func (p *formatParser) number() int {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	n, _ := strconv.Atoi(p.s[start:p.i])
	return n
}

func (p *formatParser) class() (string, error) {
	if p.i >= len(p.s) {
		return "", fmt.Errorf("a length without a character set")
	}
	c := p.s[p.i]
	cls, ok := charClass[c]
	if !ok {
		return "", fmt.Errorf("unknown character set %q", c)
	}
	p.i++
	if !strings.ContainsRune(p.sets, rune(c)) {
		p.sets += string(c)
	}
	return cls, nil
}

// check says why value does not have the format, or nil. The reason names the first cause it can
// tell: a character outside the field's sets, too many lines, a line too long, an empty line, or
// else the format itself.
func (f *format) check(value string) (line int, reason string) {
	if value == "" {
		return 0, "is empty"
	}
	ls := strings.Split(value, "\r\n")
	widest := f.widestSet()
	for i, l := range ls {
		if l == "" {
			return i + 1, "has an empty line"
		}
		for j := 0; j < len(l); j++ {
			if !inSet(widest, l[j]) {
				return i + 1, fmt.Sprintf("character %q at position %d is not in the SWIFT %s character set", l[j], j+1, setName(widest))
			}
		}
	}
	if len(ls) <= f.lines && f.re.MatchString(value) {
		return 0, ""
	}
	if len(ls) > f.lines {
		return 0, fmt.Sprintf("has %d lines; format %s allows at most %d", len(ls), f.text, f.lines)
	}
	if w := f.lineWidth(); w > 0 {
		for i, l := range ls {
			if len(l) > w {
				return i + 1, fmt.Sprintf("line of %d characters; format %s allows %d", len(l), f.text, w)
			}
		}
	}
	return 0, fmt.Sprintf("%q does not have the format %s", clip(value), f.text)
}

// widestSet is the largest character set the format uses: z, else x, else the letters and digits.
func (f *format) widestSet() byte {
	switch {
	case strings.ContainsRune(f.sets, 'z'):
		return 'z'
	case strings.ContainsRune(f.sets, 'x'):
		return 'x'
	}
	return 'c'
}

// lineWidth is the width of a narrative format "n*mx" or "mx", 0 for structured formats.
func (f *format) lineWidth() int {
	t := f.text
	if i := strings.IndexByte(t, '*'); i >= 0 {
		t = t[i+1:]
	}
	if len(t) < 2 || !strings.ContainsRune("xz", rune(t[len(t)-1])) {
		return 0
	}
	n, err := strconv.Atoi(t[:len(t)-1])
	if err != nil {
		return 0
	}
	return n
}

// charTables holds, per character set, which bytes belong to it.
var charTables = func() map[byte]*[256]bool {
	t := map[byte]*[256]bool{}
	for set, cls := range charClass {
		var tab [256]bool
		for _, c := range []byte(unquoteClass(cls)) {
			tab[c] = true
		}
		t[set] = &tab
	}
	return t
}()

func inSet(set byte, c byte) bool {
	if set == 'c' { // structured: letters, digits and the separators formats write literally
		return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ',' || c == '/' || c == ' '
	}
	return charTables[set][c]
}

func unquoteClass(cls string) string {
	var b strings.Builder
	for i := 0; i < len(cls); i++ {
		switch {
		case cls[i] == '\\' && i+1 < len(cls):
			b.WriteByte(cls[i+1])
			i++
		case i+2 < len(cls) && cls[i+1] == '-':
			for c := cls[i]; c <= cls[i+2]; c++ {
				b.WriteByte(c)
			}
			i += 2
		default:
			b.WriteByte(cls[i])
		}
	}
	return b.String()
}

func setName(set byte) string {
	switch set {
	case 'z':
		return "Z"
	case 'x':
		return "X"
	}
	return "upper-case letters and digits"
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
