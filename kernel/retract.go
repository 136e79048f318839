package kernel

import (
	"sync"

	"github.com/gocell/gocell/display"
)

// Retracting a display (display.Retract: the cache's spinner, once the
// computation it stood for is done) must leave nothing in the notebook the
// front end saves. Jupyter has no message that removes one output, and an
// emptied display stays in the .ipynb as a blank output, so the kernel keeps
// what it has published for the running request and, on a retraction,
// clears the cell's outputs and publishes the others again.

// trackLimit bounds what is kept per request. A cell that shows more than
// this falls back to emptying the retracted display: a blank output is left
// behind rather than holding or resending megabytes.
const (
	trackMaxBytes   = 4 << 20
	trackMaxOutputs = 512
)

// shownOutputs is what the front end shows for one request, as the kernel
// published it: adjacent stream text merged, displays with their latest
// data, in order.
type shownOutputs struct {
	mu        sync.Mutex
	parent    string // msg_id of the request the outputs belong to
	outs      []display.Output
	bytes     int
	clearNext bool // a clear_output(wait=true) takes effect at the next output
	overflow  bool // too much to track: retractions fall back to emptying
}

func parentID(m *Message) string {
	if m == nil {
		return ""
	}
	return m.Header.MsgID
}

func outputBytes(o display.Output) int {
	n := len(o.Text) + len(o.DisplayID) + 64
	for k, v := range o.Data {
		n += len(k)
		if s, ok := v.(string); ok {
			n += len(s)
		} else {
			n += 256 // JSON data: an estimate is enough for a bound
		}
	}
	for _, t := range o.Traceback {
		n += len(t)
	}
	return n
}

// note records o, published under parent. It returns the messages that
// replace a Retract (nil to publish o as it is).
func (s *shownOutputs) note(parent *Message, o display.Output) (replace []display.Output, handled bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id := parentID(parent); id != s.parent {
		s.parent, s.outs, s.bytes, s.clearNext, s.overflow = id, nil, 0, false, false
	}
	switch o.Kind {
	case display.Retract:
		return s.retract(o.DisplayID), true
	case display.ClearOutput:
		if o.Wait {
			s.clearNext = true
		} else {
			s.outs, s.bytes = nil, 0
		}
		return nil, false
	case display.UpdateDisplayData:
		for i := range s.outs {
			if s.outs[i].DisplayID == o.DisplayID && s.outs[i].Kind == display.DisplayData {
				s.bytes += outputBytes(o) - outputBytes(s.outs[i])
				s.outs[i].Data, s.outs[i].Metadata = o.Data, o.Metadata
			}
		}
		s.checkBound()
		return nil, false
	case display.Stream, display.DisplayData, display.ExecuteResult, display.Error:
	default:
		return nil, false
	}
	if s.clearNext {
		s.outs, s.bytes, s.clearNext = nil, 0, false
	}
	if s.overflow {
		return nil, false
	}
	if n := len(s.outs); o.Kind == display.Stream && n > 0 && s.outs[n-1].Kind == display.Stream && s.outs[n-1].Name == o.Name {
		s.outs[n-1].Text += o.Text
	} else {
		s.outs = append(s.outs, o)
	}
	s.bytes += outputBytes(o)
	s.checkBound()
	return nil, false
}

func (s *shownOutputs) checkBound() {
	if s.bytes > trackMaxBytes || len(s.outs) > trackMaxOutputs {
		s.outs, s.bytes, s.overflow = nil, 0, true
	}
}

// retract returns what to publish to take display id out of the cell.
func (s *shownOutputs) retract(id string) []display.Output {
	if s.overflow {
		// Fallback: the display stays, empty.
		return []display.Output{{Kind: display.UpdateDisplayData, DisplayID: id, Data: display.MIMEBundle{"text/plain": ""}}}
	}
	kept := s.outs[:0:0]
	found := false
	for _, o := range s.outs {
		if o.Kind == display.DisplayData && o.DisplayID == id {
			found = true
			continue
		}
		if n := len(kept); o.Kind == display.Stream && n > 0 && kept[n-1].Kind == display.Stream && kept[n-1].Name == o.Name {
			// Text on both sides of the retracted display is one output now.
			kept[n-1].Text += o.Text
			continue
		}
		kept = append(kept, o)
	}
	if !found {
		return nil // never shown, or cleared already
	}
	s.outs = kept
	s.bytes = 0
	for _, o := range kept {
		s.bytes += outputBytes(o)
	}
	if len(kept) == 0 {
		return []display.Output{{Kind: display.ClearOutput}}
	}
	// Cleared when the first of the others arrives, so the front end does
	// not flicker through an empty cell.
	return append([]display.Output{{Kind: display.ClearOutput, Wait: true}}, kept...)
}
