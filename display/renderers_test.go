package display

import (
	"fmt"
	"testing"
)

// kelvin has a String method; a registered renderer still shows it, as
// bundled packages show matrices that have Format methods.
type kelvin float64

func (c kelvin) String() string { return fmt.Sprintf("%.1fK", float64(c)) }

func TestRegisteredRenderer(t *testing.T) {
	saved := renderers.list
	defer func() { renderers.list = saved }()
	RegisterRenderer(func(v any) MIMEBundle { return nil }) // declines everything
	RegisterRenderer(func(v any) MIMEBundle {
		if c, ok := v.(kelvin); ok {
			return MIMEBundle{mimeHTML: fmt.Sprintf("<b>%.1f</b>", float64(c))}
		}
		return nil
	})
	b := Render(kelvin(21.5))
	if b[mimeHTML] != "<b>21.5</b>" || b[mimePlain] != "21.5K" {
		t.Errorf("Render(kelvin) = %v", b)
	}
	if b := Render(3); b[mimeHTML] != nil || b[mimePlain] != "3" {
		t.Errorf("a value no renderer takes: %v", b)
	}
}
