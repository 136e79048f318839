//go:build !gocell_nobundled

package interp

import (
	"path"

	"github.com/gocell/gocell/interp/bundled"
)

// bundledPackages is what every executor carries: gonum and plot. (Built
// with the tag gocell_nobundled, gocell leaves them out; the benchmarks
// measure what they cost that way.)
var bundledPackages = Packages{Symbols: bundled.Symbols, Generic: bundledGeneric()}

// rewriteVariadic rewrites calls of plot's variadic methods in a cell.
var rewriteVariadic = bundled.RewriteVariadicCalls

func bundledGeneric() map[string][]string {
	g := map[string][]string{}
	for key := range bundled.Symbols {
		p := path.Dir(key)
		if names := bundled.Generic(p); len(names) > 0 {
			g[p] = names
		}
	}
	return g
}
