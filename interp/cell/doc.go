// Package cell owns the text of a notebook cell before any Go is compiled:
// cutting it into chunks of imports, declarations and statements (yaegi
// compiles a source as one or the other, never both), the syntax of magic
// lines and cache directives, the line directives that keep cell positions
// in errors, and whether a console's input is complete.
//
// It uses the standard library only, so the kernel process can answer
// is_complete_request and decide what a restart restores without linking
// an interpreter.
package cell

// RuntimeName is the name under which every compiled chunk imports gocell's
// runtime package, RuntimePath: expanded magics and rewritten code call it.
const (
	RuntimeName = "__gocell"
	RuntimePath = "gocell/rt"
)

// Declares reports whether a cell holds imports or declarations (including
// notebook variables), which a restarted executor must restore.
func Declares(code string) bool {
	chunks, err := Split(code)
	if err != nil {
		return false
	}
	for _, c := range chunks {
		if c.Kind != Stmts || c.Declares {
			return true
		}
	}
	return false
}
