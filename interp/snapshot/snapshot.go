// Package snapshot saves notebook variables outside the executor and
// brings them back into a new interpreter.
//
// A variable is encoded on its own (one file per variable in a directory
// the kernel owns), with a description of the types it was written with,
// so that it can be read into a variable whose type changed (fields
// matched by name). Objects keep their identity: two variables pointing
// to the same object still do after a restore, a pointer to another
// notebook variable points to the new variable, cycles are kept. Numbers
// in slices and arrays are written as raw memory. What cannot be saved
// (channels, funcs, open files, host objects with internal state) is
// reported per variable, with the path inside the value, as a *VarError.
package snapshot

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

const magic = "gocell-snapshot 1\n"

// VarError says why one variable could not be saved or restored.
type VarError struct {
	Var    string // the notebook variable
	Path   string // where inside its value, e.g. ".items[3]"; "" for the variable itself
	Type   string // the Go type found there
	Reason string
}

func (e *VarError) Error() string {
	where := e.Var + e.Path
	if e.Type != "" {
		return fmt.Sprintf("%s (%s): %s", where, e.Type, e.Reason)
	}
	return where + ": " + e.Reason
}

func varError(name string, err error) *VarError {
	ve := &VarError{Var: name, Reason: err.Error()}
	if pe, ok := err.(*pathError); ok {
		for i := len(pe.path) - 1; i >= 0; i-- {
			ve.Path += pe.path[i]
		}
		if pe.typ != nil {
			ve.Type = pe.typ.String()
		}
	}
	return ve
}

// Encoded is one variable in its saved form.
type Encoded struct {
	Name    string
	Type    string   // Go source of its type, to declare it again ("" if unknown)
	Imports []string // packages Type refers to
	Size    int64    // bytes WriteTo writes
	// Refs are the other notebook variables it points into (p := &x):
	// a change made through it changes them, not its own encoding.
	Refs []string
	segs [][]byte  // may alias the variable's memory until it changes
	objs []uintptr // addresses of the objects (pointed to, maps) it holds
}

