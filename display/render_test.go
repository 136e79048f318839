package display

import (
	"errors"
	"fmt"
	"image"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

type point struct{ X, Y int }

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type htmlOnly struct{ N int }

func (h htmlOnly) HTML() string { return fmt.Sprintf("<b>%d</b>", h.N) }

type htmlStringer struct{ N int }

func (h htmlStringer) HTML() string   { return "<i>rich</i>" }
func (h htmlStringer) String() string { return "plain" }

// manyForms offers several representations at once.
type manyForms struct{}

func (manyForms) HTML() string     { return "<p>html</p>" }
func (manyForms) Markdown() string { return "*md*" }
func (manyForms) Latex() string    { return "$l$" }
func (manyForms) JSON() any        { return map[string]int{"j": 1} }
func (manyForms) SVG() string      { return "<svg/>" }

type pngOnly struct{ img []byte }

func (p pngOnly) PNG() []byte { return p.img }

type jpegOnly struct{ img []byte }

func (p jpegOnly) JPEG() []byte { return p.img }

type ownBundle struct{}

func (ownBundle) MIMEBundle() map[string]any {
	return map[string]any{"application/vnd.custom": "x", "image/png": []byte{1, 2, 3}}
}

type ownTypedBundle struct{}

func (ownTypedBundle) MIMEBundle() MIMEBundle {
	return MIMEBundle{"text/html": "<u>typed</u>", "text/plain": "typed text"}
}

type badJSON struct{}

func (badJSON) JSON() any { return func() {} }

type withUnexported struct {
	Name   string
	secret int
	when   time.Time
}

type nested struct {
	P    point
	Tags []string
	M    map[string]int
	Ptr  *point
}

func TestRender(t *testing.T) {
	pngData := pngBytes(t, 6, 4)
	tests := []struct {
		name string
		v    any
		keys []string // nil: text/plain only
		text string   // exact text/plain, when not empty
		html []string // fragments text/html must contain, in order
		not  []string // fragments text/html must not contain
	}{
		{name: "nil", v: nil, text: "<nil>"},
		{name: "int", v: 42, text: "42"},
		{name: "string", v: "hello <b>", text: "hello <b>"},
		{name: "float", v: 1.5, text: "1.5"},
		{name: "error", v: errors.New("boom"), text: "boom"},
		{name: "Stringer", v: celsius(21.5), text: "21.5°C"},
		{name: "pointer to struct", v: &point{1, 2}, text: "&{1 2}"},
		{name: "nil pointer", v: (*point)(nil), text: "<nil>"},
		{name: "nil pointer with display methods", v: (*htmlOnly)(nil), text: "<nil>"},
		{name: "empty MIMEBundle", v: MIMEBundle{}, text: "map[]"},
		{name: "struct", v: point{1, 2}, text: "{1 2}"},
		{name: "empty slice", v: []point{}, text: "[]"},
		{name: "nil slice", v: []point(nil), text: "[]"},
		{name: "nil map", v: map[string]int(nil), text: "map[]"},
		{name: "slice of ints", v: []int{1, 2, 3}, text: "[1 2 3]"},
		{name: "slice of Stringer structs is not a table", v: []time.Time{time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}, text: "[2024-01-02 00:00:00 +0000 UTC]"},
		{
			name: "HTML method",
			v:    htmlOnly{7},
			keys: []string{"text/html", "text/plain"},
			text: "7",
			html: []string{"<b>7</b>"},
		},
		{
			name: "HTML and String methods",
			v:    htmlStringer{},
			keys: []string{"text/html", "text/plain"},
			text: "plain",
		},
		{
			name: "several forms",
			v:    manyForms{},
			keys: []string{"text/html", "text/markdown", "text/latex", "application/json", "image/svg+xml", "text/plain"},
			text: "html",
		},
		{
			name: "PNG method",
			v:    pngOnly{pngData},
			keys: []string{"image/png", "text/plain"},
			text: "<image 6×4 PNG>",
		},
		{
			name: "JPEG method",
			v:    jpegOnly{jpegBytes(t, 3, 3)},
			keys: []string{"image/jpeg", "text/plain"},
			text: "<image 3×3 JPEG>",
		},
		{
			name: "MIMEBundle method with bytes",
			v:    ownBundle{},
			keys: []string{"application/vnd.custom", "image/png", "text/plain"},
			text: "<PNG image>",
		},
		{
			name: "MIMEBundle method of the package type",
			v:    ownTypedBundle{},
			keys: []string{"text/html", "text/plain"},
			text: "typed text",
		},
		{
			name: "JSON method that cannot be encoded",
			v:    badJSON{},
			keys: []string{"text/plain"},
			text: "display.JSON: json: unsupported type: func()",
		},
		{
			name: "MIMEBundle value",
			v:    MIMEBundle{"text/html": "<p>hi</p>"},
			keys: []string{"text/html", "text/plain"},
			text: "hi",
		},
		{
			name: "MIMEBundle value of unknown types",
			v:    MIMEBundle{"application/vnd.x+json": map[string]any{}},
			keys: []string{"application/vnd.x+json", "text/plain"},
			text: "<application/vnd.x+json>",
		},
		{
			name: "image",
			v:    testImage(9, 2),
			keys: []string{"image/png", "text/plain"},
			text: "<image 9×2 PNG>",
		},
		{
			name: "slice of structs",
			v:    []point{{1, 2}, {30, 4}},
			keys: []string{"text/html", "text/plain"},
			text: "    X  Y\n0   1  2\n1  30  4",
			html: []string{"<thead>", "<th>X</th><th>Y</th>", "</thead>", "<th>0</th><td>1</td><td>2</td>", "<th>1</th><td>30</td><td>4</td>"},
		},
		{
			name: "array of structs",
			v:    [2]point{{1, 2}, {3, 4}},
			keys: []string{"text/html", "text/plain"},
			html: []string{"<th>X</th><th>Y</th>"},
		},
		{
			name: "pointer to slice of structs",
			v:    &[]point{{1, 2}},
			keys: []string{"text/html", "text/plain"},
			html: []string{"<th>X</th><th>Y</th>"},
		},
		{
			name: "slice of struct pointers with nil",
			v:    []*point{{1, 2}, nil},
			keys: []string{"text/html", "text/plain"},
			text: "   X      Y\n0  1      2\n1  <nil>",
			html: []string{"<td>1</td><td>2</td>", "<td>&lt;nil&gt;</td><td></td>"},
		},
		{
			name: "slice of any holding structs",
			v:    []any{point{1, 2}, &point{3, 4}, nil},
			keys: []string{"text/html", "text/plain"},
			html: []string{"<th>X</th><th>Y</th>", "<td>3</td><td>4</td>"},
		},
		{
			name: "slice of any holding mixed types",
			v:    []any{point{1, 2}, 3},
			text: "[{1 2} 3]",
		},
		{
			name: "struct with unexported fields",
			v:    []withUnexported{{Name: "a", secret: 7}},
			keys: []string{"text/html", "text/plain"},
			html: []string{"<th>Name</th><th>secret</th><th>when</th>", "<td>a</td><td>7</td>"},
		},
		{
			name: "nested values",
			v:    []nested{{P: point{1, 2}, Tags: []string{"a", "b"}, M: map[string]int{"z": 1, "a": 2}, Ptr: &point{5, 6}}},
			keys: []string{"text/html", "text/plain"},
			html: []string{"<td>{1 2}</td><td>[a b]</td><td>map[a:2 z:1]</td><td>&amp;{5 6}</td>"},
		},
		{
			name: "escaping",
			v:    []struct{ S string }{{"<script>alert('x')</script>"}},
			keys: []string{"text/html", "text/plain"},
			html: []string{"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"},
			not:  []string{"<script>"},
		},
		{
			name: "escaped header",
			v:    []map[string]int{{"<k>": 1}},
			keys: []string{"text/html", "text/plain"},
			html: []string{"<th>&lt;k&gt;</th>"},
		},
		{
			name: "slice of maps",
			v:    []map[string]int{{"b": 1, "a": 2}, {"c": 3}},
			keys: []string{"text/html", "text/plain"},
			text: "   a  b  c\n0  2  1\n1        3",
			html: []string{"<th>a</th><th>b</th><th>c</th>", "<td>2</td><td>1</td><td></td>", "<td></td><td></td><td>3</td>"},
		},
		{
			name: "map sorted by key",
			v:    map[string]int{"b": 2, "c": 3, "a": 1},
			keys: []string{"text/html", "text/plain"},
			text: "key  value\na        1\nb        2\nc        3",
			html: []string{"<th>key</th><th>value</th>", "<td>a</td><td>1</td>", "<td>b</td><td>2</td>", "<td>c</td><td>3</td>"},
		},
		{
			name: "map with numeric keys sorted by value",
			v:    map[int]string{10: "ten", 2: "two", -1: "minus one"},
			keys: []string{"text/html", "text/plain"},
			text: "key  value\n -1  minus one\n  2  two\n 10  ten",
		},
		{
			name: "map with mixed interface keys",
			v:    map[any]int{"b": 1, 2: 2, "a": 3, 1: 4},
			keys: []string{"text/html", "text/plain"},
			html: []string{"<td>1</td>", "<td>2</td>", "<td>a</td>", "<td>b</td>"},
		},
		{
			name: "multi-line cells stay on one line in text",
			v:    map[string]string{"k": "two\nlines"},
			keys: []string{"text/html", "text/plain"},
			text: "key  value\nk    two lines",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Render(tt.v)
			keys := tt.keys
			if keys == nil {
				keys = []string{"text/plain"}
			}
			if got := keysOf(b); !slices.Equal(got, sorted(keys...)) {
				t.Errorf("MIME types = %v, want %v", got, sorted(keys...))
			}
			text, _ := b["text/plain"].(string)
			if text == "" {
				t.Errorf("text/plain = %#v, want a non-empty string", b["text/plain"])
			}
			if tt.text != "" && text != tt.text {
				t.Errorf("text/plain =\n%s\nwant\n%s", text, tt.text)
			}
			html, _ := b["text/html"].(string)
			rest := html
			for _, frag := range tt.html {
				i := strings.Index(rest, frag)
				if i < 0 {
					t.Errorf("text/html lacks %q (in order) in\n%s", frag, html)
					break
				}
				rest = rest[i+len(frag):]
			}
			for _, frag := range tt.not {
				if strings.Contains(html, frag) {
					t.Errorf("text/html contains %q:\n%s", frag, html)
				}
			}
		})
	}
}

