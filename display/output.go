// Package display defines the outputs a notebook cell produces (streams, rich
// MIME bundles, in-place updates, clears, results and errors) and the API that
// cells call to show rich values.
//
// Every layer of gocell passes outputs around as Output values: the executor
// produces them, the cache records and replays them, and the kernel turns them
// into Jupyter IOPub messages. The package uses the standard library only.
package display

import "sync"

// MIMEBundle maps a MIME type ("text/plain", "text/html", "image/png", ...) to
// its data. Binary image data is stored base64-encoded, as Jupyter expects;
// "application/json" holds a JSON value, not a string.
type MIMEBundle map[string]any

// Kind names the IOPub message an Output becomes.
type Kind string

// The kinds of output, named after the IOPub message types they become.
const (
	Stream            Kind = "stream"
	DisplayData       Kind = "display_data"
	UpdateDisplayData Kind = "update_display_data"
	ClearOutput       Kind = "clear_output"
	ExecuteResult     Kind = "execute_result"
	Error             Kind = "error"
	// Retract removes a display shown earlier in the cell (DisplayID) as if
	// it had never been shown: the cache's spinner, which must leave no
	// trace in the saved notebook. It has no IOPub message of its own; the
	// kernel, which knows what the cell has shown, decides how to remove it.
	Retract Kind = "retract"
)

// Output is one thing a cell shows. Which fields matter depends on Kind:
//
//	Stream:            Name ("stdout" or "stderr"), Text
//	DisplayData:       Data, Metadata, DisplayID (optional)
//	UpdateDisplayData: Data, Metadata, DisplayID (required)
//	ClearOutput:       Wait
//	ExecuteResult:     Data, Metadata
//	Error:             EName, EValue, Traceback
//	Retract:           DisplayID
type Output struct {
	Kind      Kind           `json:"kind"`
	Name      string         `json:"name,omitempty"`
	Text      string         `json:"text,omitempty"`
	Data      MIMEBundle     `json:"data,omitempty"`
	Metadata  map[string]any `json:"metadata,omitempty"`
	DisplayID string         `json:"display_id,omitempty"`
	Wait      bool           `json:"wait,omitempty"`
	EName     string         `json:"ename,omitempty"`
	EValue    string         `json:"evalue,omitempty"`
	Traceback []string       `json:"traceback,omitempty"`
	// Owner, when set, says on whose behalf the output was made, for a
	// recorder that attributes outputs to their maker (the cache gives its
	// own tokens to text that is written by one goroutine and published
	// later by another). Unset, the publishing goroutine is the maker. It
	// never leaves the process.
	Owner any `json:"-"`
}

// A Publisher receives the outputs that cells produce.
type Publisher func(Output)

var (
	publisherMu sync.RWMutex
	publisher   Publisher
)

// SetPublisher installs the function that receives every output published
// through this package, and returns the one it replaces. The executor installs
// its own at start; the cache wraps it to record outputs. A nil publisher
// discards outputs.
func SetPublisher(p Publisher) (previous Publisher) {
	publisherMu.Lock()
	defer publisherMu.Unlock()
	previous, publisher = publisher, p
	return previous
}

// Publish sends one output to the installed publisher, if any.
func Publish(o Output) {
	publisherMu.RLock()
	p := publisher
	publisherMu.RUnlock()
	if p != nil {
		p(o)
	}
}
