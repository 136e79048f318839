package display

import (
	"strings"
	"testing"
)

func TestHTMLSummary(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>Hello <b>world</b></p>", "Hello world"},
		{"<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"<b>bo</b>ld", "bold"},
		{"x<br>y", "x y"},
		{"Tom &amp; Jerry &lt;3", "Tom & Jerry <3"},
		{"a < b and c > d", "a < b and c > d"},
		{"<!-- hidden --><i>shown</i>", "shown"},
		{"<style>p{color:red}</style><p>text</p>", "text"},
		{"<SCRIPT type='x'>alert(1)</SCRIPT>after", "after"},
		{"<script>never closed", "<HTML>"},
		{"<div class=\"a\"\n  id=b>multi\n\n  line</div>", "multi line"},
		{"<img src=x.png>", "<HTML>"},
		{"", "<HTML>"},
		{"<p>unterminated", "unterminated"},
		{"<p unterminated", "<HTML>"},
		{strings.Repeat("word ", 40), strings.Repeat("word ", 15) + "word…"},
	}
	for _, tt := range tests {
		if got := htmlSummary(tt.in); got != tt.want {
			t.Errorf("htmlSummary(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSVGSummary(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<svg width="100" height="50"/>`, "<SVG image 100×50>"},
		{`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="4cm" height="2cm"></svg>`, "<SVG image 4cm×2cm>"},
		{`<svg viewBox="0,0,30,20"/>`, "<SVG image 30×20>"},
		{`<svg/>`, "<SVG image>"},
		{`not svg at all`, "<SVG image>"},
		{``, "<SVG image>"},
	}
	for _, tt := range tests {
		if got := svgSummary(tt.in); got != tt.want {
			t.Errorf("svgSummary(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven runes", 10, "eleven ru…"},
		{"ééééé", 3, "éé…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
