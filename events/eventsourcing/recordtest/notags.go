package recordtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
)

// NoJSONTags fails for every struct field in the Go files of dir (a domain package) that carries
// a json tag. A domain type with a JSON format is at once a stored format and, as often, an API
// format: renaming its field then breaks stored streams and clients. The formats belong to the
// store's record types and the HTTP adapter's bodies, converted to and from the domain's.
func NoJSONTags(t *testing.T, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	fset := token.NewFileSet()
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			s, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			for _, field := range s.Fields.List {
				if field.Tag == nil {
					continue
				}
				tag, err := strconv.Unquote(field.Tag.Value)
				if err != nil {
					t.Errorf("%s: tag %s: %v", fset.Position(field.Pos()), field.Tag.Value, err)
					continue
				}
				if v, ok := reflect.StructTag(tag).Lookup("json"); ok {
					t.Errorf("%s: a domain struct field with the json tag %q: give the format to a record type (adapters/store) or an API body (adapters/httpapi)",
						fset.Position(field.Pos()), v)
				}
			}
			return true
		})
	}
}
