package display

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"slices"
	"sync"
	"testing"
)

// recorder collects what the package publishes. Tests install it with
// record, so they must not run in parallel with each other.
type recorder struct {
	mu   sync.Mutex
	outs []Output
}

func (r *recorder) publish(o Output) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.outs = append(r.outs, o)
}

func (r *recorder) outputs() []Output {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.outs)
}

// one returns the single output published, failing the test otherwise.
func (r *recorder) one(t *testing.T) Output {
	t.Helper()
	outs := r.outputs()
	if len(outs) != 1 {
		t.Fatalf("published %d outputs, want 1: %+v", len(outs), outs)
	}
	return outs[0]
}

func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.outs = nil
}

// record installs a fresh recorder as the publisher for the test's duration.
func record(t *testing.T) *recorder {
	t.Helper()
	r := &recorder{}
	prev := SetPublisher(r.publish)
	t.Cleanup(func() { SetPublisher(prev) })
	return r
}

func testImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x * 10), uint8(y * 10), 100, 255})
		}
	}
	return img
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, testImage(w, h)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jpegBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testImage(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// decodedSize decodes base64 image data from a bundle and returns its size.
func decodedSize(t *testing.T, data any) (int, int) {
	t.Helper()
	s, ok := data.(string)
	if !ok {
		t.Fatalf("image data is %T, want a base64 string", data)
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("image data is not base64: %v", err)
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("image data does not decode: %v", err)
	}
	return img.Bounds().Dx(), img.Bounds().Dy()
}

func keysOf(b MIMEBundle) []string {
	var keys []string
	for k := range b {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func sorted(keys ...string) []string {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	return keys
}
