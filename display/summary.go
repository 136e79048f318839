package display

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"image"
	"strings"
	"unicode/utf8"
)

// The text/plain fallbacks of rich displays. Consoles and plain-text exports
// show them, so they say what the output is rather than repeat its markup.

// summaryRunes bounds a one-line summary of rich content.
const summaryRunes = 80

// htmlSummary returns the visible text of an HTML fragment on one line,
// shortened, or "<HTML>" when it has no text (a canvas, an image).
func htmlSummary(s string) string {
	text := strings.Join(strings.Fields(html.UnescapeString(stripTags(s))), " ")
	if text == "" {
		return "<HTML>"
	}
	return truncate(text, summaryRunes)
}

// inlineTags don't separate words; every other tag does ("<td>a</td><td>b"
// reads "a b", while "<b>bo</b>ld" reads "bold").
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "code": true, "em": true, "i": true,
	"kbd": true, "mark": true, "q": true, "s": true, "small": true,
	"span": true, "strong": true, "sub": true, "sup": true, "u": true,
}

// stripTags removes tags, comments, and the contents of script and style
// elements from an HTML fragment. It is a summary, not a sanitizer: its
// output is only ever used as plain text.
func stripTags(s string) string {
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s, "-->")
			if end < 0 {
				break
			}
			s = s[end+len("-->"):]
			continue
		}
		// A '<' that starts no tag ("a < b") is text.
		if len(s) < 2 || !(isASCIILetter(s[1]) || s[1] == '/' || s[1] == '!' || s[1] == '?') {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		end := strings.IndexByte(s, '>')
		if end < 0 {
			break
		}
		inside := s[1:end]
		name := tagName(inside)
		s = s[end+1:]
		if (name == "script" || name == "style") && !strings.HasPrefix(inside, "/") {
			closing := indexFold(s, "</"+name)
			if closing < 0 {
				break
			}
			s = s[closing:]
		}
		if !inlineTags[name] {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// tagName returns the lower-case element name of a tag's inside ("/td",
// "div class=x").
func tagName(inside string) string {
	inside = strings.TrimPrefix(inside, "/")
	end := strings.IndexFunc(inside, func(r rune) bool {
		return r == ' ' || r == '/' || r == '\t' || r == '\n' || r == '\r'
	})
	if end >= 0 {
		inside = inside[:end]
	}
	return strings.ToLower(inside)
}

// indexFold is strings.Index ignoring ASCII case. Lower-casing s first would
// move byte offsets when s holds characters whose lower case is longer.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// svgSummary names an SVG image and its size when the root element gives it.
func svgSummary(s string) string {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return "<SVG image>"
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		var w, h, viewBox string
		for _, a := range start.Attr {
			switch a.Name.Local {
			case "width":
				w = a.Value
			case "height":
				h = a.Value
			case "viewBox":
				viewBox = a.Value
			}
		}
		if w == "" || h == "" {
			// A viewBox "minx miny width height" gives the size in user units.
			if f := strings.Fields(strings.ReplaceAll(viewBox, ",", " ")); len(f) == 4 {
				w, h = f[2], f[3]
			}
		}
		if w == "" || h == "" {
			return "<SVG image>"
		}
		return fmt.Sprintf("<SVG image %s×%s>", w, h)
	}
}

// imageSummary names an encoded image and its size, or its byte count when
// its header can't be read.
func imageSummary(b []byte, format string) string {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return fmt.Sprintf("<%s image, %d bytes>", format, len(b))
	}
	return fmt.Sprintf("<image %d×%d %s>", cfg.Width, cfg.Height, format)
}

// truncate shortens s to at most n runes, marking a cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return s[:i] + "…"
}
