//go:build gocell_nobundled

package interp

import "go/ast"

// Without the bundled packages (the tag gocell_nobundled, for benchmarks),
// cells have the standard library only.
var (
	bundledPackages = Packages{}
	rewriteVariadic func(*ast.File) int
)
