package kernel

import (
	"reflect"
	"testing"

	"github.com/gocell/gocell/display"
)

func disp(id, text string) display.Output {
	return display.Output{Kind: display.DisplayData, DisplayID: id, Data: display.MIMEBundle{"text/plain": text}}
}

func TestRetractRepublishesTheOthers(t *testing.T) {
	var s shownOutputs
	req := &Message{Header: Header{MsgID: "r1"}}
	for _, o := range []display.Output{
		{Kind: display.Stream, Name: "stdout", Text: "a"},
		{Kind: display.Stream, Name: "stdout", Text: "b"},
		disp("p", "0%"),
		{Kind: display.Stream, Name: "stderr", Text: "warn"},
		disp("spin", "Running F(...)"),
		{Kind: display.UpdateDisplayData, DisplayID: "p", Data: display.MIMEBundle{"text/plain": "100%"}},
		{Kind: display.Stream, Name: "stderr", Text: "ing"},
	} {
		if _, handled := s.note(req, o); handled {
			t.Fatalf("%v handled", o.Kind)
		}
	}
	got, handled := s.note(req, display.Output{Kind: display.Retract, DisplayID: "spin"})
	want := []display.Output{
		{Kind: display.ClearOutput, Wait: true},
		{Kind: display.Stream, Name: "stdout", Text: "ab"},
		disp("p", "100%"),
		{Kind: display.Stream, Name: "stderr", Text: "warning"},
	}
	if !handled || !reflect.DeepEqual(got, want) {
		t.Fatalf("retract gave %+v, want %+v", got, want)
	}
	// Alone in its cell: a plain clear.
	req2 := &Message{Header: Header{MsgID: "r2"}}
	s.note(req2, disp("spin2", "Running"))
	got, _ = s.note(req2, display.Output{Kind: display.Retract, DisplayID: "spin2"})
	if !reflect.DeepEqual(got, []display.Output{{Kind: display.ClearOutput}}) {
		t.Fatalf("alone: %+v", got)
	}
	// Cleared already: nothing to do.
	s.note(req2, disp("spin3", "Running"))
	s.note(req2, display.Output{Kind: display.ClearOutput})
	if got, _ = s.note(req2, display.Output{Kind: display.Retract, DisplayID: "spin3"}); got != nil {
		t.Fatalf("after a clear: %+v", got)
	}
}

// Past the bound the kernel keeps nothing and empties the display instead.
func TestRetractFallbackPastTheBound(t *testing.T) {
	var s shownOutputs
	req := &Message{Header: Header{MsgID: "r"}}
	s.note(req, disp("spin", "Running"))
	for i := 0; i <= trackMaxOutputs; i++ {
		s.note(req, display.Output{Kind: display.Stream, Name: []string{"stdout", "stderr"}[i%2], Text: "x"})
	}
	got, _ := s.note(req, display.Output{Kind: display.Retract, DisplayID: "spin"})
	if len(got) != 1 || got[0].Kind != display.UpdateDisplayData || got[0].DisplayID != "spin" {
		t.Fatalf("fallback %+v", got)
	}
}
