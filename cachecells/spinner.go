package cachecells

import (
	"html"
	"sync"
	"time"

	"github.com/gocell/gocell/display"
)

// spinner is the "Running F(...)" display shown while the outermost miss
// computes. It appears only after the spinner delay, so quick misses show
// nothing, and it is retracted when the call ends (display.Retract), so it leaves
// nothing in the cell's outputs.
type spinner struct {
	c     *Cache
	id    string
	text  string
	mu    sync.Mutex
	timer *time.Timer
	shown bool
	done  bool
}

func (c *Cache) sendRaw(o display.Output) {
	if p := c.rec.forward.Load(); p != nil {
		if *p != nil {
			(*p)(o)
		}
		return
	}
	c.publish(o)
}

func (c *Cache) startSpinner(text string) *spinner {
	s := &spinner{c: c, id: freshDisplayID(), text: text}
	if c.spinnerDelay < 0 {
		s.show()
	} else {
		s.mu.Lock()
		s.timer = time.AfterFunc(c.spinnerDelay, s.show)
		s.mu.Unlock()
	}
	return s
}

func (s *spinner) show() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return
	}
	s.shown = true
	s.c.sendRaw(display.Output{
		Kind: display.DisplayData,
		Data: display.MIMEBundle{
			"text/plain": s.text,
			"text/html":  `<div class="gocell-spinner"><span>&#8987;</span> ` + html.EscapeString(s.text) + `</div>`,
		},
		Metadata:  map[string]any{"gocell": map[string]any{"spinner": true}},
		DisplayID: s.id,
	})
}

// stop removes the spinner; safe on a nil spinner.
func (s *spinner) stop() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return
	}
	s.done = true
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.shown {
		// Retracted, not emptied: an emptied display would stay in the
		// saved notebook as a blank output (rule 16).
		s.c.sendRaw(display.Output{
			Kind:      display.Retract,
			Metadata:  map[string]any{"gocell": map[string]any{"spinner": true}},
			DisplayID: s.id,
		})
	}
}