func TestRenderImageData(t *testing.T) {
	b := Render(testImage(9, 2))
	if w, h := decodedSize(t, b["image/png"]); w != 9 || h != 2 {
		t.Errorf("image is %d×%d, want 9×2", w, h)
	}
	if b := Render(ownBundle{}); b["image/png"] != "AQID" {
		t.Errorf("bytes in a bundle = %#v, want base64 %q", b["image/png"], "AQID")
	}
}

func TestRenderLargeCollections(t *testing.T) {
	const n = 1_000_000
	tests := []struct {
		name     string
		v        any
		rows     int    // <tr> elements in the HTML; 0: no table
		more     string // the line that counts the rest
		maxBytes int
	}{
		{"struct slice", make([]point, n), 1 + 100, "… 999900 more rows (1000000 in all)", 20_000},
		{"map slice", make([]map[string]int, n), 1 + 100, "… 999900 more rows (1000000 in all)", 20_000},
		{"int slice", make([]int, n), 0, "… 999000 more]", 20_000},
		{"byte slice", make([]byte, n), 0, "… 999000 more]", 20_000},
		{"pointer to int slice", func() any { s := make([]int, n); return &s }(), 0, "… 999000 more]", 20_000},
		{"array", [2000]int{}, 0, "… 1000 more]", 20_000},
		{"map", bigMap(5000), 1 + 100, "… 4900 more rows (5000 in all)", 20_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Render(tt.v)
			text := b["text/plain"].(string)
			html, _ := b["text/html"].(string)
			if size := len(text) + len(html); size > tt.maxBytes {
				t.Errorf("rendered %d bytes, want at most %d", size, tt.maxBytes)
			}
			if got := strings.Count(html, "<tr>"); got != tt.rows {
				t.Errorf("HTML has %d rows, want %d", got, tt.rows)
			}
			if !strings.Contains(text, tt.more) {
				t.Errorf("text/plain lacks %q:\n%.300s…", tt.more, text)
			}
			if tt.rows > 0 && !strings.Contains(html, tt.more) {
				t.Errorf("text/html lacks %q", tt.more)
			}
		})
	}
}

