package rewrite

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

func TestZZDebug(t *testing.T) {
	src, err := os.ReadFile(os.Getenv("ZZSRC"))
	if err != nil {
		t.Skip()
	}
	facts := &names.Facts{}
	r, err := newChunkRewriter(facts, cell.Decls, string(src), "x.go")
	if err != nil {
		t.Fatal(err)
	}
	r.rewrite()
	for _, c := range r.composites {
		r.edits = append(r.edits, c.build()...)
	}
	e := append([]srcEdit{}, r.edits...)
	sort.SliceStable(e, func(i, j int) bool { return e[i].start < e[j].start })
	for _, x := range e {
		fmt.Printf("%d-%d %q  [%q]\n", x.start, x.end, x.text, r.text[x.start:x.end])
	}
}
