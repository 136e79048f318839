package stdfix

import (
	"fmt"
	"reflect"
	"strings"
)

// Operands of fmt.Print, Sprint and Fprint that Go counts as strings.
//
// fmt puts a space between two operands when neither is a string, by the
// operand's reflect kind. A notebook value of a string type with methods
// (type Word string with String) reaches fmt as a view (a printNode or a
// methodsView), which is no string, so fmt.Sprint(Word("x"), Word("y"))
// would read "<x> <y>" instead of Go's "<x><y>". spacedPrint writes the
// operands one by one with Go's spacing, by the kinds of the values the
// views stand for.

// goIsString reports whether Go sees the operand x as a string.
func goIsString(x any) bool {
	var v reflect.Value
	switch n := x.(type) {
	case nil:
		return false
	case printNode:
		v = reflect.ValueOf(n.raw())
	case methodsView:
		v = n.v
	default:
		v = reflect.ValueOf(x)
	}
	return v.IsValid() && v.Kind() == reflect.String
}

// spacedPrint returns what fmt.Sprint prints of a (already through
// printView) as Go spaces its operands, and false when fmt spaces them
// right itself.
func spacedPrint(a []any) (string, bool) {
	differ := false
	for _, x := range a {
		if goIsString(x) != (x != nil && reflect.TypeOf(x).Kind() == reflect.String) {
			differ = true
			break
		}
	}
	if !differ {
		return "", false
	}
	var b strings.Builder
	prevString := false
	for i, x := range a {
		isString := goIsString(x)
		if i > 0 && !isString && !prevString {
			b.WriteByte(' ')
		}
		fmt.Fprint(&b, x)
		prevString = isString
	}
	return b.String(), true
}

// basicNode is a value of a notebook type defined from a basic type
// (type Plain int) without methods fmt calls: it prints as the value,
// except that a verb wrong for its kind names the notebook type, as Go
// does (%!s(main.Plain=3), not %!s(int=3)).
type basicNode struct {
	v   reflect.Value
	typ string
}

func (n basicNode) raw() any { return valueOrNil(n.v) }

func (n basicNode) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	raw := n.raw()
	s := fmt.Sprintf(spec, raw)
	if verb != 'T' && verb != 'p' && raw != nil {
		bad := "%!" + string(verb) + "(" + reflect.TypeOf(raw).String() + "="
		if strings.HasPrefix(s, bad) {
			s = "%!" + string(verb) + "(" + n.typ + "=" + s[len(bad):]
		}
	}
	f.Write([]byte(s))
}

// basicView returns the node of v, of notebook type t, when it is a value
// of a defined basic type: false for other values, for bytes (fmt prints
// a []byte-like slice as bytes) and for a string at the top of a printed
// operand (fmt's spacing of Print operands goes by the operand's kind).
func basicView(v reflect.Value, t itypeOf, depth int) (any, bool) {
	name := t.name()
	if name == "" || !v.CanInterface() {
		return nil, false
	}
	switch k := v.Kind(); {
	case k == reflect.Uint8:
		return nil, false
	case k == reflect.String && depth == 0:
		return nil, false
	case basicType(k) == nil:
		return nil, false
	}
	if v.Type().NumMethod() > 0 {
		return nil, false // a host type: fmt calls its methods
	}
	return basicNode{v: v, typ: name}, true
}
