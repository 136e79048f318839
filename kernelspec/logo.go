package kernelspec

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
)

// The logo is a rounded square in Go's cyan holding a notebook cell's "[ ]"
// brackets around a stylised lowercase "go". It is described once, as
// geometry on a 64×64 grid, and rasterised at whatever size Jupyter asks for,
// so the 32 px and 64 px PNGs cannot drift apart. logoSVG below draws the
// same geometry with the same numbers.
//
// Shapes are signed distance functions (negative inside), which makes round
// caps and joins free (a stroke is every point within half its width of a
// segment or arc) and lets the rasteriser anti-alias by supersampling.

// logoGrid is the size of the design grid every coordinate below lives on.
const logoGrid = 64

var (
	// goCyan is the Go project's brand colour, #00ADD8.
	goCyan = color.RGBA{0x00, 0xAD, 0xD8, 0xFF}
	// logoInk is the colour of the brackets and the letters.
	logoInk = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
)

// shape is anything with a signed distance: < 0 inside, > 0 outside.
type shape interface {
	dist(x, y float64) float64
}

// roundRect is a filled rectangle with circular corners of radius rad.
type roundRect struct{ x0, y0, x1, y1, rad float64 }

func (r roundRect) dist(x, y float64) float64 {
	cx, cy := (r.x0+r.x1)/2, (r.y0+r.y1)/2
	hx, hy := (r.x1-r.x0)/2-r.rad, (r.y1-r.y0)/2-r.rad
	qx, qy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
	outside := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
	inside := math.Min(math.Max(qx, qy), 0)
	return outside + inside - r.rad
}

// line is a stroke of width w from (ax, ay) to (bx, by) with round caps, the
// shape SVG draws for a path segment with stroke-linecap="round".
type line struct{ ax, ay, bx, by, w float64 }

func (l line) dist(x, y float64) float64 {
	dx, dy := l.bx-l.ax, l.by-l.ay
	t := 0.0
	if n := dx*dx + dy*dy; n > 0 {
		t = math.Max(0, math.Min(1, ((x-l.ax)*dx+(y-l.ay)*dy)/n))
	}
	return math.Hypot(x-(l.ax+t*dx), y-(l.ay+t*dy)) - l.w/2
}

// arc is a stroke of width w along the circle of radius rad around (cx, cy),
// from angle a0 to a1 (radians, a0 < a1, measured with y pointing down as in
// SVG, so increasing angles turn clockwise on screen), with round caps.
// a1-a0 = 2π gives a full ring.
type arc struct{ cx, cy, rad, a0, a1, w float64 }

func (a arc) dist(x, y float64) float64 {
	dx, dy := x-a.cx, y-a.cy
	ang := math.Atan2(dy, dx)
	// Bring the angle into [a0, a0+2π) so one comparison decides whether
	// the point faces the arc's body or one of its ends.
	for ang < a.a0 {
		ang += 2 * math.Pi
	}
	for ang >= a.a0+2*math.Pi {
		ang -= 2 * math.Pi
	}
	if ang <= a.a1 {
		return math.Abs(math.Hypot(dx, dy)-a.rad) - a.w/2
	}
	// Outside the sweep: the nearest point is one of the two end caps.
	e0 := math.Hypot(x-(a.cx+a.rad*math.Cos(a.a0)), y-(a.cy+a.rad*math.Sin(a.a0)))
	e1 := math.Hypot(x-(a.cx+a.rad*math.Cos(a.a1)), y-(a.cy+a.rad*math.Sin(a.a1)))
	return math.Min(e0, e1) - a.w/2
}

// union is the set of points inside any of its shapes.
type union []shape

func (u union) dist(x, y float64) float64 {
	d := math.Inf(1)
	for _, s := range u {
		d = math.Min(d, s.dist(x, y))
	}
	return d
}

// Logo geometry on the 64-unit grid. Stroke edges of the brackets fall on
// even units so they land on whole pixels at 32 px and stay crisp there.
const (
	strokeW = 4.0 // width of every stroke

	bracketTop    = 18.0
	bracketBottom = 46.0
	leftBracketX  = 9.0
	rightBracketX = 55.0
	serifLen      = 6.0

	letterR = 6.0             // radius of the letter bowls (centre line of the stroke)
	letterY = 29.0            // centre height of the bowls
	gX      = 22.5            // centre of the g's bowl
	oX      = 41.5            // centre of the o
	gDrop   = 3.0             // how far the g's stem runs below its bowl before the hook
	gHook   = 5 * math.Pi / 6 // where the hook stops: 150°, short of closing into an "8"
)

