package interp

import (
	"os"
	"strings"
	"testing"
)

func TestDbgCells(t *testing.T) {
	src := os.Getenv("GOCELL_CELLS")
	if src == "" {
		t.Skip()
	}
	cells := strings.Split(src, "\n----\n")
	got, cerr := runCorpusCells(cells)
	t.Logf("out:\n%s%s", got, cerr)
}
