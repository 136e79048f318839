package interp

import (
	"reflect"
	"sort"
	"strings"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/interp/internal/names"
)

// Rule 4's other half: the package-level variables a cached function keeps
// as its own state are not inputs. names finds, from the syntax, what each
// reached function assigns, increments, appends to, takes the address of
// or calls a method on; here, with the values at hand, the method calls are
// narrowed to those with a pointer receiver (mu.Lock, not db.Name), and
// everything to notebook variables.

// stateVars returns the notebook variables that the declarations in reach
// write, each with the reasons, sorted by name.
func (s *Session) stateVars(reach []*names.Decl) []cachecells.StateVar {
	reasons := map[string][]string{}
	for _, d := range reach {
		for _, w := range d.Writes {
			if !s.isVar(w.Name) {
				continue
			}
			if w.Method != "" && !s.pointerMethod(w) {
				continue
			}
			r := d.Name + " " + w.Text()
			if !contains(reasons[w.Name], r) {
				reasons[w.Name] = append(reasons[w.Name], r)
			}
		}
	}
	out := make([]cachecells.StateVar, 0, len(reasons))
	for name, rs := range reasons {
		if len(rs) > 3 {
			rs = append(rs[:3], "...")
		}
		out = append(out, cachecells.StateVar{Name: name, Reason: strings.Join(rs, "; ")})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// pointerMethod reports whether the method call w on a notebook variable
// (or on a field inside it) may change it: the method has a pointer
// receiver. The variable's current value tells for host types (sync.Mutex,
// bytes.Buffer); the interpreter's own types have no methods reflection can
// see, so for them a notebook method of that name with a pointer receiver
// decides.
func (s *Session) pointerMethod(w names.Write) bool {
	v, ok := s.currentGlobals()[w.Name]
	if !ok {
		return s.notebookPointerMethod(w.Method)
	}
	t := v.Type()
	if t.Kind() == reflect.Interface {
		if v.IsNil() {
			return false
		}
		t = v.Elem().Type()
	}
	for _, f := range w.Fields {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return s.notebookPointerMethod(w.Method)
		}
		sf, ok := t.FieldByName(f)
		if !ok {
			// Unexported fields of interpreted structs are X<name>.
			sf, ok = t.FieldByName("X" + f)
		}
		if !ok {
			return s.notebookPointerMethod(w.Method)
		}
		t = sf.Type
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Interface {
		return false // a call through an interface does not change the variable's content
	}
	_, onValue := t.MethodByName(w.Method)
	_, onPointer := reflect.PointerTo(t).MethodByName(w.Method)
	switch {
	case onValue:
		return false
	case onPointer:
		return true
	}
	return s.notebookPointerMethod(w.Method)
}

// notebookPointerMethod reports whether a notebook type has a method m with
// a pointer receiver.
func (s *Session) notebookPointerMethod(m string) bool {
	for _, n := range s.reg.Names() {
		if !strings.HasSuffix(n, "."+m) {
			continue
		}
		d := s.reg.Lookup(n)
		if d.Kind != "method" {
			continue
		}
		recv, _, ok := strings.Cut(strings.TrimPrefix(d.Canonical, "func ("), ")")
		if ok && strings.Contains(recv, "*") {
			return true
		}
	}
	return false
}
