package cell

import (
	"fmt"
	"go/scanner"
	"go/token"
	"strings"
)

// Kind classifies a run of top-level units of a cell.
type Kind int

const (
	Imports Kind = iota // import declarations
	Decls               // func, method, type, var, const (and top-level x := ...)
	Stmts               // statements, run in order as the cell's body
)

func (k Kind) String() string {
	return [...]string{"imports", "declarations", "statements"}[k]
}

// Chunk is a run of consecutive top-level units of one kind, with the cell
// position of its first byte so errors can name the cell line.
type Chunk struct {
	Kind Kind
	Text string
	Line int // 1-based line in the cell where Text starts
	Col  int // 1-based column (in bytes) where Text starts
	// Declares is set on statements that declare notebook variables
	// (x := ..., var x = ...), which a restored session re-declares.
	Declares bool
}

// unit is one top-level statement or declaration of a cell: the text between
// two semicolons (explicit or inserted at a newline) at brace depth zero.
type unit struct {
	Kind       Kind
	start, end int  // byte offsets in the cell, start includes leading comments
	Declares   bool // a statement that declares a variable: x := ..., var x = ...
}

// Split cuts a cell into chunks of imports, declarations and statements,
// in source order. yaegi compiles a source as either declarations or
// statements, never both, so a mixed cell has to be cut first. Statements
// run in the notebook's global scope, so a top-level x := f() or var x = f()
// is a notebook variable that later cells see; those run in their place, after
// the statements before them.
func Split(src string) ([]Chunk, error) {
	units, err := scanUnits(src)
	if err != nil {
		return nil, err
	}
	var chunks []Chunk
	for _, u := range units {
		text := src[u.start:u.end]
		if n := len(chunks); n > 0 && chunks[n-1].Kind == u.Kind {
			chunks[n-1].Text += text
			chunks[n-1].Declares = chunks[n-1].Declares || u.Declares
			continue
		}
		line, col := Position(src, u.start)
		chunks = append(chunks, Chunk{Kind: u.Kind, Text: text, Line: line, Col: col, Declares: u.Declares})
	}
	return chunks, nil
}

// Position returns the 1-based line and column of a byte offset.
func Position(src string, off int) (line, col int) {
	line = 1 + strings.Count(src[:off], "\n")
	col = off - (strings.LastIndexByte(src[:off], '\n') + 1) + 1
	return line, col
}

type scannedToken struct {
	off int
	tok token.Token
	lit string
}

// scanUnits tokenizes src and cuts it at top-level semicolons.
func scanUnits(src string) ([]unit, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(src))
	var errs scanner.ErrorList
	var s scanner.Scanner
	s.Init(file, []byte(src), func(pos token.Position, msg string) { errs.Add(pos, msg) }, 0)

	var units []unit
	var toks []scannedToken // tokens of the current unit
	depth := 0
	start := 0
	flush := func(end int) {
		if len(toks) > 0 {
			units = append(units, classify(toks, start, end))
		}
		toks = toks[:0]
		start = end
	}
	for {
		pos, tok, lit := s.Scan()
		off := file.Offset(pos)
		switch tok {
		case token.EOF:
			flush(len(src))
			if len(errs) > 0 {
				return nil, errs
			}
			return units, nil
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.SEMICOLON:
			if depth == 0 {
				end := off + 1
				if lit == "\n" { // inserted: the unit ends before the newline
					end = off
				}
				if end > len(src) {
					end = len(src)
				}
				flush(end)
				continue
			}
		}
		toks = append(toks, scannedToken{off, tok, lit})
	}
}

// classify decides whether one unit is an import, a declaration or a statement.
func classify(toks []scannedToken, start, end int) unit {
	u := unit{Kind: Stmts, start: start, end: end}
	switch toks[0].tok {
	case token.IMPORT:
		u.Kind = Imports
	case token.TYPE, token.CONST:
		u.Kind = Decls
	case token.VAR:
		// A var with an initializer runs as a statement: yaegi cannot
		// initialize a package-level var from another cell's globals
		// ("variable definition loop"), but a global-scope statement can.
		u.Kind = Decls
		for _, t := range toks {
			if t.tok == token.ASSIGN {
				u.Kind, u.Declares = Stmts, true
				break
			}
		}
	case token.FUNC:
		if isFuncDecl(toks) {
			u.Kind = Decls
		}
	case token.IDENT:
		depth := 0
		for _, t := range toks {
			switch t.tok {
			case token.LPAREN, token.LBRACK, token.LBRACE:
				depth++
			case token.RPAREN, token.RBRACK, token.RBRACE:
				depth--
			case token.DEFINE:
				if depth == 0 {
					u.Declares = true
					return u
				}
			}
		}
	}
	return u
}

// isFuncDecl tells a function or method declaration from a statement that
// starts with a function literal, such as func() { ... }().
func isFuncDecl(toks []scannedToken) bool {
	if len(toks) < 2 {
		return false
	}
	if toks[1].tok == token.IDENT {
		return true // func name(
	}
	if toks[1].tok != token.LPAREN {
		return false
	}
	// func (recv T) Name( ... is a method; func (params) ... is a literal.
	depth := 0
	for i := 1; i < len(toks); i++ {
		switch toks[i].tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
		if depth == 0 {
			return i+2 < len(toks) && toks[i+1].tok == token.IDENT &&
				(toks[i+2].tok == token.LPAREN || toks[i+2].tok == token.LBRACK)
		}
	}
	return false
}

// LineDirective returns a /*line*/ comment that makes the next byte report
// the given cell position in compile errors and tracebacks.
func LineDirective(file string, line, col int) string {
	return fmt.Sprintf("/*line %s:%d:%d*/", file, line, col)
}
