package display

import (
	"fmt"
	"image"
	"reflect"
)

// Interpreted notebook types reach host code without their methods: yaegi
// passes the bare value to a parameter of type any. To let Render see an
// HTML (or other display) method declared in a notebook, yaegi is told, for
// the functions below, which interfaces to look for; when the argument's type
// implements one, yaegi passes a wrapper struct whose func fields call the
// interpreted methods. The wrappers follow yaegi's layout: the wrapped value
// first (IValue), then one field per method named "W" + method name.

// wrapper is implemented by the wrappers, so that Render can format the
// wrapped value itself rather than the wrapper struct.
type wrapper interface{ wrapped() any }

// RenderInterfaces lists, richest first, the interfaces yaegi checks for an
// argument of a function registered in MapTypes. The executor registers its
// own result-capturing function the same way:
//
//	display.MapTypes[reflect.ValueOf(capture)] = display.RenderInterfaces
var RenderInterfaces = []reflect.Type{
	reflect.TypeFor[MIMEBundler](),
	reflect.TypeFor[HTMLer](),
	reflect.TypeFor[SVGer](),
	reflect.TypeFor[PNGer](),
	reflect.TypeFor[JPEGer](),
	reflect.TypeFor[Markdowner](),
	reflect.TypeFor[Latexer](),
	reflect.TypeFor[JSONer](),
	// The wrappers of these two come from yaegi's own stdlib symbols, which
	// every gocell interpreter loads.
	reflect.TypeFor[image.Image](),
	reflect.TypeFor[fmt.Stringer](),
}

// MapTypes is yaegi's table of special interfaces, in the form its
// interp.Use expects under the "." key (Symbols includes it there). It maps
// Show, Update, Render and RenderValues to RenderInterfaces, and each wrapper to a
// variant that also carries String, so that a notebook type with both an
// HTML and a String method keeps its text.
var MapTypes = map[reflect.Value][]reflect.Type{
	reflect.ValueOf(Show):         RenderInterfaces,
	reflect.ValueOf(Render):       RenderInterfaces,
	reflect.ValueOf(RenderValues): RenderInterfaces,
	reflect.ValueOf(Update):       RenderInterfaces,

	reflect.ValueOf((*wrapMIMEBundler)(nil)): {reflect.TypeFor[wrapMIMEBundlerStringer]()},
	reflect.ValueOf((*wrapHTMLer)(nil)):      {reflect.TypeFor[wrapHTMLerStringer]()},
	reflect.ValueOf((*wrapSVGer)(nil)):       {reflect.TypeFor[wrapSVGerStringer]()},
	reflect.ValueOf((*wrapPNGer)(nil)):       {reflect.TypeFor[wrapPNGerStringer]()},
	reflect.ValueOf((*wrapJPEGer)(nil)):      {reflect.TypeFor[wrapJPEGerStringer]()},
	reflect.ValueOf((*wrapMarkdowner)(nil)):  {reflect.TypeFor[wrapMarkdownerStringer]()},
	reflect.ValueOf((*wrapLatexer)(nil)):     {reflect.TypeFor[wrapLatexerStringer]()},
	reflect.ValueOf((*wrapJSONer)(nil)):      {reflect.TypeFor[wrapJSONerStringer]()},
}

type wrapMIMEBundler struct {
	IValue      any
	WMIMEBundle func() map[string]any
}

func (w wrapMIMEBundler) MIMEBundle() map[string]any { return w.WMIMEBundle() }
func (w wrapMIMEBundler) wrapped() any               { return w.IValue }

type wrapMIMEBundlerStringer struct {
	IValue      any
	WMIMEBundle func() map[string]any
	WString     func() string
}

func (w wrapMIMEBundlerStringer) MIMEBundle() map[string]any { return w.WMIMEBundle() }
func (w wrapMIMEBundlerStringer) String() string             { return w.WString() }
func (w wrapMIMEBundlerStringer) wrapped() any               { return w.IValue }