func bigMap(n int) map[int]int {
	m := make(map[int]int, n)
	for i := range n {
		m[i] = i
	}
	return m
}

func TestRenderLimitsCanChange(t *testing.T) {
	defer func(old Limits) { Limit = old }(Limit)
	Limit.TableRows, Limit.ListItems = 2, 3

	b := Render([]point{{1, 1}, {2, 2}, {3, 3}})
	if !strings.HasSuffix(b["text/plain"].(string), "… 1 more row (3 in all)") {
		t.Errorf("table text = %q", b["text/plain"])
	}
	if got := Render([]int{1, 2, 3, 4, 5})["text/plain"]; got != "[1 2 3 … 2 more]" {
		t.Errorf("list text = %q", got)
	}
	if got := Render(map[string]int{"d": 4, "a": 1, "c": 3, "b": 2, "e": 5}); !strings.Contains(got["text/plain"].(string), "… 3 more rows") {
		t.Errorf("map text = %q", got["text/plain"])
	}
}

func TestRenderCutsLongCells(t *testing.T) {
	long := strings.Repeat("x", 1000)
	b := Render([]struct{ S string }{{long}})
	if strings.Contains(b["text/html"].(string), long[:300]) {
		t.Error("a 1000-rune cell was shown whole")
	}
	if !strings.Contains(b["text/plain"].(string), strings.Repeat("x", 199)+"…") {
		t.Error("a long cell is not cut with an ellipsis")
	}
}

