package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestGoldenFormatsCoverEveryEvent: the events of the golden files (creditEvents and the trade
// claim) are every type of the domain with an EventName, so a new event cannot go without a
// golden format, a round trip and a stored record.
func TestGoldenFormatsCoverEveryEvent(t *testing.T) {
	paths, err := filepath.Glob("../../domain/*.go")
	if err != nil || len(paths) == 0 {
		t.Fatalf("domain sources: %v, %v", paths, err)
	}
	var want []string
	for _, p := range paths {
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv != nil && fn.Name.Name == "EventName" {
				if id, ok := fn.Recv.List[0].Type.(*ast.Ident); ok {
					want = append(want, id.Name)
				}
			}
		}
	}
	got := []string{reflect.TypeOf(filled[domain.TradeClaimed]()).Name()}
	for _, vs := range creditEvents() {
		got = append(got, reflect.TypeOf(vs[0]).Name())
	}
	slices.Sort(want)
	slices.Sort(got)
	if len(want) < 30 || !slices.Equal(want, got) {
		t.Errorf("the domain's events are %v,\nthe golden files' %v", want, got)
	}
}