type wrapHTMLer struct {
	IValue any
	WHTML  func() string
}

func (w wrapHTMLer) HTML() string { return w.WHTML() }
func (w wrapHTMLer) wrapped() any { return w.IValue }

type wrapHTMLerStringer struct {
	IValue  any
	WHTML   func() string
	WString func() string
}

func (w wrapHTMLerStringer) HTML() string   { return w.WHTML() }
func (w wrapHTMLerStringer) String() string { return w.WString() }
func (w wrapHTMLerStringer) wrapped() any   { return w.IValue }

type wrapSVGer struct {
	IValue any
	WSVG   func() string
}

func (w wrapSVGer) SVG() string  { return w.WSVG() }
func (w wrapSVGer) wrapped() any { return w.IValue }

type wrapSVGerStringer struct {
	IValue  any
	WSVG    func() string
	WString func() string
}

func (w wrapSVGerStringer) SVG() string    { return w.WSVG() }
func (w wrapSVGerStringer) String() string { return w.WString() }
func (w wrapSVGerStringer) wrapped() any   { return w.IValue }

type wrapPNGer struct {
	IValue any
	WPNG   func() []byte
}

func (w wrapPNGer) PNG() []byte  { return w.WPNG() }
func (w wrapPNGer) wrapped() any { return w.IValue }

type wrapPNGerStringer struct {
	IValue  any
	WPNG    func() []byte
	WString func() string
}

func (w wrapPNGerStringer) PNG() []byte    { return w.WPNG() }
func (w wrapPNGerStringer) String() string { return w.WString() }
func (w wrapPNGerStringer) wrapped() any   { return w.IValue }

type wrapJPEGer struct {
	IValue any
	WJPEG  func() []byte
}

func (w wrapJPEGer) JPEG() []byte { return w.WJPEG() }
func (w wrapJPEGer) wrapped() any { return w.IValue }

type wrapJPEGerStringer struct {
	IValue  any
	WJPEG   func() []byte
	WString func() string
}

func (w wrapJPEGerStringer) JPEG() []byte   { return w.WJPEG() }
func (w wrapJPEGerStringer) String() string { return w.WString() }
func (w wrapJPEGerStringer) wrapped() any   { return w.IValue }

type wrapMarkdowner struct {
	IValue    any
	WMarkdown func() string
}

func (w wrapMarkdowner) Markdown() string { return w.WMarkdown() }
func (w wrapMarkdowner) wrapped() any     { return w.IValue }

type wrapMarkdownerStringer struct {
	IValue    any
	WMarkdown func() string
	WString   func() string
}

func (w wrapMarkdownerStringer) Markdown() string { return w.WMarkdown() }
func (w wrapMarkdownerStringer) String() string   { return w.WString() }
func (w wrapMarkdownerStringer) wrapped() any     { return w.IValue }

type wrapLatexer struct {
	IValue any
	WLatex func() string
}

func (w wrapLatexer) Latex() string { return w.WLatex() }
func (w wrapLatexer) wrapped() any  { return w.IValue }

type wrapLatexerStringer struct {
	IValue  any
	WLatex  func() string
	WString func() string
}

func (w wrapLatexerStringer) Latex() string  { return w.WLatex() }
func (w wrapLatexerStringer) String() string { return w.WString() }
func (w wrapLatexerStringer) wrapped() any   { return w.IValue }

type wrapJSONer struct {
	IValue any
	WJSON  func() any
}

func (w wrapJSONer) JSON() any    { return w.WJSON() }
func (w wrapJSONer) wrapped() any { return w.IValue }

type wrapJSONerStringer struct {
	IValue  any
	WJSON   func() any
	WString func() string
}

func (w wrapJSONerStringer) JSON() any      { return w.WJSON() }
func (w wrapJSONerStringer) String() string { return w.WString() }
func (w wrapJSONerStringer) wrapped() any   { return w.IValue }
