package jsonformats

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// service is the LC service's directory, from this package's.
const service = "../.."

// parsed are the Go files (not tests) under the service's dirs, parsed.
func parsed(t *testing.T, dirs ...string) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, dir := range dirs {
		err := filepath.WalkDir(filepath.Join(service, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			files = append(files, f)
			return err
		})
		if err != nil {
			t.Fatalf("parse %s: %v", dir, err)
		}
	}
	if len(files) == 0 {
		t.Fatalf("no Go files in %v", dirs)
	}
	return fset, files
}

// structs calls fn with each struct type of files, named or not (a handler's request body), and
// its name.
func structs(files []*ast.File, fn func(name string, s *ast.StructType)) {
	for _, f := range files {
		names := map[*ast.StructType]string{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if s, ok := n.Type.(*ast.StructType); ok {
					names[s] = n.Name.Name
				}
			case *ast.StructType:
				name := names[n]
				if name == "" {
					name = "an anonymous struct"
				}
				fn(name, n)
			}
			return true
		})
	}
}

func hasJSONTag(f *ast.Field) bool {
	return f.Tag != nil && reflect.StructTag(strings.Trim(f.Tag.Value, "`")).Get("json") != ""
}

// domainStructs are the domain's struct types that have no text form of their own (Date writes
// itself as YYYY-MM-DD, a format of its own, so it may appear in a JSON format).
func domainStructs(t *testing.T) map[string]bool {
	_, files := parsed(t, "domain")
	out := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok {
				for _, s := range g.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && !ts.Assign.IsValid() {
						if _, ok := ts.Type.(*ast.StructType); ok {
							out[ts.Name.Name] = true
						}
					}
				}
			}
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv != nil && fn.Name.Name == "MarshalText" {
				delete(out, receiver(fn.Recv.List[0].Type))
			}
		}
	}
	return out
}

func receiver(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// TestNoJSONFormatHoldsADomainStruct: no JSON format outside the domain (a struct with a
// json tag) holds a domain struct, directly or in a pointer, list or map, so each nested object
// is stored and served in a shape of its own.
func TestNoJSONFormatHoldsADomainStruct(t *testing.T) {
	domain := domainStructs(t)
	if !domain["Terms"] || domain["Date"] {
		t.Fatalf("domain structs %v: want Terms, and Date left out", domain)
	}
	fset, files := parsed(t, "adapters", "app", "service", "cmd")
	structs(files, func(name string, s *ast.StructType) {
		if !hasJSONField(s) {
			return
		}
		for _, f := range s.Fields.List {
			ast.Inspect(f.Type, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "domain" && domain[sel.Sel.Name] {
						t.Errorf("%s: %s, a JSON format, holds domain.%s: give it a record or view type of its own", fset.Position(f.Pos()), name, sel.Sel.Name)
					}
				}
				return true
			})
		}
	})
}

func hasJSONField(s *ast.StructType) bool {
	for _, f := range s.Fields.List {
		if hasJSONTag(f) {
			return true
		}
	}
	return false
}
