package display

import (
	"encoding/base64"
	"encoding/json"
	"image"
	"regexp"
	"slices"
	"testing"
)

var displayIDPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

func TestDisplayFunctions(t *testing.T) {
	pngData := pngBytes(t, 64, 32)
	jpegData := jpegBytes(t, 16, 8)
	type person struct {
		Name string
		Age  int
	}

	tests := []struct {
		name      string
		show      func() *Handle
		keys      []string
		text      string         // exact text/plain, when not empty
		imageSize [2]int         // width, height of image data, when not zero
		meta      map[string]any // expected metadata; nil means {}
		check     func(t *testing.T, data MIMEBundle)
	}{
		{
			name: "HTML",
			show: func() *Handle { return HTML("<p>Hello <b>world</b></p><script>x()</script>") },
			keys: []string{"text/html", "text/plain"},
			text: "Hello world",
		},
		{
			name: "HTML without text",
			show: func() *Handle { return HTML("<canvas id=c></canvas>") },
			keys: []string{"text/html", "text/plain"},
			text: "<HTML>",
		},
		{
			name: "Markdown",
			show: func() *Handle { return Markdown("# Title\n\n*x*") },
			keys: []string{"text/markdown", "text/plain"},
			text: "# Title\n\n*x*",
		},
		{
			name: "SVG",
			show: func() *Handle { return SVG(`<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"></svg>`) },
			keys: []string{"image/svg+xml", "text/plain"},
			text: "<SVG image 100×50>",
		},
		{
			name:      "PNG",
			show:      func() *Handle { return PNG(pngData) },
			keys:      []string{"image/png", "text/plain"},
			text:      "<image 64×32 PNG>",
			imageSize: [2]int{64, 32},
			meta:      map[string]any{"image/png": map[string]any{"width": 64, "height": 32}},
			check: func(t *testing.T, data MIMEBundle) {
				if data["image/png"] != base64.StdEncoding.EncodeToString(pngData) {
					t.Error("image/png is not the base64 of the bytes given")
				}
			},
		},
		{
			name:      "JPEG",
			show:      func() *Handle { return JPEG(jpegData) },
			keys:      []string{"image/jpeg", "text/plain"},
			text:      "<image 16×8 JPEG>",
			imageSize: [2]int{16, 8},
			meta:      map[string]any{"image/jpeg": map[string]any{"width": 16, "height": 8}},
		},
		{
			name: "PNG that does not decode",
			show: func() *Handle { return PNG([]byte("abc")) },
			keys: []string{"image/png", "text/plain"},
			text: "<PNG image, 3 bytes>",
		},
		{
			name: "JSON",
			show: func() *Handle { return JSON(map[string]any{"a": 1, "b": []string{"x"}}) },
			keys: []string{"application/json", "text/plain"},
			text: "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}",
			check: func(t *testing.T, data MIMEBundle) {
				v, ok := data["application/json"].(map[string]any)
				if !ok {
					t.Fatalf("application/json is %T, want a JSON object value", data["application/json"])
				}
				if v["a"] != float64(1) || !slices.Equal(v["b"].([]any), []any{"x"}) {
					t.Errorf("application/json = %v", v)
				}
			},
		},
		{
			name: "JSON of a struct",
			show: func() *Handle { return JSON(person{"Ann", 3}) },
			keys: []string{"application/json", "text/plain"},
			check: func(t *testing.T, data MIMEBundle) {
				v, ok := data["application/json"].(map[string]any)
				if !ok || v["Name"] != "Ann" || v["Age"] != float64(3) {
					t.Errorf("application/json = %#v", data["application/json"])
				}
			},
		},
		{
			name: "JSON of a string stays a string value",
			show: func() *Handle { return JSON("hi") },
			keys: []string{"application/json", "text/plain"},
			text: `"hi"`,
			check: func(t *testing.T, data MIMEBundle) {
				if data["application/json"] != "hi" {
					t.Errorf("application/json = %#v", data["application/json"])
				}
			},
		},
		{
			name: "JSON that cannot be encoded",
			show: func() *Handle { return JSON(make(chan int)) },
			keys: []string{"text/plain"},
			text: "display.JSON: json: unsupported type: chan int",
		},
		{
			name: "Latex",
			show: func() *Handle { return Latex(`$e^{i\pi}+1=0$`) },
			keys: []string{"text/latex", "text/plain"},
			text: `$e^{i\pi}+1=0$`,
		},
		{
			name:      "Image",
			show:      func() *Handle { return Image(testImage(5, 7)) },
			keys:      []string{"image/png", "text/plain"},
			text:      "<image 5×7 PNG>",
			imageSize: [2]int{5, 7},
			meta:      map[string]any{"image/png": map[string]any{"width": 5, "height": 7}},
		},
		{
			name: "nil Image",
			show: func() *Handle { return Image(nil) },
			keys: []string{"text/plain"},
			text: "<nil image>",
		},
		{
			name: "typed nil Image",
			show: func() *Handle { return Image((*image.RGBA)(nil)) },
			keys: []string{"text/plain"},
			text: "<nil image>",
		},
		{
			name: "empty Image",
			show: func() *Handle { return Image(image.NewRGBA(image.Rect(0, 0, 0, 0))) },
			keys: []string{"text/plain"},
		},
		{
			name: "Text",
			show: func() *Handle { return Text("plain <b>") },
			keys: []string{"text/plain"},
			text: "plain <b>",
		},
		{
			name: "Show of a struct slice",
			show: func() *Handle { return Show([]person{{"Ann", 3}}) },
			keys: []string{"text/html", "text/plain"},
			text: "   Name  Age\n0  Ann     3",
		},
		{
			name: "Show of nil",
			show: func() *Handle { return Show(nil) },
			keys: []string{"text/plain"},
			text: "<nil>",
		},
		{
			name: "Show of a nil handle",
			show: func() *Handle { return Show((*Handle)(nil)) },
			keys: []string{"text/plain"},
			text: "<nil>",
		},
		{
			name:      "Show of an image",
			show:      func() *Handle { return Show(testImage(3, 2)) },
			keys:      []string{"image/png", "text/plain"},
			imageSize: [2]int{3, 2},
			meta:      map[string]any{"image/png": map[string]any{"width": 3, "height": 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := record(t)
			h := tt.show()
			o := rec.one(t)
			if o.Kind != DisplayData {
				t.Errorf("kind = %q, want %q", o.Kind, DisplayData)
			}
			if !displayIDPattern.MatchString(o.DisplayID) || o.DisplayID != h.ID() {
				t.Errorf("display id = %q, handle id = %q", o.DisplayID, h.ID())
			}
			if got := keysOf(o.Data); !slices.Equal(got, sorted(tt.keys...)) {
				t.Errorf("MIME types = %v, want %v", got, sorted(tt.keys...))
			}
			text, ok := o.Data["text/plain"].(string)
			if !ok || text == "" {
				t.Errorf("text/plain = %#v, want a non-empty string", o.Data["text/plain"])
			}
			if tt.text != "" && text != tt.text {
				t.Errorf("text/plain = %q, want %q", text, tt.text)
			}
			if o.Metadata == nil {
				t.Error("metadata is nil, want a map")
			}
			wantMeta := tt.meta
			if wantMeta == nil {
				wantMeta = map[string]any{}
			}
			if !equalJSON(o.Metadata, wantMeta) {
				t.Errorf("metadata = %v, want %v", o.Metadata, wantMeta)
			}
			if tt.imageSize != [2]int{} {
				mime := "image/png"
				if _, ok := o.Data["image/jpeg"]; ok {
					mime = "image/jpeg"
				}
				if w, h := decodedSize(t, o.Data[mime]); w != tt.imageSize[0] || h != tt.imageSize[1] {
					t.Errorf("image is %d×%d, want %d×%d", w, h, tt.imageSize[0], tt.imageSize[1])
				}
			}
			if tt.check != nil {
				tt.check(t, o.Data)
			}
		})
	}
}

func TestDisplayIDsAreUnique(t *testing.T) {
	record(t)
	seen := map[string]bool{}
	for range 1000 {
		id := Text("x").ID()
		if seen[id] {
			t.Fatalf("display id %s repeated", id)
		}
		seen[id] = true
	}
}

func TestClear(t *testing.T) {
	for _, tt := range []struct {
		name  string
		clear func()
		wait  bool
	}{
		{"Clear", Clear, false},
		{"ClearWait", ClearWait, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := record(t)
			tt.clear()
			o := rec.one(t)
			if o.Kind != ClearOutput || o.Wait != tt.wait {
				t.Errorf("published %+v, want clear_output with wait=%v", o, tt.wait)
			}
		})
	}
}

func TestNoPublisherDoesNotPanic(t *testing.T) {
	prev := SetPublisher(nil)
	defer SetPublisher(prev)
	h := HTML("<b>x</b>")
	h.Text("y")
	Clear()
}

func TestPublishedDataIsACopy(t *testing.T) {
	// A consumer that edits what it received must not change what the
	// handle shows when displayed again.
	rec := record(t)
	h := Text("original")
	rec.one(t).Data["text/plain"] = "edited"
	rec.reset()
	Show(h)
	if got := rec.one(t).Data["text/plain"]; got != "original" {
		t.Errorf("shown again as %q, want %q", got, "original")
	}
}

// equalJSON compares metadata the way it reaches the front end, where int
// and float64 and map types no longer differ.
func equalJSON(a, b map[string]any) bool {
	return mustJSON(a) == mustJSON(b)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
