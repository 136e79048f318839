package cell

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete tells a console whether code can run as it is: "complete",
// "incomplete" (more lines are needed; indent is the indentation for the
// next line) or "invalid" (no continuation can make it valid Go).
func IsComplete(code string) (status, indent string) {
	// Magic lines are complete on their own; blank them out.
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "%") {
			lines[i] = ""
		}
	}
	code = strings.Join(lines, "\n")
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	var s scanner.Scanner
	var errMsg string
	var errAtEnd bool
	s.Init(file, []byte(code), func(pos token.Position, msg string) {
		if errMsg == "" {
			errMsg = msg
			errAtEnd = strings.Contains(msg, "not terminated")
		}
	}, 0)
	var stack []token.Token
	last := token.ILLEGAL
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, tok)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			open := map[token.Token]token.Token{token.RPAREN: token.LPAREN, token.RBRACK: token.LBRACK, token.RBRACE: token.LBRACE}[tok]
			if len(stack) == 0 || stack[len(stack)-1] != open {
				return "invalid", ""
			}
			stack = stack[:len(stack)-1]
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted at the end of a line; keep the real last token
		}
		last = tok
	}
	if errMsg != "" {
		if errAtEnd { // an open string, raw string or comment
			return "incomplete", strings.Repeat("    ", len(stack))
		}
		return "invalid", ""
	}
	if len(stack) > 0 {
		return "incomplete", strings.Repeat("    ", len(stack))
	}
	// A line that ends in a binary operator, a comma, a dot or an
	// assignment continues on the next line.
	if last.IsOperator() && last != token.RPAREN && last != token.RBRACK && last != token.RBRACE &&
		last != token.INC && last != token.DEC && last != token.SEMICOLON {
		return "incomplete", ""
	}
	chunks, err := Split(code)
	if err != nil {
		return "invalid", ""
	}
	for _, c := range chunks {
		if !parses(c) {
			return "invalid", ""
		}
	}
	return "complete", ""
}

// parses reports whether a chunk is syntactically valid Go.
func parses(c Chunk) bool {
	src := "package main\n" + c.Text
	if c.Kind == Stmts {
		src = "package main\nfunc _() {\n" + c.Text + "\n}\n"
	}
	_, err := parser.ParseFile(token.NewFileSet(), "", src, 0)
	return err == nil
}
