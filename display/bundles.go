package display

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"reflect"
	"strings"

	// Registered for image.DecodeConfig, which reads sizes for text/plain
	// fallbacks and metadata.
	_ "image/jpeg"
)

// The MIME types this package produces.
const (
	mimePlain    = "text/plain"
	mimeHTML     = "text/html"
	mimeMarkdown = "text/markdown"
	mimeSVG      = "image/svg+xml"
	mimePNG      = "image/png"
	mimeJPEG     = "image/jpeg"
	mimeLatex    = "text/latex"
	mimeJSON     = "application/json"
)

func plain(s string) MIMEBundle { return MIMEBundle{mimePlain: s} }

func htmlBundle(s string) MIMEBundle {
	return MIMEBundle{mimeHTML: s, mimePlain: htmlSummary(s)}
}

// markdownBundle uses the source as the text: Markdown is meant to read well
// unrendered.
func markdownBundle(s string) MIMEBundle {
	return MIMEBundle{mimeMarkdown: s, mimePlain: s}
}

func svgBundle(s string) MIMEBundle {
	return MIMEBundle{mimeSVG: s, mimePlain: svgSummary(s)}
}

// latexBundle uses the source as the text, as Markdown does.
func latexBundle(s string) MIMEBundle {
	return MIMEBundle{mimeLatex: s, mimePlain: s}
}

func pngBundle(b []byte) MIMEBundle {
	return MIMEBundle{mimePNG: base64.StdEncoding.EncodeToString(b), mimePlain: imageSummary(b, "PNG")}
}

func jpegBundle(b []byte) MIMEBundle {
	return MIMEBundle{mimeJPEG: base64.StdEncoding.EncodeToString(b), mimePlain: imageSummary(b, "JPEG")}
}

// imageBundle encodes img as PNG. An image that cannot be encoded (a nil
// image, or one with no pixels) is described in text instead, so that a
// display call never fails.
func imageBundle(img image.Image) MIMEBundle {
	if isNil(img) {
		return plain("<nil image>")
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		r := img.Bounds()
		return plain(fmt.Sprintf("<image %d×%d: %v>", r.Dx(), r.Dy(), err))
	}
	return pngBundle(buf.Bytes())
}

// jsonBundle holds v as a JSON value, the form Jupyter expects for
// application/json, with the indented document as its text. A value that
// encoding/json rejects is described in text instead.
func jsonBundle(v any) MIMEBundle {
	raw, err := json.Marshal(v)
	if err != nil {
		return plain("display.JSON: " + err.Error())
	}
	// Unmarshalling turns structs and typed maps into plain maps, slices,
	// strings, float64s and bools, which every later layer can encode.
	var val any
	if err := json.Unmarshal(raw, &val); err != nil {
		return plain("display.JSON: " + err.Error())
	}
	var text bytes.Buffer
	if err := json.Indent(&text, raw, "", "  "); err != nil {
		text.Reset()
		text.Write(raw)
	}
	return MIMEBundle{mimeJSON: val, mimePlain: text.String()}
}

// MetadataFor returns the display metadata that Jupyter front ends expect for
// bundle b: the pixel size of PNG and JPEG images, {"image/png": {"width": w,
// "height": h}}, and an empty map otherwise. It never returns nil, since
// JupyterLab requires metadata on every display.
func MetadataFor(b MIMEBundle) map[string]any {
	meta := map[string]any{}
	for _, mime := range []string{mimePNG, mimeJPEG} {
		s, ok := b[mime].(string)
		if !ok {
			continue
		}
		// The decoder reads only the image header, not the whole payload.
		cfg, _, err := image.DecodeConfig(base64.NewDecoder(base64.StdEncoding, strings.NewReader(s)))
		if err != nil {
			continue
		}
		meta[mime] = map[string]any{"width": cfg.Width, "height": cfg.Height}
	}
	return meta
}

// normalizeBundle copies a bundle that user code built, encoding byte slices
// as base64 since Jupyter carries binary data as base64 strings.
func normalizeBundle(m map[string]any) MIMEBundle {
	b := make(MIMEBundle, len(m)+1)
	for k, v := range m {
		if raw, ok := v.([]byte); ok {
			v = base64.StdEncoding.EncodeToString(raw)
		}
		b[k] = v
	}
	return b
}

// isNil reports whether v is nil or holds a nil pointer, map, slice, func,
// chan or interface, whose methods would likely panic.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return rv.IsNil()
	}
	return false
}
