package display

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestHandleUpdates(t *testing.T) {
	tests := []struct {
		name   string
		update func(h *Handle)
		keys   []string
		text   string
		meta   bool // metadata carries the image size
	}{
		{"HTML", func(h *Handle) { h.HTML("<i>new</i>") }, []string{"text/html", "text/plain"}, "new", false},
		{"Markdown", func(h *Handle) { h.Markdown("**new**") }, []string{"text/markdown", "text/plain"}, "**new**", false},
		{"SVG", func(h *Handle) { h.SVG(`<svg viewBox="0 0 8 9"/>`) }, []string{"image/svg+xml", "text/plain"}, "<SVG image 8×9>", false},
		{"PNG", func(h *Handle) { h.PNG(pngBytes(t, 2, 3)) }, []string{"image/png", "text/plain"}, "<image 2×3 PNG>", true},
		{"JPEG", func(h *Handle) { h.JPEG(jpegBytes(t, 2, 3)) }, []string{"image/jpeg", "text/plain"}, "<image 2×3 JPEG>", true},
		{"JSON", func(h *Handle) { h.JSON([]int{1, 2}) }, []string{"application/json", "text/plain"}, "[\n  1,\n  2\n]", false},
		{"Latex", func(h *Handle) { h.Latex("$x$") }, []string{"text/latex", "text/plain"}, "$x$", false},
		{"Image", func(h *Handle) { h.Image(testImage(4, 4)) }, []string{"image/png", "text/plain"}, "<image 4×4 PNG>", true},
		{"Text", func(h *Handle) { h.Text("new") }, []string{"text/plain"}, "new", false},
		{"Show", func(h *Handle) { h.Show(map[string]int{"k": 1}) }, []string{"text/html", "text/plain"}, "key  value\nk        1", false},
		{"Update", func(h *Handle) { Update(h, 42) }, []string{"text/plain"}, "42", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := record(t)
			h := Text("old")
			rec.reset()
			tt.update(h)
			o := rec.one(t)
			if o.Kind != UpdateDisplayData {
				t.Errorf("kind = %q, want %q", o.Kind, UpdateDisplayData)
			}
			if o.DisplayID != h.ID() || o.DisplayID == "" {
				t.Errorf("display id = %q, want the handle's %q", o.DisplayID, h.ID())
			}
			if got := keysOf(o.Data); !slices.Equal(got, sorted(tt.keys...)) {
				t.Errorf("MIME types = %v, want %v", got, sorted(tt.keys...))
			}
			if got := o.Data["text/plain"]; got != tt.text {
				t.Errorf("text/plain = %q, want %q", got, tt.text)
			}
			if o.Metadata == nil {
				t.Fatal("metadata is nil")
			}
			if got := len(o.Metadata) > 0; got != tt.meta {
				t.Errorf("metadata = %v, want image size: %v", o.Metadata, tt.meta)
			}
		})
	}
}

func TestShowHandleAgain(t *testing.T) {
	rec := record(t)
	h := HTML("<b>first</b>")
	h.HTML("<b>second</b>")
	rec.reset()

	if got := Show(h); got != h {
		t.Errorf("Show(h) returned another handle")
	}
	o := rec.one(t)
	if o.Kind != DisplayData || o.DisplayID != h.ID() || o.Data["text/html"] != "<b>second</b>" {
		t.Errorf("showing a handle again published %+v, want its latest content under its id", o)
	}
}

func TestHandleShowOfHandleCopiesContent(t *testing.T) {
	rec := record(t)
	a, b := Text("a"), Text("b")
	rec.reset()
	a.Show(b)
	o := rec.one(t)
	if o.DisplayID != a.ID() || o.Data["text/plain"] != "b" {
		t.Errorf("a.Show(b) published %+v, want b's content under a's id", o)
	}
}

func TestNilHandle(t *testing.T) {
	rec := record(t)
	var h *Handle
	h.HTML("x")
	h.Text("x")
	h.Show(1)
	Update(h, 2)
	if h.ID() != "" {
		t.Errorf("nil handle id = %q", h.ID())
	}
	if outs := rec.outputs(); len(outs) != 0 {
		t.Errorf("nil handle published %v", outs)
	}
}

func TestRenderOfHandleIsEmpty(t *testing.T) {
	// A display call as a cell's last expression must not show twice.
	record(t)
	h := Text("x")
	if b := Render(h); len(b) != 0 {
		t.Errorf("Render(handle) = %v, want nothing", b)
	}
	if b := RenderValues(h, nil); b["text/plain"] != "<nil>" {
		t.Errorf("RenderValues(handle, nil) = %v, want the handle left out", b)
	}
}

func TestHandleConcurrentUpdates(t *testing.T) {
	rec := record(t)
	h := Text("start")
	rec.reset()

	const workers, updates = 8, 50
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range updates {
				switch i % 3 {
				case 0:
					h.Text(fmt.Sprint(w, i))
				case 1:
					h.HTML(fmt.Sprintf("<b>%d %d</b>", w, i))
				default:
					h.Show(fmt.Sprint(w, i))
				}
				_ = h.ID()
			}
		})
	}
	wg.Wait()

	outs := rec.outputs()
	if len(outs) != workers*updates {
		t.Fatalf("published %d updates, want %d", len(outs), workers*updates)
	}
	for _, o := range outs {
		if o.Kind != UpdateDisplayData || o.DisplayID != h.ID() {
			t.Fatalf("published %+v, want updates of %s", o, h.ID())
		}
	}
	// The content remembered is the one published last.
	rec.reset()
	Show(h)
	if got, want := rec.one(t).Data["text/plain"], outs[len(outs)-1].Data["text/plain"]; got != want {
		t.Errorf("handle remembers %q, but %q was published last", got, want)
	}
}
