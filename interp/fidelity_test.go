package interp

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/gocell/gocell/display"
)

// A user expression's error names its own line and column.
func TestEvaluateErrorPosition(t *testing.T) {
	prev := display.SetPublisher(nil)
	defer display.SetPublisher(prev)
	s, err := NewSession(func(display.Output) {})
	if err != nil {
		t.Fatal(err)
	}
	var r struct{ Status, EValue string }
	if err := json.Unmarshal(s.Evaluate(context.Background(), "1 + nosuch"), &r); err != nil {
		t.Fatal(err)
	}
	if r.Status != "error" || !strings.Contains(r.EValue, "undefined: nosuch") || !strings.Contains(r.EValue, "line 1, column 5") {
		t.Fatalf("got %+v, want undefined: nosuch at line 1, column 5", r)
	}
}
