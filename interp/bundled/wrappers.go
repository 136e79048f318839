package bundled

import (
	"reflect"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// The extracted wrapper for plot.Plotter has the one method Plot, so a
// notebook type passed as a Plotter loses the optional interfaces plot looks
// for with type assertions: without DataRange the axes span ±Inf, without
// GlyphBoxes labels are clipped, without Thumbnail the legend is empty. The
// interpreter picks, from the wrappers listed under a wrapper in MapTypes,
// the first whose methods the notebook type all has, so the combined
// wrappers below are listed from the most methods to the fewest.

// mapTypes is registered under the "." key of Symbols, where interp.Use
// reads it.
var mapTypes = map[reflect.Value][]reflect.Type{
	reflect.ValueOf((*_gonum_org_v1_plot_Plotter)(nil)): {
		reflect.TypeOf(plotterDGT{}),
		reflect.TypeOf(plotterDG{}),
		reflect.TypeOf(plotterDT{}),
		reflect.TypeOf(plotterGT{}),
		reflect.TypeOf(plotterD{}),
		reflect.TypeOf(plotterG{}),
		reflect.TypeOf(plotterT{}),
	},
}

// plotterDGT wraps a notebook Plotter that also has DataRange, GlyphBoxes, Thumbnail.
type plotterDGT struct {
	IValue      any
	WPlot       func(c draw.Canvas, p *plot.Plot)
	WDataRange  func() (xmin, xmax, ymin, ymax float64)
	WGlyphBoxes func(p *plot.Plot) []plot.GlyphBox
	WThumbnail  func(c *draw.Canvas)
}

func (w plotterDGT) Plot(c draw.Canvas, p *plot.Plot)            { w.WPlot(c, p) }
func (w plotterDGT) DataRange() (xmin, xmax, ymin, ymax float64) { return w.WDataRange() }
func (w plotterDGT) GlyphBoxes(p *plot.Plot) []plot.GlyphBox     { return w.WGlyphBoxes(p) }
func (w plotterDGT) Thumbnail(c *draw.Canvas)                    { w.WThumbnail(c) }

// plotterDG wraps a notebook Plotter that also has DataRange, GlyphBoxes.
type plotterDG struct {
	IValue      any
	WPlot       func(c draw.Canvas, p *plot.Plot)
	WDataRange  func() (xmin, xmax, ymin, ymax float64)
	WGlyphBoxes func(p *plot.Plot) []plot.GlyphBox
}

func (w plotterDG) Plot(c draw.Canvas, p *plot.Plot)            { w.WPlot(c, p) }
func (w plotterDG) DataRange() (xmin, xmax, ymin, ymax float64) { return w.WDataRange() }
func (w plotterDG) GlyphBoxes(p *plot.Plot) []plot.GlyphBox     { return w.WGlyphBoxes(p) }

// plotterDT wraps a notebook Plotter that also has DataRange, Thumbnail.
type plotterDT struct {
	IValue     any
	WPlot      func(c draw.Canvas, p *plot.Plot)
	WDataRange func() (xmin, xmax, ymin, ymax float64)
	WThumbnail func(c *draw.Canvas)
}

func (w plotterDT) Plot(c draw.Canvas, p *plot.Plot)            { w.WPlot(c, p) }
func (w plotterDT) DataRange() (xmin, xmax, ymin, ymax float64) { return w.WDataRange() }
func (w plotterDT) Thumbnail(c *draw.Canvas)                    { w.WThumbnail(c) }

// plotterGT wraps a notebook Plotter that also has GlyphBoxes, Thumbnail.
type plotterGT struct {
	IValue      any
	WPlot       func(c draw.Canvas, p *plot.Plot)
	WGlyphBoxes func(p *plot.Plot) []plot.GlyphBox
	WThumbnail  func(c *draw.Canvas)
}

func (w plotterGT) Plot(c draw.Canvas, p *plot.Plot)        { w.WPlot(c, p) }
func (w plotterGT) GlyphBoxes(p *plot.Plot) []plot.GlyphBox { return w.WGlyphBoxes(p) }
func (w plotterGT) Thumbnail(c *draw.Canvas)                { w.WThumbnail(c) }

// plotterD wraps a notebook Plotter that also has DataRange.
type plotterD struct {
	IValue     any
	WPlot      func(c draw.Canvas, p *plot.Plot)
	WDataRange func() (xmin, xmax, ymin, ymax float64)
}

func (w plotterD) Plot(c draw.Canvas, p *plot.Plot)            { w.WPlot(c, p) }
func (w plotterD) DataRange() (xmin, xmax, ymin, ymax float64) { return w.WDataRange() }

// plotterG wraps a notebook Plotter that also has GlyphBoxes.
type plotterG struct {
	IValue      any
	WPlot       func(c draw.Canvas, p *plot.Plot)
	WGlyphBoxes func(p *plot.Plot) []plot.GlyphBox
}

func (w plotterG) Plot(c draw.Canvas, p *plot.Plot)        { w.WPlot(c, p) }
func (w plotterG) GlyphBoxes(p *plot.Plot) []plot.GlyphBox { return w.WGlyphBoxes(p) }

// plotterT wraps a notebook Plotter that also has Thumbnail.
type plotterT struct {
	IValue     any
	WPlot      func(c draw.Canvas, p *plot.Plot)
	WThumbnail func(c *draw.Canvas)
}

func (w plotterT) Plot(c draw.Canvas, p *plot.Plot) { w.WPlot(c, p) }
func (w plotterT) Thumbnail(c *draw.Canvas)         { w.WThumbnail(c) }
