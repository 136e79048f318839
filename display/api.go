package display

import (
	"image"
	"maps"
)

// HTML shows s as HTML and returns a handle that can replace it in place.
// Front ends without HTML show the text of s with the tags stripped.
func HTML(s string) *Handle { return newDisplay(htmlBundle(s)) }

// Markdown shows s rendered as Markdown and returns a handle that can replace
// it in place. Front ends without Markdown show the source itself.
func Markdown(s string) *Handle { return newDisplay(markdownBundle(s)) }

// SVG shows s, the text of an SVG document, as an image and returns a handle
// that can replace it in place.
func SVG(s string) *Handle { return newDisplay(svgBundle(s)) }

// PNG shows b, the bytes of a PNG file, as an image and returns a handle that
// can replace it in place.
func PNG(b []byte) *Handle { return newDisplay(pngBundle(b)) }

// JPEG shows b, the bytes of a JPEG file, as an image and returns a handle
// that can replace it in place.
func JPEG(b []byte) *Handle { return newDisplay(jpegBundle(b)) }

// JSON shows v as a JSON document (front ends render it as a collapsible
// tree) and returns a handle that can replace it in place. v is marshalled
// with encoding/json; if that fails, the error is shown as text instead.
func JSON(v any) *Handle { return newDisplay(jsonBundle(v)) }

// Latex shows s as LaTeX (math between $...$ or $$...$$) and returns a handle
// that can replace it in place.
func Latex(s string) *Handle { return newDisplay(latexBundle(s)) }

// Image shows img, encoded as PNG, and returns a handle that can replace it
// in place.
func Image(img image.Image) *Handle { return newDisplay(imageBundle(img)) }

// Text shows s as plain text and returns a handle that can replace it in
// place. Unlike printing, the text can later be updated through the handle.
func Text(s string) *Handle { return newDisplay(plain(s)) }

// Show shows v in its richest form, as Render describes, and returns a handle
// that can replace it in place. Showing a *Handle shows that display once
// more: later updates through the handle change both places.
func Show(v any) *Handle {
	if h, ok := v.(*Handle); ok && h != nil {
		return h.again()
	}
	return newDisplay(renderOrNil(v))
}

// Update replaces what h shows with v in its richest form, as h.Show(v)
// does. Use it for values of types declared in the notebook: the interpreter
// lets package functions such as Update and Show see those types' display
// methods (HTML, String, ...), but not methods such as Handle.Show.
func Update(h *Handle, v any) { h.Show(v) }

// Clear clears the output of the current cell at once.
func Clear() { Publish(Output{Kind: ClearOutput}) }

// ClearWait clears the output of the current cell when the next output
// arrives. Animations use it to avoid flicker: ClearWait, then show the next
// frame.
func ClearWait() { Publish(Output{Kind: ClearOutput, Wait: true}) }

// newDisplay publishes b as a new display with a fresh display id and returns
// its handle.
func newDisplay(b MIMEBundle) *Handle {
	h := &Handle{id: newDisplayID(), data: b, meta: MetadataFor(b)}
	Publish(Output{Kind: DisplayData, Data: maps.Clone(b), Metadata: maps.Clone(h.meta), DisplayID: h.id})
	return h
}

// renderOrNil is Render for callers that must show something: it never
// returns an empty bundle.
func renderOrNil(v any) MIMEBundle {
	if b := Render(v); len(b) > 0 {
		return b
	}
	return plain("<nil>")
}
