package stdfix

import (
	"fmt"
	"reflect"
	"strings"
)

// %#v of notebook values without methods: yaegi's reflect types of the
// notebook's struct types are anonymous (struct { X int; Y int }{X:1, Y:2}
// for main.Vertex{X:1, Y:2}), and a named non-struct type has its
// underlying type ([]int{0, 1} for []main.Color{0, 1}). The rewrite passes
// an argument printed with %#v through fixGoSyntax, with the Go type of
// the argument when its syntax tells it.

// goSyntaxArg prints its value as fmt does, naming the notebook's struct
// types with %#v, and its outer type typ when that is known.
type goSyntaxArg struct {
	typ string
	v   any
}

func (g goSyntaxArg) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	if verb != 'v' || !f.Flag('#') || g.v == nil {
		fmt.Fprintf(f, spec, g.v)
		return
	}
	v := reflect.ValueOf(g.v)
	s := goSyntax(spec, v)
	if g.typ != "" {
		// The outer type as fmt printed it (struct names already
		// replaced): the notebook's name for it instead.
		rt := namedTypeString(v.Type(), 0)
		if strings.HasPrefix(s, rt) && (len(s) == len(rt) || strings.ContainsRune("{(", rune(s[len(rt)]))) {
			s = g.typ + s[len(rt):]
		}
	}
	fmt.Fprint(f, s)
}

// fixGoSyntax wraps a value printed with %#v; typ is its Go type, or "".
func fixGoSyntax(typ string, v any) any {
	if _, ok := v.(fmt.Formatter); ok {
		return v // shown through its methods (show.go)
	}
	v = unwrapInterp(v)
	if v == nil {
		return nil
	}
	return goSyntaxArg{typ, v}
}
