package interp

import (
	"context"
	"errors"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
	"github.com/gocell/gocell/interp/internal/rewrite"
)

// A statements chunk that declares anew a notebook variable it used
// before (fmt.Println(x); x := "main") runs in two parts, split before the
// declaration (rewrite's redeclare.go): compiled as one, the earlier uses
// would read the new variable.

// splitAt returns where the rewrite asks chunk text to be split, or 0.
func splitAt(err error) int {
	var re *rewrite.Error
	if errors.As(err, &re) && re.Split > 0 {
		return re.Split
	}
	return 0
}

// runSplitStmts runs chunk c as two chunks, split at offset at.
func (s *Session) runSplitStmts(ctx context.Context, file, code string, c cell.Chunk, last bool, at int) *CellError {
	first, rest := subChunk(c, 0, at), subChunk(c, at, len(c.Text))
	if cerr := s.runStmts(ctx, file, code, first, false); cerr != nil || s.returned {
		return cerr
	}
	return s.runStmts(ctx, file, code, rest, last)
}

// subChunk returns c.Text[start:end] as a chunk at its place in the cell.
func subChunk(c cell.Chunk, start, end int) cell.Chunk {
	line, col := cell.Position(c.Text, start)
	if line == 1 {
		col += c.Col - 1
	}
	return cell.Chunk{Kind: cell.Stmts, Text: c.Text[start:end], Line: c.Line + line - 1, Col: col, Declares: c.Declares}
}

// learnStmts lets the registry learn what a statements chunk declares, in
// its parts when the rewrite splits it (restore).
func learnStmts(reg *names.Registry, text string) {
	_, err := rewrite.Statements(reg, text)
	if at := splitAt(err); at > 0 && at < len(text) {
		learnStmts(reg, text[:at])
		learnStmts(reg, text[at:])
	}
}
