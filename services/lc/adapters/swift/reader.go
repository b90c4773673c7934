package swift

import (
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// reader pulls typed values out of a message's fields, keeping the first error.
type reader struct {
	m   *Message
	err error
}

func (r *reader) str(tag string) string { v, _ := r.m.Get(tag); return v }

func (r *reader) lines(tag string) []string { return splitLines(r.str(tag)) }

func (r *reader) date(tag string) time.Time {
	v, ok := r.m.Get(tag)
	if !ok || r.err != nil {
		return time.Time{}
	}
	t, err := ParseDate6(tag, v)
	r.fail(err)
	return t
}

// amount reads a 32B-style "CCYamount"; nil when the field is absent.
func (r *reader) amount(tag string) *money.Money {
	v, ok := r.m.Get(tag)
	if !ok || r.err != nil {
		return nil
	}
	m, err := ParseCurrencyAmount(tag, v)
	r.fail(err)
	return &m
}

// dateAmount reads a 32A/33A-style "YYMMDDCCYamount".
func (r *reader) dateAmount(tag string) (time.Time, *money.Money) {
	v, ok := r.m.Get(tag)
	if !ok || r.err != nil {
		return time.Time{}, nil
	}
	if len(v) < 11 {
		r.fail(fieldErr(tag, 0, "%q: want YYMMDD, currency and amount", v))
		return time.Time{}, nil
	}
	d, err := ParseDate6(tag, v[:6])
	r.fail(err)
	m, err := ParseCurrencyAmount(tag, v[6:])
	r.fail(err)
	return d, &m
}

func (r *reader) fail(err error) {
	if r.err == nil && err != nil {
		r.err = err
	}
}

// writer adds typed values as fields, keeping the first error.
type writer struct {
	m   *Message
	err error
}

func (w *writer) str(tag, v string)            { w.m.Add(tag, v) }
func (w *writer) lines(tag string, v []string) { w.m.Add(tag, joinLines(v)) }
func (w *writer) date(tag string, t time.Time) {
	if !t.IsZero() {
		w.m.Add(tag, Date6(t))
	}
}

func (w *writer) amount(tag string, m *money.Money) {
	if m == nil {
		return
	}
	v, err := CurrencyAmount(*m)
	if err != nil && w.err == nil {
		w.err = fieldErr(tag, 0, "%v", err)
	}
	w.m.Add(tag, v)
}

func (w *writer) dateAmount(tag string, t time.Time, m *money.Money) {
	if m == nil {
		return
	}
	v, err := CurrencyAmount(*m)
	if err != nil && w.err == nil {
		w.err = fieldErr(tag, 0, "%v", err)
	}
	w.m.Add(tag, Date6(t)+v)
}

// party reads a field with letter options ("42" finds 42A or 42D); nil when absent.
func (r *reader) party(prefix string) *Party {
	for _, f := range r.m.Fields {
		if len(f.Tag) == 3 && f.Tag[:2] == prefix && strings.ContainsRune("ABD", rune(f.Tag[2])) { // 42C, 42M are not parties
			p := parseParty(f.Tag[2:], f.Value)
			return &p
		}
	}
	return nil
}

func (w *writer) party(prefix string, p *Party) {
	if p != nil {
		w.m.Add(prefix+p.Option, p.value())
	}
}

// date6 reads a YYMMDD already checked by Validate, keeping the first error.
func (r *reader) date6(s string) time.Time {
	t, err := ParseDate6("", s)
	r.fail(err)
	return t
}
