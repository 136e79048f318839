package display

// The interfaces through which a value chooses how it is shown. Render checks
// each one and shows every form a value provides.

// HTMLer is implemented by values that show themselves as HTML. Render uses
// the HTML method of a cell's result and of values passed to Show.
type HTMLer interface{ HTML() string }

// Markdowner is implemented by values that show themselves as Markdown.
type Markdowner interface{ Markdown() string }

// SVGer is implemented by values that draw themselves as an SVG document.
type SVGer interface{ SVG() string }

// PNGer is implemented by values that draw themselves as a PNG file.
type PNGer interface{ PNG() []byte }

// JPEGer is implemented by values that draw themselves as a JPEG file.
type JPEGer interface{ JPEG() []byte }

// Latexer is implemented by values that show themselves as LaTeX.
type Latexer interface{ Latex() string }

// JSONer is implemented by values that show themselves as a JSON document.
// The result is marshalled with encoding/json.
type JSONer interface{ JSON() any }

// MIMEBundler is implemented by values that provide their own MIME bundle,
// keyed by MIME type. []byte data is base64-encoded for them.
type MIMEBundler interface{ MIMEBundle() map[string]any }

// bundleMaker is MIMEBundler for compiled types that return this package's
// named type.
type bundleMaker interface{ MIMEBundle() MIMEBundle }
