package interp

import (
	"go/ast"
	"reflect"
	"sync"
	"unsafe"

	yaegi "github.com/traefik/yaegi/interp"
)

// yaegi runs a cell's statements in the interpreter's global frame, and
// every value the block computes gets a slot of its own there: the result
// of a call passed on (len(Load())), a value assigned to _, a variable of an
// inner block or loop. Slots are never reused, so each run of such a cell
// kept what it computed alive until the interpreter was rebuilt: re-running
// `len(Load())` on an 80 MB cached result grew the executor by 80 MB a time,
// and the garbage collector and the page faults of a growing heap made every
// later cell slow. Once a block has finished, its slots that are not
// notebook variables are dead, unless a function literal of the block (a
// closure, a goroutine, a deferred call) still reads them: such blocks are
// left alone. A pointer to one of the values keeps it alive, as in Go: the
// slot gets a new zero value, the value itself is not touched.

// globalFrame is the interpreter's global frame, reached through yaegi's
// unexported fields (yaegi is pinned at one version; the shape is checked).
type globalFrame struct {
	data *[]reflect.Value
	mu   *sync.RWMutex
}

var (
	valueSliceType = reflect.TypeOf([]reflect.Value(nil))
	rwMutexType    = reflect.TypeOf(sync.RWMutex{})
)

// frameOf returns yi's global frame, or false if yaegi's shape is not the
// one this code knows.
func frameOf(yi *yaegi.Interpreter) (globalFrame, bool) {
	f := reflect.ValueOf(yi).Elem().FieldByName("frame")
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.Type().Elem().Kind() != reflect.Struct {
		return globalFrame{}, false
	}
	ptr := *(*unsafe.Pointer)(unsafe.Pointer(f.UnsafeAddr()))
	if ptr == nil {
		return globalFrame{}, false
	}
	fr := reflect.NewAt(f.Type().Elem(), ptr).Elem()
	data, mu := fr.FieldByName("data"), fr.FieldByName("mutex")
	if !data.IsValid() || data.Type() != valueSliceType || !mu.IsValid() || mu.Type() != rwMutexType {
		return globalFrame{}, false
	}
	return globalFrame{
		data: (*[]reflect.Value)(unsafe.Pointer(data.UnsafeAddr())),
		mu:   (*sync.RWMutex)(unsafe.Pointer(mu.UnsafeAddr())),
	}, true
}

// frameLen is the number of slots of the global frame, -1 if unknown.
func (s *Session) frameLen() int {
	fr, ok := frameOf(s.yi)
	if !ok {
		return -1
	}
	fr.mu.RLock()
	defer fr.mu.RUnlock()
	return len(*fr.data)
}

// hasFuncLit reports whether a block has a function literal, which may
// read the block's slots after it ends.
func hasFuncLit(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			found = true
		}
		return !found
	})
	return found
}

// dropBlockValues gives every slot from index from on that is not a
// notebook variable a fresh zero value, after a block without function
// literals has finished.
func (s *Session) dropBlockValues(from int) {
	if from < 0 {
		return
	}
	fr, ok := frameOf(s.yi)
	if !ok {
		return
	}
	keep := map[uintptr]bool{}
	for _, v := range globals(s.yi) {
		if v.IsValid() && v.CanAddr() {
			keep[v.UnsafeAddr()] = true
		}
	}
	fr.mu.Lock()
	defer fr.mu.Unlock()
	data := *fr.data
	for i := from; i < len(data); i++ {
		v := data[i]
		if !v.IsValid() || !v.CanAddr() || keep[v.UnsafeAddr()] || !holdsMemory(v.Kind()) {
			continue
		}
		data[i] = reflect.New(v.Type()).Elem()
	}
}

// holdsMemory reports whether values of kind k can keep other memory alive.
func holdsMemory(k reflect.Kind) bool {
	switch k {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	}
	return true
}
