package names

import (
	"reflect"
	"testing"
)

func mustDecls(t *testing.T, text string) []*Decl {
	t.Helper()
	decls, err := ParseDecls(text, "cell1.go", 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	return decls
}

func TestCanonicalIgnoresCommentsAndLayout(t *testing.T) {
	a := mustDecls(t, "// F adds.\nfunc F(a, b int) int {\n\treturn a + b // sum\n}")[0]
	b := mustDecls(t, "func F(a,b int)int{ return a+b }")[0]
	c := mustDecls(t, "func F(a, b int) int { return a - b }")[0]
	if a.Hash != b.Hash {
		t.Fatalf("comments and layout changed the hash:\n%s\n%s", a.Canonical, b.Canonical)
	}
	if a.Hash == c.Hash {
		t.Fatal("a changed body kept the hash")
	}
}

func TestParseDeclsNamesAndPositions(t *testing.T) {
	decls := mustDecls(t, "type P struct{ X int }\n\nfunc (p P) Norm() int { return p.X }\n\nconst (\n\tA = iota\n\tB\n)\nvar z int\n//%cache_data ttl=1h\nfunc Load() int { return 1 }")
	var got [][3]any
	for _, d := range decls {
		got = append(got, [3]any{d.Name, d.Kind, d.Line})
	}
	want := [][3]any{{"P", "type", 1}, {"P.Norm", "method", 3}, {"A", "const", 5}, {"B", "const", 5}, {"z", "var", 9}, {"Load", "func", 10}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if decls[5].Directive != "//%cache_data ttl=1h" {
		t.Fatalf("directive: %q", decls[5].Directive)
	}
	if decls[2].Source == "" || decls[3].Source != "" {
		t.Fatal("a grouped const block must be replayed once, by its first name")
	}
}

func TestReachIsTransitive(t *testing.T) {
	var r Registry
	r.Add(mustDecls(t, "func leaf() int { return 1 }\nfunc mid() int { return leaf() + k }\nconst k = 2"))
	r.Add(mustDecls(t, "type T struct{}\nfunc (T) M() int { return mid() }\nfunc top(t T) int { return t.M() }\nfunc other() int { return 3 }"))
	var names []string
	for _, d := range r.Reach("top") {
		names = append(names, d.Name)
	}
	want := []string{"T", "T.M", "k", "leaf", "mid", "top"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("Reach(top) = %v, want %v", names, want)
	}
}

func TestRedefinitionReplacesInReplay(t *testing.T) {
	var r Registry
	r.Add(mustDecls(t, "func a() int { return 1 }\nfunc b() int { return a() }"))
	if ch := r.Changes(mustDecls(t, "func a() int { return 1 } // same code")); len(ch) != 0 {
		t.Fatalf("identical code reported as a change: %v", ch)
	}
	next := mustDecls(t, "func a() int { return 2 }")
	if ch := r.Changes(next); !reflect.DeepEqual(ch, []string{"a"}) {
		t.Fatalf("changes = %v", ch)
	}
	c := r.Clone()
	c.Add(next)
	units := c.ReplayUnits()
	if len(units) != 2 || !contains(c.UnitNames(units[0].ID), "b") || contains(c.UnitNames(units[0].ID), "a") {
		t.Fatalf("replay units after redefinition: %+v", units)
	}
	if r.Lookup("a").Hash == c.Lookup("a").Hash {
		t.Fatal("clone shares declarations with the original")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// What statements declared is kept beside the declarations, and shared
// with clones: a rebuild from a clone knows the same variables.
func TestVarHints(t *testing.T) {
	var r Registry
	r.Add(mustDecls(t, "type Celsius float64\nfunc mk() (*Celsius, error) { return nil, nil }"))
	got := r.NoteVarHints("a := Celsius(3)\nb, err := mk()\nvar c []int\nd := 1")
	if !reflect.DeepEqual(got, []string{"a", "b", "err", "c", "d"}) {
		t.Fatalf("names %v", got)
	}
	c := r.Clone()
	for name, want := range map[string]string{"a": "Celsius", "b": "*Celsius", "err": "error", "c": "[]int", "d": ""} {
		if typ, ok := c.VarHint(name); !ok || typ != want {
			t.Errorf("VarHint(%s) = %q, %v; want %q", name, typ, ok, want)
		}
	}
	if _, ok := r.VarHint("Celsius"); ok {
		t.Error("a type is not a variable")
	}
	if r.Facts() != c.Facts() {
		t.Error("a clone has facts of its own")
	}
}