func TestRenderValues(t *testing.T) {
	tests := []struct {
		name string
		vals []any
		want MIMEBundle
	}{
		{"none", nil, nil},
		{"one", []any{[]int{1}}, MIMEBundle{"text/plain": "[1]"}},
		{"value and nil error", []any{12, nil}, MIMEBundle{"text/plain": "12 <nil>"}},
		{"value and error", []any{0, errors.New("bad")}, MIMEBundle{"text/plain": "0 bad"}},
		{"strings", []any{"a", "b"}, MIMEBundle{"text/plain": "a b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RenderValues(tt.vals...)
			if mustJSON(got) != mustJSON(tt.want) {
				t.Errorf("RenderValues(%v) = %v, want %v", tt.vals, got, tt.want)
			}
		})
	}
	// A single value renders fully, tables included.
	if b := RenderValues([]point{{1, 2}}); b["text/html"] == nil {
		t.Error("RenderValues of one table value has no HTML")
	}
}

func TestMetadataFor(t *testing.T) {
	tests := []struct {
		name string
		b    MIMEBundle
		want map[string]any
	}{
		{"no image", MIMEBundle{"text/plain": "x"}, map[string]any{}},
		{"nil bundle", nil, map[string]any{}},
		{"png", pngBundle(pngBytes(t, 3, 5)), map[string]any{"image/png": map[string]any{"width": 3, "height": 5}}},
		{"jpeg", jpegBundle(jpegBytes(t, 8, 2)), map[string]any{"image/jpeg": map[string]any{"width": 8, "height": 2}}},
		{"not base64", MIMEBundle{"image/png": "%%%"}, map[string]any{}},
		{"not a string", MIMEBundle{"image/png": 3}, map[string]any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MetadataFor(tt.b)
			if got == nil || mustJSON(got) != mustJSON(tt.want) {
				t.Errorf("MetadataFor = %#v, want %v", got, tt.want)
			}
		})
	}
}

