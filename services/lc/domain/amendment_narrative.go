package domain

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// NarrativeCode says what a narrative change of an amendment does (MT707 45B, 46B, 47B).
type NarrativeCode string

const (
	NarrativeAdd        NarrativeCode = "ADD"    // /ADD/: adds the text (a line, a document, a condition)
	NarrativeDelete     NarrativeCode = "DELETE" // /DELETE/: deletes the text as the credit states it
	NarrativeReplaceAll NarrativeCode = "REPALL" // /REPALL/: the texts of the field's changes replace all of it
)

// Bounds of the narrative changes (MT707 45B/46B/47B are each 100 lines of 65 characters; a
// change here is one line or paragraph of them).
const (
	MaxNarrativeChanges  = 100  // changes of one field in one amendment
	MaxNarrativeText     = 1000 // one change's text
	MaxConditions        = 100  // MT700 47A: the credit's additional conditions
	MaxConditionLength   = 1000 // one condition
	narrativeGoodsField  = "goods"
	narrativeDocsField   = "documents"
	narrativeCondsField  = "conditions"
	narrativeDocsTagRule = "MT707 46B"
)

// NarrativeChange is one change of a narrative field.
type NarrativeChange struct {
	Code NarrativeCode
	Text string
	// Document is, in 46B, the stipulated document the change adds, deletes or (REPALL) lists:
	// the examination requires exactly the credit's documents (Art. 14(a)), so a change of the
	// documents required names which. Text then words it for MT707 (the kind's name if empty).
	Document DocumentKind
}

// Narrative is an amendment's changes of the goods (45B, the lines of MT700 45A's
// description), the documents required (46B, of 46A) and the additional conditions (47B, of 47A).
type Narrative struct {
	Goods      []NarrativeChange
	Documents  []NarrativeChange
	Conditions []NarrativeChange
}

func (n Narrative) none() bool {
	return len(n.Goods) == 0 && len(n.Documents) == 0 && len(n.Conditions) == 0
}

// check names each narrative change that cannot be made to t: an unknown code, /REPALL/ beside
// /ADD/ or /DELETE/ in one field, a deletion of text the credit does not state, an addition of
// what it states already, or a result over its field's bounds.
func (n Narrative) check(t Terms) InvalidFields {
	var bad InvalidFields
	goods, errs := edit(narrativeGoodsField, descriptionLines(t.Goods.Description), n.Goods, changeText)
	bad = append(bad, errs...)
	if l := utf8.RuneCountInString(strings.Join(goods, "\n")); len(errs) == 0 && l > MaxGoodsLength {
		bad = append(bad, FieldError{Field: narrativeGoodsField, Reason: fmt.Sprintf("the goods description would be %d characters, at most %d (MT700 45A)", l, MaxGoodsLength)})
	}
	for i, c := range n.Documents {
		if !slices.Contains(documentKinds, c.Document) {
			bad = append(bad, FieldError{Field: fmt.Sprintf("%s[%d].document", narrativeDocsField, i),
				Reason: fmt.Sprintf("required: the stipulated document the change concerns, one of %s (%s)", joinKinds(documentKinds), narrativeDocsTagRule)})
		}
	}
	if len(bad) == 0 {
		_, errs = edit(narrativeDocsField, kindStrings(t.Documents), n.Documents, changeDocument)
		bad = append(bad, errs...)
	}
	conds, errs := edit(narrativeCondsField, t.AdditionalConditions, n.Conditions, changeText)
	bad = append(bad, errs...)
	if len(errs) == 0 && len(conds) > MaxConditions {
		bad = append(bad, FieldError{Field: narrativeCondsField, Reason: fmt.Sprintf("the credit would have %d additional conditions, at most %d (MT700 47A)", len(conds), MaxConditions)})
	}
	return bad
}

// apply is t with the narrative changes made (check passed on t when the amendment was issued,
// and the terms have not changed since: one amendment at a time).
func (n Narrative) apply(t Terms) Terms {
	if len(n.Goods) > 0 {
		goods, _ := edit(narrativeGoodsField, descriptionLines(t.Goods.Description), n.Goods, changeText)
		t.Goods.Description = strings.Join(goods, "\n")
	}
	if len(n.Documents) > 0 {
		docs, _ := edit(narrativeDocsField, kindStrings(t.Documents), n.Documents, changeDocument)
		t.Documents = nil
		for _, d := range docs {
			t.Documents = append(t.Documents, DocumentKind(d))
		}
	}
	if len(n.Conditions) > 0 {
		t.AdditionalConditions, _ = edit(narrativeCondsField, t.AdditionalConditions, n.Conditions, changeText)
	}
	return t
}

// edit makes the changes cs, in order, to a field's items have; key is what a change adds or
// deletes. The errors name each change that cannot be made.
func edit(field string, have []string, cs []NarrativeChange, key func(NarrativeChange) string) ([]string, InvalidFields) {
	if len(cs) > MaxNarrativeChanges {
		return have, InvalidFields{{Field: field, Reason: fmt.Sprintf("%d changes, at most %d", len(cs), MaxNarrativeChanges)}}
	}
	var bad InvalidFields
	fail := func(i int, format string, a ...any) {
		bad = append(bad, FieldError{Field: fmt.Sprintf("%s[%d]", field, i), Reason: fmt.Sprintf(format, a...)})
	}
	out := slices.Clone(have)
	replaceAll := slices.ContainsFunc(cs, func(c NarrativeChange) bool { return c.Code == NarrativeReplaceAll })
	if replaceAll {
		out = nil
	}
	for i, c := range cs {
		k := key(c)
		if n := utf8.RuneCountInString(c.Text); n > MaxNarrativeText {
			fail(i, "%d characters, at most %d", n, MaxNarrativeText)
			continue
		}
		at := slices.IndexFunc(out, func(s string) bool { return sameText(s, k) })
		switch {
		case c.Code != NarrativeAdd && c.Code != NarrativeDelete && c.Code != NarrativeReplaceAll:
			fail(i, "code %q: one of ADD, DELETE, REPALL (MT707 45B/46B/47B)", c.Code)
		case replaceAll && c.Code != NarrativeReplaceAll:
			fail(i, "/REPALL/ replaces the whole field, so the field's other changes are /REPALL/ too, not /%s/ (MT707 usage rule)", c.Code)
		case c.Code == NarrativeDelete && at < 0:
			fail(i, "%q is not in the credit: /DELETE/ names text the credit states", k)
		case c.Code == NarrativeDelete:
			out = slices.Delete(out, at, at+1)
		case strings.TrimSpace(k) == "":
			fail(i, "required: the text to add")
		case at >= 0:
			fail(i, "%q is in the credit already", k)
		default:
			out = append(out, k)
		}
	}
	return out, bad
}

func changeText(c NarrativeChange) string     { return strings.TrimSpace(c.Text) }
func changeDocument(c NarrativeChange) string { return string(c.Document) }

// descriptionLines are the lines of a goods description, as 45B changes them.
func descriptionLines(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// documentKinds are the documents a credit may call for (MT700 46A) that the examination knows.
var documentKinds = []DocumentKind{CommercialInvoice, BillOfLading, InsuranceDocument, PackingList, CertificateOfOrigin}

func kindStrings(ks []DocumentKind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

func joinKinds(ks []DocumentKind) string { return strings.Join(kindStrings(ks), ", ") }
