package display

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// html writes the table as an HTML table. Every cell is escaped.
func (t *table) html() string {
	var b strings.Builder
	b.WriteString("<table>\n<thead>\n<tr>")
	if t.indexed {
		b.WriteString("<th></th>")
	}
	for _, h := range t.header {
		b.WriteString("<th>" + html.EscapeString(h) + "</th>")
	}
	b.WriteString("</tr>\n</thead>\n<tbody>\n")
	for i, row := range t.rows {
		b.WriteString("<tr>")
		if t.indexed {
			b.WriteString("<th>" + rowLabel(i) + "</th>")
		}
		for _, c := range row {
			b.WriteString("<td>" + html.EscapeString(c) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	if more := t.more(); more != "" {
		b.WriteString("<p>" + html.EscapeString(more) + "</p>\n")
	}
	return b.String()
}

// text writes the table as aligned columns for consoles and plain-text
// exports. Numeric columns are right-aligned, others left-aligned.
func (t *table) text() string {
	// The grid is a copy: cells are flattened onto one line for text only.
	line := func(label string, cells []string) []string {
		row := make([]string, 0, len(cells)+1)
		if t.indexed {
			row = append(row, label)
		}
		for _, c := range cells {
			row = append(row, oneLine(c))
		}
		return row
	}
	grid := [][]string{line("", t.header)}
	for i, row := range t.rows {
		grid = append(grid, line(rowLabel(i), row))
	}
	header := grid[0]

	width := make([]int, len(header))
	numeric := make([]bool, len(header))
	for j := range numeric {
		numeric[j] = true
	}
	for r, row := range grid {
		for j, c := range row {
			width[j] = max(width[j], utf8.RuneCountInString(c))
			if r > 0 && c != "" && !isNumber(c) {
				numeric[j] = false
			}
		}
	}

	var b strings.Builder
	for _, row := range grid {
		var line strings.Builder
		for j, c := range row {
			if j > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if numeric[j] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	if more := t.more(); more != "" {
		b.WriteString(more + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// more describes the rows left out, or returns "" when none were.
func (t *table) more() string {
	left := t.total - len(t.rows)
	if left <= 0 {
		return ""
	}
	if left == 1 {
		return fmt.Sprintf("… 1 more row (%d in all)", t.total)
	}
	return fmt.Sprintf("… %d more rows (%d in all)", left, t.total)
}

// oneLine keeps a cell on its line in text tables.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}
