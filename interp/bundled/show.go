package bundled

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"strings"

	"github.com/gocell/gocell/display"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

func init() {
	display.RegisterRenderer(renderPlot)
	display.RegisterRenderer(renderMatrix)
}

// The size and resolution a plot is drawn at unless a cell asks otherwise:
// it fits a notebook column without scaling.
const (
	defaultWidth  = 6 * vg.Inch
	defaultHeight = 4 * vg.Inch
	defaultDPI    = 96
)

// PlotOption changes how Plot draws a plot. Cells call the constructors as
// display.Size, display.DPI and display.AsSVG.
type PlotOption func(*plotSettings)

type plotSettings struct {
	width, height vg.Length
	dpi           int
	svg           bool
}

// Size draws the plot w wide and h high, as in
// display.Plot(p, display.Size(8*vg.Inch, 3*vg.Inch)).
func Size(w, h vg.Length) PlotOption {
	return func(s *plotSettings) { s.width, s.height = w, h }
}

// DPI sets the resolution of a PNG plot in dots per inch (96 unless set):
// a plot 6 inches wide at 96 DPI is 576 pixels wide.
func DPI(dpi int) PlotOption {
	return func(s *plotSettings) { s.dpi = dpi }
}

// AsSVG draws the plot as SVG instead of PNG: it scales without blur and
// its text can be selected.
func AsSVG() PlotOption {
	return func(s *plotSettings) { s.svg = true }
}

// Plot shows p as an image, PNG unless AsSVG is given, 6×4 inches at 96 DPI
// unless Size and DPI say otherwise, and returns a handle that can replace
// it in place (display.Update(h, p) redraws it). Cells call it as
// display.Plot. A plot that is the value of a cell's last expression is
// shown the same way with the default settings.
func Plot(p *plot.Plot, opts ...PlotOption) *display.Handle {
	return display.Show(plotBundle(p, opts...))
}

// plotBundle draws p into a MIME bundle. A drawing that fails (a negative
// size, a writer error) is described in text: showing never fails a cell.
func plotBundle(p *plot.Plot, opts ...PlotOption) display.MIMEBundle {
	s := plotSettings{width: defaultWidth, height: defaultHeight, dpi: defaultDPI}
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	if p == nil {
		return display.MIMEBundle{"text/plain": "<nil plot>"}
	}
	if s.width <= 0 || s.height <= 0 || s.dpi <= 0 {
		return display.MIMEBundle{"text/plain": fmt.Sprintf("display.Plot: size %v×%v at %d DPI: width, height and DPI must be positive", s.width, s.height, s.dpi)}
	}
	var buf bytes.Buffer
	if s.svg {
		c := vgsvg.New(s.width, s.height)
		p.Draw(draw.New(c))
		if _, err := c.WriteTo(&buf); err != nil {
			return display.MIMEBundle{"text/plain": "display.Plot: " + err.Error()}
		}
		return display.MIMEBundle{"image/svg+xml": buf.String(), "text/plain": plotText(p, s)}
	}
	c := vgimg.NewWith(vgimg.UseWH(s.width, s.height), vgimg.UseDPI(s.dpi))
	p.Draw(draw.New(c))
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return display.MIMEBundle{"text/plain": "display.Plot: " + err.Error()}
	}
	return display.MIMEBundle{"image/png": base64.StdEncoding.EncodeToString(buf.Bytes()), "text/plain": plotText(p, s)}
}

// plotText is the text front ends without images show for a plot.
func plotText(p *plot.Plot, s plotSettings) string {
	title := ""
	if p.Title.Text != "" {
		title = fmt.Sprintf(" %q", p.Title.Text)
	}
	if s.svg {
		return fmt.Sprintf("<plot%s, SVG %v×%v>", title, s.width, s.height)
	}
	w, h := int(float64(s.width/vg.Inch)*float64(s.dpi)+0.5), int(float64(s.height/vg.Inch)*float64(s.dpi)+0.5)
	return fmt.Sprintf("<plot%s, %d×%d PNG>", title, w, h)
}

// renderPlot shows a *plot.Plot, the value of a cell or passed to
// display.Show, with the default settings.
func renderPlot(v any) display.MIMEBundle {
	p, ok := v.(*plot.Plot)
	if !ok || p == nil {
		return nil
	}
	return plotBundle(p)
}

// maxCells bounds the rows and columns of a matrix shown in full; larger
// ones show their corners, as mat.Excerpt does.
const maxCells = 12

// renderMatrix shows a mat.Matrix as aligned text, as mat.Formatted prints
// it, and as an HTML table.
func renderMatrix(v any) display.MIMEBundle {
	m, ok := v.(mat.Matrix)
	if !ok || isNilMatrix(m) {
		return nil
	}
	r, c := m.Dims()
	opts := []mat.FormatOption{mat.Squeeze()}
	if r > maxCells || c > maxCells {
		opts = append(opts, mat.Excerpt(3))
	}
	text := fmt.Sprintf("%T %d×%d\n%v", m, r, c, mat.Formatted(m, opts...))
	return display.MIMEBundle{"text/plain": text, "text/html": matrixHTML(m, r, c)}
}

// isNilMatrix reports whether m is a nil pointer, whose Dims would panic.
func isNilMatrix(m mat.Matrix) (isNil bool) {
	defer func() {
		if recover() != nil {
			isNil = true
		}
	}()
	m.Dims()
	return false
}

// matrixHTML is an HTML table of m, its corners only when it is large.
func matrixHTML(m mat.Matrix, r, c int) string {
	rows, cols := span(r), span(c)
	var b strings.Builder
	fmt.Fprintf(&b, "<table><caption>%s %d×%d</caption>\n", html.EscapeString(fmt.Sprintf("%T", m)), r, c)
	for _, i := range rows {
		b.WriteString("<tr>")
		for _, j := range cols {
			switch {
			case i < 0 && j < 0:
				b.WriteString("<td>⋱</td>")
			case i < 0:
				b.WriteString("<td>⋮</td>")
			case j < 0:
				b.WriteString("<td>…</td>")
			default:
				fmt.Fprintf(&b, "<td>%.6g</td>", m.At(i, j))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>")
	return b.String()
}

// span lists the indexes 0..n-1 shown of a dimension of n: all of them up
// to maxCells, else the first and last three around a -1 for the gap.
func span(n int) []int {
	if n <= maxCells {
		s := make([]int, n)
		for i := range s {
			s[i] = i
		}
		return s
	}
	return []int{0, 1, 2, -1, n - 3, n - 2, n - 1}
}
