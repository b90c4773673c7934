package domain

import "testing"

// TestSameTermsTakeAnEmptyListForNone: an application retried is the same when its lists are
// empty where the stored terms have none; any field that differs makes other terms.
func TestSameTermsTakeAnEmptyListForNone(t *testing.T) {
	a := Terms{Number: "ESS-1", Documents: []DocumentKind{}, AdditionalConditions: []string{}, Tolerance: &Tolerance{PlusPct: 5, MinusPct: 5}}
	b := Terms{Number: "ESS-1", Tolerance: &Tolerance{PlusPct: 5, MinusPct: 5}}
	if !a.Same(b) || !b.Same(a) {
		t.Fatal("terms with empty lists are not the same as terms with none")
	}
	b.Tolerance = &Tolerance{PlusPct: 5, MinusPct: 10}
	if a.Same(b) {
		t.Fatal("terms of another tolerance are the same")
	}
	b.Tolerance, b.AdditionalConditions = a.Tolerance, []string{"Documents in English."}
	if a.Same(b) {
		t.Fatal("terms with an additional condition are the same as terms with none")
	}
}
