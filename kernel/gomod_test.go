package kernel

import (
	"slices"
	"testing"
)

func TestGoLines(t *testing.T) {
	magics, rest := goLines("%go get a.com/x@v1 b.com/y\nx := 1\n  %go list\n%gopher\nfmt.Println(\"%go get\")")
	if !slices.Equal(magics, []string{"get a.com/x@v1 b.com/y", "list"}) {
		t.Errorf("magics %q", magics)
	}
	// Lines keep their numbers; %gopher and a string are not %go lines.
	if want := "\nx := 1\n\n%gopher\nfmt.Println(\"%go get\")"; rest != want {
		t.Errorf("rest %q, want %q", rest, want)
	}
	if m, r := goLines("x := 1"); m != nil || r != "x := 1" {
		t.Errorf("plain cell: %q %q", m, r)
	}
}

func TestMergeModules(t *testing.T) {
	list := []string{"a.com/x@v1.0.0", "b.com/y"}
	for _, c := range []struct {
		add, want []string
	}{
		{[]string{"a.com/x"}, list}, // no version: keep the one the notebook has
		{[]string{"a.com/x@v1.2.0"}, []string{"a.com/x@v1.2.0", "b.com/y"}},
		{[]string{"c.com/z", "b.com/y@v0.1.0"}, []string{"a.com/x@v1.0.0", "b.com/y@v0.1.0", "c.com/z"}},
	} {
		if got := mergeModules(list, c.add); !slices.Equal(got, c.want) {
			t.Errorf("mergeModules(%q, %q) = %q, want %q", list, c.add, got, c.want)
		}
	}
	if list[0] != "a.com/x@v1.0.0" {
		t.Error("mergeModules changed its argument")
	}
}