// WriteTo writes the encoding. Large number spans are read from the
// variable itself, so write before the variable can change.
func (e *Encoded) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, s := range e.segs {
		m, err := w.Write(s)
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Encoder encodes variables of one interpreter at one moment. Build one
// per snapshot: the first pointer met indexes the addresses of all
// globals, to tell pointers to notebook variables from other pointers.
type Encoder struct {
	types   *Types
	gi      *globalIndex
	typeIDs map[reflect.Type]int // reused from one variable to the next
	objs    map[objKey]int
}

// NewEncoder prepares to encode variables among globals, the values
// yaegi's Interpreter.Globals returns. types (may be nil) names host types
// the way the notebook does (TypesFrom of the interpreter's tables).
func NewEncoder(globals map[string]reflect.Value, types *Types) *Encoder {
	return &Encoder{types: types, gi: &globalIndex{globals: globals}}
}

// Encode encodes v, the variable name. typeHint is the Go source of the
// variable's declared type where the caller knows it (notebook types
// appear unnamed in reflect); without one the type is written from
// reflect. An encoding past maxBytes (if > 0) stops with a *VarError.
func (enc *Encoder) Encode(name, typeHint string, v reflect.Value, maxBytes int64) (ed *Encoded, err error) {
	ed = &Encoded{Name: name, Type: typeHint}
	if typeHint == "" {
		te := enc.types.typeExprOf(v.Type())
		ed.Type, ed.Imports = te.expr, te.imports
	}
	if enc.typeIDs == nil {
		enc.typeIDs, enc.objs = map[reflect.Type]int{}, map[objKey]int{}
	}
	clear(enc.typeIDs)
	clear(enc.objs)
	e := &encoder{limit: maxBytes, types: enc.typeIDs, objs: enc.objs, globals: enc.gi}
	e.bytes([]byte(magic))
	e.str(name)
	e.str(ed.Type)
	e.uvarint(uint64(len(ed.Imports)))
	for _, p := range ed.Imports {
		e.str(p)
	}
	defer func() {
		if r := recover(); r != nil {
			if tb, ok := r.(errTooBig); ok {
				ed, err = nil, &VarError{Var: name, Type: v.Type().String(),
					Reason: fmt.Sprintf("not saved: its encoding is over the snapshot size bound (%s)", FormatBytes(tb.size))}
				return
			}
			// A value reflect cannot walk must not take the executor down.
			ed, err = nil, &VarError{Var: name, Type: v.Type().String(), Reason: fmt.Sprint("cannot be saved: ", r)}
		}
	}()
	e.rootType(v.Type())
	if err := e.value(v); err != nil {
		ve := varError(name, err)
		if pe, ok := err.(*pathError); ok && pe.typ != nil {
			if te := enc.types.typeExprOf(pe.typ); te.expr != "" {
				ve.Type = te.expr // as the notebook writes it
			}
		}
		if !strings.HasPrefix(ve.Reason, "cannot") {
			ve.Reason = "cannot be saved: " + ve.Reason
		}
		return nil, ve
	}
	ed.segs = e.finish()
	ed.Size = e.size
	ed.Refs = e.refs
	for k := range e.objs {
		ed.objs = append(ed.objs, k.addr)
	}
	return ed, nil
}

// Saved is one variable read back from a snapshot.
type Saved struct {
	Name    string
	Type    string
	Imports []string
	data    []byte
	body    int // offset of the value in data
}

// Parse reads the header of one encoded variable.
func Parse(data []byte) (sv *Saved, err error) {
	if !strings.HasPrefix(string(data[:min(len(data), len(magic))]), magic) {
		return nil, fmt.Errorf("not a gocell snapshot")
	}
	defer func() {
		if r := recover(); r != nil {
			sv, err = nil, fmt.Errorf("damaged snapshot: %v", r)
		}
	}()
	d := &decoder{data: data, off: len(magic)}
	sv = &Saved{Name: d.str(), Type: d.str(), data: data}
	for n := d.uvarint(); n > 0; n-- {
		sv.Imports = append(sv.Imports, d.str())
	}
	sv.body = d.off
	return sv, nil
}

// RestoreOptions are what a restore needs from the new interpreter.
type RestoreOptions struct {
	// Types finds host types of values held in interfaces (TypesFrom).
	Types *Types
	// Eval runs a statement in the new interpreter. It is needed only for
	// variables of interface types declared in the notebook.
	Eval func(src string) error
}

// Restore reads saved variables into globals, the new interpreter's
// variables, declared beforehand with the saved types (or changed ones).
// Objects shared between variables are shared again. It returns what
// could not be restored; everything else was.
func Restore(saved []*Saved, globals map[string]reflect.Value, opt RestoreOptions) []*VarError {
	shared := map[objKey]reflect.Value{}
	var lost []*VarError
	for _, sv := range saved {
		target, ok := globals[sv.Name]
		if !ok || !target.CanSet() {
			lost = append(lost, &VarError{Var: sv.Name, Type: sv.Type, Reason: "not restored: the variable is not declared"})
			continue
		}
		d := &decoder{data: sv.data, off: sv.body, shared: shared, globals: globals,
			ts: opt.Types, eval: opt.Eval, name: sv.Name, top: true}
		if err := d.restore(target); err != nil {
			ve := varError(sv.Name, err)
			ve.Reason = "not restored: " + ve.Reason
			lost = append(lost, ve)
		}
	}
	return lost
}

func (d *decoder) restore(target reflect.Value) (err error) {
	defer func() {
		if err != nil {
			target.SetZero() // a variable half restored would mislead
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			err = fmt.Errorf("%v", r)
		}
	}()
	s := d.typeRef()
	return d.value(s, target)
}

// FormatBytes writes n the way the user sets limits: 1.5GiB, 512MiB.
func FormatBytes(n int64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	f := float64(n)
	i := 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%dB", n)
	}
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", f), "0"), ".") + units[i]
}