var (
	logoBackground shape = roundRect{2, 2, 62, 62, 12}
	logoForeground shape = union{
		// "[": top serif, upright, bottom serif.
		line{leftBracketX + serifLen, bracketTop, leftBracketX, bracketTop, strokeW},
		line{leftBracketX, bracketTop, leftBracketX, bracketBottom, strokeW},
		line{leftBracketX, bracketBottom, leftBracketX + serifLen, bracketBottom, strokeW},
		// "]"
		line{rightBracketX - serifLen, bracketTop, rightBracketX, bracketTop, strokeW},
		line{rightBracketX, bracketTop, rightBracketX, bracketBottom, strokeW},
		line{rightBracketX, bracketBottom, rightBracketX - serifLen, bracketBottom, strokeW},
		// "g": bowl, stem on its right, hook curling back under the bowl.
		arc{gX, letterY, letterR, 0, 2 * math.Pi, strokeW},
		line{gX + letterR, letterY - letterR, gX + letterR, letterY + letterR + gDrop, strokeW},
		arc{gX, letterY + letterR + gDrop, letterR, 0, gHook, strokeW},
		// "o"
		arc{oX, letterY, letterR, 0, 2 * math.Pi, strokeW},
	}
)

// logoSamples is the supersampling factor per axis: 8×8 samples per pixel is
// plenty for smooth edges and still costs only milliseconds at 64 px.
const logoSamples = 8

// renderLogo rasterises the logo into a size×size image with a transparent
// background outside the rounded square.
func renderLogo(size int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	scale := float64(logoGrid) / float64(size)
	n := logoSamples * logoSamples
	// Every sample of a pixel lies within half its diagonal of the pixel's
	// centre, and the distance functions never overstate how far an edge
	// is, so a pixel whose centre is farther than that from both edges is
	// one flat colour. Only the pixels along edges are supersampled, which
	// makes rendering about ten times cheaper.
	reach := scale*math.Sqrt2/2 + 1e-9
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			cx, cy := (float64(px)+0.5)*scale, (float64(py)+0.5)*scale
			dInk, dBg := logoForeground.dist(cx, cy), logoBackground.dist(cx, cy)
			if math.Abs(dInk) > reach && math.Abs(dBg) > reach {
				switch {
				case dInk < 0:
					img.SetRGBA(px, py, logoInk)
				case dBg < 0:
					img.SetRGBA(px, py, goCyan)
				}
				continue
			}
			var ink, bg int
			for sy := 0; sy < logoSamples; sy++ {
				for sx := 0; sx < logoSamples; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/logoSamples) * scale
					y := (float64(py) + (float64(sy)+0.5)/logoSamples) * scale
					switch {
					case logoForeground.dist(x, y) <= 0:
						ink++
					case logoBackground.dist(x, y) <= 0:
						bg++
					}
				}
			}
			// Averaging the samples' premultiplied colours is exactly what
			// image.RGBA stores, so no un-premultiplying is needed.
			mix := func(a, b uint8) uint8 {
				return uint8((ink*int(a) + bg*int(b) + n/2) / n)
			}
			img.SetRGBA(px, py, color.RGBA{
				R: mix(logoInk.R, goCyan.R),
				G: mix(logoInk.G, goCyan.G),
				B: mix(logoInk.B, goCyan.B),
				A: mix(logoInk.A, goCyan.A),
			})
		}
	}
	return img
}

// logoPNG returns the logo as PNG data, size pixels square.
func logoPNG(size int) ([]byte, error) {
	if size <= 0 {
		return nil, fmt.Errorf("logo size %d: must be positive", size)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, renderLogo(size)); err != nil {
		return nil, fmt.Errorf("encode %dx%d logo: %w", size, size, err)
	}
	return buf.Bytes(), nil
}

// logoSVG is the same drawing as logoBackground and logoForeground, written
// out by hand: same grid, same coordinates, same stroke width, round caps
// and joins. The g's stem runs down to (28.5,38); its hook is the 150° arc
// around (22.5,38) that ends at (22.5+6·cos150°, 38+6·sin150°) ≈ (17.3,41).
const logoSVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
  <title>gocell</title>
  <rect x="2" y="2" width="60" height="60" rx="12" ry="12" fill="#00ADD8"/>
  <g fill="none" stroke="#FFFFFF" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">
    <path d="M15 18H9V46H15"/>
    <path d="M49 18H55V46H49"/>
    <circle cx="22.5" cy="29" r="6"/>
    <path d="M28.5 23V38A6 6 0 0 1 17.3 41"/>
    <circle cx="41.5" cy="29" r="6"/>
  </g>
</svg>
`
