package display

import "reflect"

// ImportPath is the path under which notebook cells import this package.
const ImportPath = "github.com/gocell/gocell/display"

// Symbols is the export table that the executor hands to yaegi's
// interp.Use, so that cells can call this package. It follows yaegi's
// conventions: the key is the import path, a slash and the package name;
// functions and variables map to their values (variables through pointers,
// so that cells can set them); types map to a nil pointer of the type; and
// "_Name" entries hold the wrappers yaegi fills when a notebook type is
// converted to one of this package's interfaces.
//
// Symbols also carries MapTypes under the "." key, where interp.Use looks
// for it. When merging several export tables into one before calling Use,
// merge the "." entries too: yaegi's stdlib table has its own.
//
// Only the API meant for cells is exported here: publishing plumbing
// (Publish, SetPublisher, Output) stays with the executor.
var Symbols = map[string]map[string]reflect.Value{
	ImportPath + "/display": {
		// Showing values.
		"HTML":      reflect.ValueOf(HTML),
		"Markdown":  reflect.ValueOf(Markdown),
		"SVG":       reflect.ValueOf(SVG),
		"PNG":       reflect.ValueOf(PNG),
		"JPEG":      reflect.ValueOf(JPEG),
		"JSON":      reflect.ValueOf(JSON),
		"Latex":     reflect.ValueOf(Latex),
		"Image":     reflect.ValueOf(Image),
		"Text":      reflect.ValueOf(Text),
		"Show":      reflect.ValueOf(Show),
		"Update":    reflect.ValueOf(Update),
		"Clear":     reflect.ValueOf(Clear),
		"ClearWait": reflect.ValueOf(ClearWait),

		// Rendering without showing.
		"Render":       reflect.ValueOf(Render),
		"RenderValues": reflect.ValueOf(RenderValues),
		"MetadataFor":  reflect.ValueOf(MetadataFor),

		// Settings.
		"Limit": reflect.ValueOf(&Limit).Elem(),

		// Types.
		"Handle":      reflect.ValueOf((*Handle)(nil)),
		"Limits":      reflect.ValueOf((*Limits)(nil)),
		"MIMEBundle":  reflect.ValueOf((*MIMEBundle)(nil)),
		"HTMLer":      reflect.ValueOf((*HTMLer)(nil)),
		"Markdowner":  reflect.ValueOf((*Markdowner)(nil)),
		"SVGer":       reflect.ValueOf((*SVGer)(nil)),
		"PNGer":       reflect.ValueOf((*PNGer)(nil)),
		"JPEGer":      reflect.ValueOf((*JPEGer)(nil)),
		"Latexer":     reflect.ValueOf((*Latexer)(nil)),
		"JSONer":      reflect.ValueOf((*JSONer)(nil)),
		"MIMEBundler": reflect.ValueOf((*MIMEBundler)(nil)),

		// Interface wrappers.
		"_HTMLer":      reflect.ValueOf((*wrapHTMLer)(nil)),
		"_Markdowner":  reflect.ValueOf((*wrapMarkdowner)(nil)),
		"_SVGer":       reflect.ValueOf((*wrapSVGer)(nil)),
		"_PNGer":       reflect.ValueOf((*wrapPNGer)(nil)),
		"_JPEGer":      reflect.ValueOf((*wrapJPEGer)(nil)),
		"_Latexer":     reflect.ValueOf((*wrapLatexer)(nil)),
		"_JSONer":      reflect.ValueOf((*wrapJSONer)(nil)),
		"_MIMEBundler": reflect.ValueOf((*wrapMIMEBundler)(nil)),
	},
	".": {
		"MapTypes": reflect.ValueOf(MapTypes),
	},
}