// TestRenderInterpreterWrappers checks values as yaegi hands them over for
// notebook types: a wrapper struct whose func fields call the methods.
func TestRenderInterpreterWrappers(t *testing.T) {
	type notebookType struct{ Name string }
	inner := notebookType{"n"}
	tests := []struct {
		name string
		v    any
		keys []string
		text string
	}{
		{
			name: "HTML with text from the markup",
			v:    wrapHTMLer{IValue: inner, WHTML: func() string { return "<b>bold</b>" }},
			keys: []string{"text/html", "text/plain"},
			text: "bold",
		},
		{
			name: "HTML without text falls back to the wrapped value",
			v:    wrapHTMLer{IValue: inner, WHTML: func() string { return "<hr>" }},
			keys: []string{"text/html", "text/plain"},
			text: "{n}",
		},
		{
			name: "HTML and String",
			v:    wrapHTMLerStringer{IValue: inner, WHTML: func() string { return "<b>x</b>" }, WString: func() string { return "S" }},
			keys: []string{"text/html", "text/plain"},
			text: "S",
		},
		{
			name: "Markdown",
			v:    wrapMarkdowner{IValue: inner, WMarkdown: func() string { return "# h" }},
			keys: []string{"text/markdown", "text/plain"},
			text: "# h",
		},
		{
			name: "JSON and String",
			v:    wrapJSONerStringer{IValue: inner, WJSON: func() any { return 1 }, WString: func() string { return "one" }},
			keys: []string{"application/json", "text/plain"},
			text: "one",
		},
		{
			name: "MIMEBundle",
			v:    wrapMIMEBundler{IValue: inner, WMIMEBundle: func() map[string]any { return map[string]any{"text/latex": "$a$"} }},
			keys: []string{"text/latex", "text/plain"},
			text: "$a$",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Render(tt.v)
			if got := keysOf(b); !slices.Equal(got, sorted(tt.keys...)) {
				t.Errorf("MIME types = %v, want %v", got, sorted(tt.keys...))
			}
			if b["text/plain"] != tt.text {
				t.Errorf("text/plain = %q, want %q", b["text/plain"], tt.text)
			}
		})
	}
}

func TestRenderPanickingMethodPropagates(t *testing.T) {
	// A broken HTML method is the cell's error, reported like any panic.
	defer func() {
		if recover() == nil {
			t.Error("Render swallowed the panic of an HTML method")
		}
	}()
	Render(wrapHTMLer{WHTML: func() string { panic("broken") }})
}

func TestRenderStringerPanicIsText(t *testing.T) {
	// fmt reports a panicking String method in the text; Render keeps that.
	b := Render(wrapHTMLerStringer{WHTML: func() string { return "" }, WString: func() string { panic("bad") }})
	if s, _ := b["text/plain"].(string); !strings.Contains(s, "PANIC") {
		t.Errorf("text/plain = %q, want fmt's panic report", s)
	}
}

var _ image.Image = testImage(1, 1)

func TestRenderNestedLongCollectionIsCut(t *testing.T) {
	defer func(old Limits) { Limit = old }(Limit)
	Limit.ListItems = 3
	b := Render([]struct{ M map[int]int }{{M: bigMap(5)}})
	if !strings.Contains(b["text/plain"].(string), "map[0:0 1:1 2:2 … 2 more]") {
		t.Errorf("text/plain = %q", b["text/plain"])
	}
}

func TestSortKeys(t *testing.T) {
	type pair struct{ A, B int }
	tests := []struct {
		name string
		m    any
		want []string
	}{
		{"ints", map[int]bool{10: true, -3: true, 2: true}, []string{"-3", "2", "10"}},
		{"uints", map[uint8]bool{200: true, 3: true}, []string{"3", "200"}},
		{"floats", map[float64]bool{2.5: true, -1: true}, []string{"-1", "2.5"}},
		{"bools", map[bool]int{true: 1, false: 0}, []string{"false", "true"}},
		{"strings", map[string]int{"b": 1, "B": 2, "a": 3}, []string{"B", "a", "b"}},
		{"structs by text", map[pair]int{{2, 1}: 1, {1, 9}: 2}, []string{"{1 9}", "{2 1}"}},
		{"nil interface first", map[any]int{nil: 1, "x": 2}, []string{"<nil>", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys := reflect.ValueOf(tt.m).MapKeys()
			sortKeys(keys)
			var got []string
			for _, k := range keys {
				got = append(got, sprintValue(k))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sorted keys = %v, want %v", got, tt.want)
			}
		})
	}
}
