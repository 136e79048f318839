package display

import (
	"crypto/rand"
	"encoding/hex"
	"image"
	"maps"
	"sync"
)

// A Handle names one display on the page. Its methods replace what the
// display shows, in place, wherever it was shown (Jupyter's
// update_display_data). A Handle is safe to use from several goroutines; the
// last update wins. Methods on a nil Handle do nothing.
//
// A Handle at the end of a cell is not shown again: display calls show their
// output as they run, and Render of a *Handle is empty.
type Handle struct {
	id string

	// mu orders updates: the one published last is the one remembered, so
	// showing the handle again (Show(h)) repeats what the page shows.
	mu   sync.Mutex
	data MIMEBundle
	meta map[string]any
}

// ID returns the display id, the name Jupyter uses to find the display.
func (h *Handle) ID() string {
	if h == nil {
		return ""
	}
	return h.id
}

// HTML replaces the display with s shown as HTML.
func (h *Handle) HTML(s string) { h.update(htmlBundle(s)) }

// Markdown replaces the display with s rendered as Markdown.
func (h *Handle) Markdown(s string) { h.update(markdownBundle(s)) }

// SVG replaces the display with s, the text of an SVG document.
func (h *Handle) SVG(s string) { h.update(svgBundle(s)) }

// PNG replaces the display with b, the bytes of a PNG file.
func (h *Handle) PNG(b []byte) { h.update(pngBundle(b)) }

// JPEG replaces the display with b, the bytes of a JPEG file.
func (h *Handle) JPEG(b []byte) { h.update(jpegBundle(b)) }

// JSON replaces the display with v shown as a JSON document.
func (h *Handle) JSON(v any) { h.update(jsonBundle(v)) }

// Latex replaces the display with s shown as LaTeX.
func (h *Handle) Latex(s string) { h.update(latexBundle(s)) }

// Image replaces the display with img, encoded as PNG.
func (h *Handle) Image(img image.Image) { h.update(imageBundle(img)) }

// Text replaces the display with s as plain text.
func (h *Handle) Text(s string) { h.update(plain(s)) }

// Show replaces the display with v in its richest form, as Render describes.
// For values of types declared in the notebook, use display.Update(h, v)
// instead: the interpreter hides their display methods from Handle methods.
func (h *Handle) Show(v any) {
	if other, ok := v.(*Handle); ok && other != nil {
		h.update(other.snapshot())
		return
	}
	h.update(renderOrNil(v))
}

// update remembers b and publishes it as an in-place update.
func (h *Handle) update(b MIMEBundle) {
	if h == nil {
		return
	}
	meta := MetadataFor(b)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.data, h.meta = b, meta
	// Publishing under the lock keeps the publish order equal to the order
	// in which data was remembered.
	Publish(Output{Kind: UpdateDisplayData, Data: maps.Clone(b), Metadata: maps.Clone(meta), DisplayID: h.id})
}

// again publishes the current content once more as a new display_data with
// the same id, so that later updates change both places.
func (h *Handle) again() *Handle {
	h.mu.Lock()
	defer h.mu.Unlock()
	Publish(Output{Kind: DisplayData, Data: maps.Clone(h.data), Metadata: maps.Clone(h.meta), DisplayID: h.id})
	return h
}

// snapshot returns what the display shows now.
func (h *Handle) snapshot() MIMEBundle {
	h.mu.Lock()
	defer h.mu.Unlock()
	return maps.Clone(h.data)
}

// newDisplayID returns 32 random hex digits. Ids must be unique across the
// kernel's lifetime (and across cache replays, which rename them), so they
// come from crypto/rand rather than a counter.
func newDisplayID() string {
	var b [16]byte
	// crypto/rand.Read never fails on supported platforms (it aborts the
	// program instead), so its error is not checked.
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
