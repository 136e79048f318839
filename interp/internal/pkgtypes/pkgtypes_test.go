package pkgtypes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/traefik/yaegi/stdlib"
)

func TestPackagesFromSymbols(t *testing.T) {
	u := New(stdlib.Symbols)
	if p := u.Path("rand"); p != "math/rand" {
		t.Errorf("Path(rand) = %q, want math/rand", p)
	}
	if p := u.Path("nosuchpackage"); p != "" {
		t.Errorf("Path(nosuchpackage) = %q", p)
	}
	if u.Import("no/such/package") != nil {
		t.Error("an unknown package was imported")
	}
	checks := []struct{ path, name, want string }{
		{"strings", "ToUpper", "func(string) string"},
		{"strings", "Builder", "strings.Builder"},
		{"time", "Second", "time.Duration"},
		{"math", "Pi", "untyped float"},
		{"os", "Args", "[]string"},
		{"fmt", "Stringer", "fmt.Stringer"},
		{"strconv", "Itoa", "func(int) string"},
		{"sort", "Slice", "func(interface{}, func(int, int) bool)"},
		{"cmp", "Ordered", "cmp.Ordered"},
	}
	for _, c := range checks {
		p := u.Import(c.path)
		if p == nil {
			t.Fatalf("Import(%s) = nil", c.path)
		}
		obj := p.Scope().Lookup(c.name)
		if obj == nil {
			t.Errorf("%s.%s missing", c.path, c.name)
			continue
		}
		if got := types.TypeString(obj.Type(), (*types.Package).Name); got != c.want {
			t.Errorf("%s.%s: %s, want %s", c.path, c.name, got, c.want)
		}
	}
	// Methods of named types, and one package object per path.
	dur := u.Import("time").Scope().Lookup("Duration").Type().(*types.Named)
	if m, _, _ := types.LookupFieldOrMethod(dur, false, dur.Obj().Pkg(), "Hours"); m == nil {
		t.Error("time.Duration has no Hours method")
	}
	if u.Import("time") != u.Import("time") {
		t.Error("a package imported twice is two packages")
	}
}

// A cell type-checks against the packages: the types of calls and of
// generic instantiations come out as compiled Go has them.
func TestCheckAgainstPackages(t *testing.T) {
	u := New(stdlib.Symbols)
	src := `package main
import ("strings"; "time"; "sort")
func Map[T, U any](xs []T, f func(T) U) []U { return nil }
var up = Map([]string{"a"}, strings.ToUpper)
var d = time.Second * 2
var b strings.Builder
var n = b.Len()
var ok = sort.IsSorted(sort.IntSlice{1})
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) { return u.Import(path), nil })}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	pkg, err := conf.Check("main", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"up": "[]string", "d": "time.Duration", "n": "int", "ok": "bool"} {
		if got := types.TypeString(pkg.Scope().Lookup(name).Type(), (*types.Package).Name); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
