package modules_test

import (
	"bufio"
	"bytes"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const project = "github.com/tradefin/tradefin/"

// pkg is one of the project's packages as `go list` reports it.
type pkg struct {
	path, module string
	imports      []string // of its non-test files
	testImports  []string // of its _test files, in and outside the package
}

// load lists every package of the workspace's modules (go.work) with its imports.
func load(t *testing.T) map[string]pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-e", "-f",
		"{{.ImportPath}}|{{.Module.Path}}|{{join .Imports \" \"}}|{{join .TestImports \" \"}} {{join .XTestImports \" \"}}",
		project+"...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]pkg{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "|")
		pkgs[f[0]] = pkg{path: f[0], module: f[1], imports: strings.Fields(f[2]), testImports: strings.Fields(f[3])}
	}
	if len(pkgs) == 0 {
		t.Fatal("go list found no package of the project")
	}
	return pkgs
}

// moduleOf is the project module holding an imported package ("" outside the project).
func moduleOf(pkgs map[string]pkg, imp string) string {
	if p, ok := pkgs[imp]; ok {
		return p.module
	}
	return ""
}

// requires maps each project module to the project modules its packages import, with tests'
// imports when withTests: the edges its go.mod has to require.
func requires(pkgs map[string]pkg, withTests bool) map[string][]string {
	g := map[string][]string{}
	for _, p := range pkgs {
		imps := p.imports
		if withTests {
			imps = append(slices.Clone(imps), p.testImports...)
		}
		for _, imp := range imps {
			if m := moduleOf(pkgs, imp); m != "" && m != p.module && !slices.Contains(g[p.module], m) {
				g[p.module] = append(g[p.module], m)
			}
		}
		if _, ok := g[p.module]; !ok {
			g[p.module] = nil
		}
	}
	for m := range g {
		slices.Sort(g[m])
	}
	return g
}

// cycle returns one cycle of g as a path (first = last), or nil.
func cycle(g map[string][]string) []string {
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(string) []string
	visit = func(m string) []string {
		state[m] = open
		stack = append(stack, m)
		for _, n := range g[m] {
			switch state[n] {
			case open:
				i := slices.Index(stack, n)
				return append(slices.Clone(stack[i:]), n)
			case unseen:
				if c := visit(n); c != nil {
					return c
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[m] = done
		return nil
	}
	mods := make([]string, 0, len(g))
	for m := range g {
		mods = append(mods, m)
	}
	slices.Sort(mods)
	for _, m := range mods {
		if state[m] == unseen {
			if c := visit(m); c != nil {
				return c
			}
		}
	}
	return nil
}

func short(path string) string { return strings.TrimPrefix(path, project) }

func TestNoCycleBetweenModules(t *testing.T) {
	pkgs := load(t)
	for _, withTests := range []bool{false, true} {
		if c := cycle(requires(pkgs, withTests)); c != nil {
			for i := range c {
				c[i] = short(c[i])
			}
			t.Errorf("module cycle (tests' imports counted: %v): %s", withTests, strings.Join(c, " -> "))
		}
	}
}

// TestTheCheckSeesACycle keeps the check honest: a made-up graph with a cycle is caught.
func TestTheCheckSeesACycle(t *testing.T) {
	g := map[string][]string{"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
	if c := cycle(g); len(c) != 4 || c[0] != c[3] {
		t.Fatalf("cycle(a->b->c->a) = %v", c)
	}
	if c := cycle(map[string][]string{"a": {"b"}, "b": nil}); c != nil {
		t.Fatalf("found a cycle in a chain: %v", c)
	}
}
