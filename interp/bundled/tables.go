package bundled

import (
	"reflect"

	"github.com/gocell/gocell/display"
)

// displayPath is the symbol-table key of gocell's display package, which
// cells import as "github.com/gocell/gocell/display".
const displayPath = display.ImportPath + "/display"

// This init must run after those of the generated sym_*.go files, which
// fill Symbols: Go runs a package's init functions file by file in the
// order of their names, and "tables.go" sorts after "sym_".
func init() {
	// Plotting entry points join the display package's table, so that cells
	// write display.Plot(p, display.Size(...)) next to display.Show. The
	// display package itself imports only the standard library.
	Symbols[displayPath] = map[string]reflect.Value{
		"Plot":       reflect.ValueOf(Plot),
		"Size":       reflect.ValueOf(Size),
		"DPI":        reflect.ValueOf(DPI),
		"AsSVG":      reflect.ValueOf(AsSVG),
		"PlotOption": reflect.ValueOf((*PlotOption)(nil)),
	}
	addVariadicFuncs(mapTypes, Symbols)
	Symbols["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mapTypes)}
}
