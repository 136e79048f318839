package kernelspec

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"testing"
)

func TestLogoPNGSizes(t *testing.T) {
	for _, size := range []int{32, 64, 128} {
		b, err := logoPNG(size)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%d px: %v", size, err)
		}
		if r := img.Bounds(); r.Dx() != size || r.Dy() != size {
			t.Errorf("%d px logo is %v", size, r)
		}
	}
	if _, err := logoPNG(0); err == nil {
		t.Error("logoPNG(0) succeeded")
	}
}

// TestLogoPixels checks the drawing itself at the points whose colour the
// design fixes, at both installed sizes.
func TestLogoPixels(t *testing.T) {
	for _, size := range []int{32, 64} {
		img := renderLogo(size)
		at := func(gx, gy float64) color.RGBA {
			s := float64(size) / logoGrid
			return img.RGBAAt(int(gx*s), int(gy*s))
		}
		if c := at(0.5, 0.5); c.A != 0 {
			t.Errorf("%d px: corner %v, want transparent outside the rounded square", size, c)
		}
		if c := at(32, 8); c != goCyan {
			t.Errorf("%d px: background %v, want Go cyan %v", size, c, goCyan)
		}
		if c := at(oX, letterY); c != goCyan {
			t.Errorf("%d px: inside the o %v, want the background showing through", size, c)
		}
		for _, p := range [][2]float64{
			{leftBracketX, 32}, {rightBracketX, 32}, // bracket uprights
			{oX + letterR, letterY}, // the o's stroke
			{gX + letterR, letterY}, // the g's stem
		} {
			if c := at(p[0], p[1]); c != logoInk {
				t.Errorf("%d px: stroke at %v is %v, want %v", size, p, c, logoInk)
			}
		}
	}
}

// TestLogoSVGMatchesDrawing keeps the hand-written SVG in step with the
// geometry the PNGs are drawn from.
func TestLogoSVGMatchesDrawing(t *testing.T) {
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Rect    struct {
			RX   string `xml:"rx,attr"`
			Fill string `xml:"fill,attr"`
		} `xml:"rect"`
		G struct {
			StrokeWidth string `xml:"stroke-width,attr"`
			Paths       []struct {
				D string `xml:"d,attr"`
			} `xml:"path"`
			Circles []struct {
				CX string `xml:"cx,attr"`
				CY string `xml:"cy,attr"`
				R  string `xml:"r,attr"`
			} `xml:"circle"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal([]byte(logoSVG), &doc); err != nil {
		t.Fatalf("logoSVG is not XML: %v", err)
	}
	if doc.ViewBox != "0 0 64 64" {
		t.Errorf("viewBox = %q", doc.ViewBox)
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	bg := logoBackground.(roundRect)
	if doc.Rect.RX != num(bg.rad) || doc.Rect.Fill != "#00ADD8" {
		t.Errorf("rect rx=%q fill=%q, want rx=%v fill=#00ADD8", doc.Rect.RX, doc.Rect.Fill, bg.rad)
	}
	if doc.G.StrokeWidth != num(strokeW) {
		t.Errorf("stroke-width = %q, want %v", doc.G.StrokeWidth, strokeW)
	}
	var circles []string
	for _, c := range doc.G.Circles {
		circles = append(circles, c.CX+" "+c.CY+" "+c.R)
	}
	wantCircles := []string{
		num(gX) + " " + num(letterY) + " " + num(letterR),
		num(oX) + " " + num(letterY) + " " + num(letterR),
	}
	if len(circles) != 2 || circles[0] != wantCircles[0] || circles[1] != wantCircles[1] {
		t.Errorf("circles = %q, want %q", circles, wantCircles)
	}
	hookY := letterY + letterR + gDrop
	endX := math.Round((gX+letterR*math.Cos(gHook))*10) / 10
	endY := math.Round((hookY+letterR*math.Sin(gHook))*10) / 10
	wantPaths := []string{
		"M" + num(leftBracketX+serifLen) + " " + num(bracketTop) + "H" + num(leftBracketX) + "V" + num(bracketBottom) + "H" + num(leftBracketX+serifLen),
		"M" + num(rightBracketX-serifLen) + " " + num(bracketTop) + "H" + num(rightBracketX) + "V" + num(bracketBottom) + "H" + num(rightBracketX-serifLen),
		"M" + num(gX+letterR) + " " + num(letterY-letterR) + "V" + num(hookY) +
			"A" + num(letterR) + " " + num(letterR) + " 0 0 1 " + num(endX) + " " + num(endY),
	}
	if len(doc.G.Paths) != len(wantPaths) {
		t.Fatalf("SVG has %d paths, want %d", len(doc.G.Paths), len(wantPaths))
	}
	for i, p := range doc.G.Paths {
		if p.D != wantPaths[i] {
			t.Errorf("path %d d=%q, want %q", i, p.D, wantPaths[i])
		}
	}
}
