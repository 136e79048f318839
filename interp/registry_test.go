package interp

import (
	"reflect"
	"testing"
)

func mustDecls(t *testing.T, text string) []*Decl {
	t.Helper()
	decls, err := parseDecls(text, "cell1.go", 1, 1)
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
	r.add(mustDecls(t, "func leaf() int { return 1 }\nfunc mid() int { return leaf() + k }\nconst k = 2"))
	r.add(mustDecls(t, "type T struct{}\nfunc (T) M() int { return mid() }\nfunc top(t T) int { return t.M() }\nfunc other() int { return 3 }"))
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
	r.add(mustDecls(t, "func a() int { return 1 }\nfunc b() int { return a() }"))
	if ch := r.changes(mustDecls(t, "func a() int { return 1 } // same code")); len(ch) != 0 {
		t.Fatalf("identical code reported as a change: %v", ch)
	}
	next := mustDecls(t, "func a() int { return 2 }")
	if ch := r.changes(next); !reflect.DeepEqual(ch, []string{"a"}) {
		t.Fatalf("changes = %v", ch)
	}
	c := r.clone()
	c.add(next)
	units := c.replayUnitsWithIDs()
	if len(units) != 2 || !contains(c.unitNames(units[0].id), "b") || contains(c.unitNames(units[0].id), "a") {
		t.Fatalf("replay units after redefinition: %+v", units)
	}
	if r.Lookup("a").Hash == c.Lookup("a").Hash {
		t.Fatal("clone shares declarations with the original")
	}
}
