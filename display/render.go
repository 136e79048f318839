package display

import (
	"encoding/json"
	"fmt"
	"image"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// Render returns the richest representation of v, always with a text/plain
// fallback. The executor uses it for the value of a cell's last expression;
// Show uses it too.
//
//   - A *Handle renders as nothing (nil): its display is already shown.
//   - A MIMEBundle is shown as it is.
//   - Values with any of the methods HTML() string, Markdown() string,
//     SVG() string, PNG() []byte, JPEG() []byte, Latex() string, JSON() any
//     or MIMEBundle() map[string]any show every form they provide; their text
//     comes from String() when they have one.
//   - An image.Image is shown as a PNG.
//   - An error or a fmt.Stringer shows its text.
//   - A slice or array of structs (or pointers to structs), or of maps, is
//     shown as a table with one row per element; a map as a table of keys and
//     values, sorted by key. Tables stop after Limit.TableRows rows.
//   - Anything else is formatted with fmt's %v; long slices, arrays and maps
//     are cut after Limit.ListItems elements.
//
// All text put into HTML is escaped. A nil pointer renders as "<nil>"
// without calling its methods.
//
// Types declared in a notebook have their display methods seen when their
// values are passed straight to Show, Update, Render or RenderValues (the
// interpreter wraps them, see MapTypes), not when held in a variable of
// type any first.
func Render(v any) MIMEBundle {
	switch x := v.(type) {
	case nil:
		return plain("<nil>")
	case *Handle:
		return nil
	case MIMEBundle:
		return withText(normalizeBundle(x), v)
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		// Methods with value receivers would panic on it; fmt prints <nil>.
		return plain("<nil>")
	}
	if b := richBundle(v); len(b) > 0 {
		return withText(b, v)
	}
	if b := registeredBundle(v); len(b) > 0 {
		return withText(b, v)
	}
	if img, ok := v.(image.Image); ok {
		return imageBundle(img)
	}
	switch v.(type) {
	case error, fmt.Stringer, fmt.Formatter:
		return plain(fmt.Sprint(v))
	}
	if t := tableOf(reflect.ValueOf(v)); t != nil {
		return MIMEBundle{mimeHTML: t.html(), mimePlain: t.text()}
	}
	return plain(formatValue(v))
}

// RenderValues renders the values of a cell's last expression when it has
// several (a call such as strconv.Atoi("12")): their texts joined by spaces,
// "12 <nil>". A single value is rendered by Render, and no values by nothing
// (nil). Handles among the values are left out.
func RenderValues(vals ...any) MIMEBundle {
	if len(vals) == 1 {
		return Render(vals[0])
	}
	var texts []string
	for _, v := range vals {
		if b := Render(v); len(b) > 0 {
			texts = append(texts, fmt.Sprint(b[mimePlain]))
		}
	}
	if len(texts) == 0 {
		return nil
	}
	return plain(strings.Join(texts, " "))
}

// richBundle collects every representation v offers through display methods,
// without text/plain (withText adds it). User methods may panic; the panic is
// the user's error and propagates like any other in the cell.
func richBundle(v any) MIMEBundle {
	b := MIMEBundle{}
	switch x := v.(type) {
	case MIMEBundler:
		b = normalizeBundle(x.MIMEBundle())
	case bundleMaker:
		b = normalizeBundle(x.MIMEBundle())
	}
	// A dedicated method overrides the same MIME type in the value's own
	// bundle: it is the more specific promise.
	if x, ok := v.(HTMLer); ok {
		b[mimeHTML] = x.HTML()
	}
	if x, ok := v.(Markdowner); ok {
		b[mimeMarkdown] = x.Markdown()
	}
	if x, ok := v.(SVGer); ok {
		b[mimeSVG] = x.SVG()
	}
	if x, ok := v.(PNGer); ok {
		b[mimePNG] = pngBundle(x.PNG())[mimePNG]
	}
	if x, ok := v.(JPEGer); ok {
		b[mimeJPEG] = jpegBundle(x.JPEG())[mimeJPEG]
	}
	if x, ok := v.(Latexer); ok {
		b[mimeLatex] = x.Latex()
	}
	if x, ok := v.(JSONer); ok {
		jb := jsonBundle(x.JSON())
		if val, ok := jb[mimeJSON]; ok {
			b[mimeJSON] = val
		} else {
			// The value could not be encoded: say so in the text.
			b[mimePlain] = jb[mimePlain]
		}
	}
	return b
}

// withText gives b a text/plain fallback unless it has one. In order of
// preference: v's String (or Error) method; a summary of b's richest
// content; %v of v, or of the value inside an interpreter wrapper.
func withText(b MIMEBundle, v any) MIMEBundle {
	if s, ok := b[mimePlain].(string); ok && s != "" {
		return b
	}
	switch x := v.(type) {
	case error, fmt.Stringer:
		b[mimePlain] = fmt.Sprint(x)
		return b
	case wrapper:
		v = x.wrapped()
	}
	if s := describe(b); s != "" {
		b[mimePlain] = s
		return b
	}
	if _, ok := v.(MIMEBundle); ok && len(b) > 0 {
		// The map itself may hold megabytes of base64: name its types.
		b[mimePlain] = "<" + strings.Join(slices.Sorted(maps.Keys(b)), ", ") + ">"
		return b
	}
	b[mimePlain] = formatValue(v)
	return b
}

// describe summarizes the richest content of b that can be put in words, or
// returns "" when none can.
func describe(b MIMEBundle) string {
	if s, ok := b[mimeHTML].(string); ok {
		if text := htmlSummary(s); text != "<HTML>" {
			return text
		}
	}
	for _, mime := range []string{mimeMarkdown, mimeLatex} {
		if s, ok := b[mime].(string); ok && s != "" {
			return s
		}
	}
	if s, ok := b[mimeSVG].(string); ok {
		return svgSummary(s)
	}
	for _, mime := range []string{mimePNG, mimeJPEG} {
		if _, ok := b[mime].(string); ok {
			format := strings.ToUpper(strings.TrimPrefix(mime, "image/"))
			if size, ok := MetadataFor(b)[mime].(map[string]any); ok {
				return fmt.Sprintf("<image %d×%d %s>", size["width"], size["height"], format)
			}
			return "<" + format + " image>"
		}
	}
	if val, ok := b[mimeJSON]; ok {
		if text, err := json.MarshalIndent(val, "", "  "); err == nil {
			return string(text)
		}
	}
	return ""
}
