package display

// Limits bounds how much of a large value Render puts into one output, so
// that showing a huge collection doesn't send megabytes to the front end.
type Limits struct {
	// TableRows is the number of rows a table shows; the rest are counted
	// in a last line ("… 999900 more rows (1000000 in all)").
	TableRows int
	// ListItems is the number of elements of a slice, array or map shown as
	// text; the rest are counted ("[0 1 2 … 999000 more]").
	ListItems int
}

// Limit holds the limits Render applies. Cells may change its fields, as in
// display.Limit.TableRows = 500, but not while other goroutines render.
var Limit = Limits{TableRows: 100, ListItems: 1000}
