package names

import (
	"go/ast"
	"sync"
)

// ExprKind is what the rewrites need to know of an expression's type.
type ExprKind int

const (
	KindUnknown ExprKind = iota
	KindInt              // an integer, typed or an untyped constant
	KindOther            // known to be neither an integer nor an iterator
	KindSeq1             // func(yield func(V) bool)
	KindSeq2             // func(yield func(K, V) bool)
)

// FuncInfo describes a notebook function or method.
type FuncInfo struct {
	Results  int
	Result   ExprKind // kind of the only result
	Self     ExprKind // KindSeq1/KindSeq2 when the function is an iterator itself
	Generic  GenericResult
	Recovers bool // its body calls recover
	// For methods: the receiver's type name, whether it is a pointer, and
	// the signature (parameter types, results), to write method
	// expressions as function literals.
	Recv       string
	PtrRecv    bool
	Params     []string
	Variadic   bool
	ResultText string
	// TypeParams is the number of type parameters of a generic function.
	TypeParams int
}

// Facts is what the rewrites learned of the notebook's package-level names
// from their syntax, so a later cell's rewrite knows that n is an integer,
// that count(5) is an iterator or that mk() has one result. Facts are
// recorded as chunks are rewritten, before they compile: a cell that then
// fails to compile still leaves its facts behind (the later meaning of a
// name wins, which can only make a rewrite fail to apply, or a compile
// fail). The zero value is ready to use.
type Facts struct {
	mu      sync.Mutex
	funcs   map[string]FuncInfo
	methods map[string][]FuncInfo
	vars    map[string]ExprKind
	types   map[string]ExprKind
	elems   map[string]string // element types of maps and channels
	// concrete are the defined types that are neither interfaces nor
	// generic; varTypes the variables declared with one of them.
	concrete map[string]bool
	varTypes map[string]string
	errVars  map[string]bool // variables of type error
	fields   map[string][]Field
	typeText map[string]string   // variables' types as the syntax tells them
	varDecl  map[string]string   // the declarations of variables of unknown type (varsource.go)
	ifaces   map[string][]string // notebook interfaces: their methods, sorted
	consts   map[string]string   // integer constants' exact values (rewrite's boolconsts.go)
}

// VarTypeText returns the type of a notebook variable as written where
// the syntax tells it (var x T, x := T{...}, make(T)), or "".
func (t *Facts) VarTypeText(name string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.typeText[name]
}

// SetVarTypeText records the type of a notebook variable as written, or
// forgets it ("").
func (t *Facts) SetVarTypeText(name, typ string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.init()
	if typ == "" {
		delete(t.typeText, name)
		return
	}
	t.typeText[name] = typ
}

// Field is a field of a notebook struct type: its name and its type as
// written.
type Field struct{ Name, Type string }

// StructFields returns the fields of a notebook struct type, or nil.
func (t *Facts) StructFields(name string) []Field {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.fields[name]
}

// SetStructFields records the fields of a notebook type; nil for a type
// that is no struct.
func (t *Facts) SetStructFields(name string, fields []Field) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.init()
	t.fields[name] = fields
}

func (t *Facts) IsErrVar(name string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.errVars[name]
}

func (t *Facts) SetErrVar(name string, is bool) {
	t.mu.Lock()
	t.init()
	defer t.mu.Unlock()
	t.errVars[name] = is
}

func (t *Facts) IsConcrete(name string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.concrete[name]
}

func (t *Facts) VarType(name string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.varTypes[name]
}

func (t *Facts) SetVarType(name, typ string) {
	t.mu.Lock()
	t.init()
	defer t.mu.Unlock()
	if typ == "" {
		delete(t.varTypes, name)
		return
	}
	t.varTypes[name] = typ
}

func (t *Facts) Elem(name string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.elems[name]
}

// NoteElem records the element type of a map or channel variable.
func (t *Facts) NoteElem(name string, typ ast.Expr) {
	if typ == nil {
		return
	}
	var e ast.Expr
	switch x := typ.(type) {
	case *ast.MapType:
		e = x.Value
	case *ast.ChanType:
		e = x.Value
	default:
		return
	}
	t.mu.Lock()
	t.init()
	defer t.mu.Unlock()
	t.elems[name] = ExprString(e)
}

func (t *Facts) IsFunc(name string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, ok := t.funcs[name]
	return ok
}

func (t *Facts) Func(name string) (FuncInfo, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, ok := t.funcs[name]
	return f, ok
}

// Method returns what all the methods of this name agree on.
func (t *Facts) Method(name string) (FuncInfo, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ms := t.methods[name]
	if len(ms) == 0 {
		return FuncInfo{}, false
	}
	for _, m := range ms[1:] {
		if m.Results != ms[0].Results || m.Result != ms[0].Result || m.Recovers != ms[0].Recovers {
			return FuncInfo{}, false
		}
	}
	return ms[0], true
}

// MethodsNamed returns the notebook's methods of that name, one per
// receiver type.
func (t *Facts) MethodsNamed(name string) []FuncInfo {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]FuncInfo(nil), t.methods[name]...)
}

func (t *Facts) HasVar(name string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, ok := t.vars[name]
	return ok
}

func (t *Facts) VarKind(name string) ExprKind {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.vars[name]
}

func (t *Facts) TypeKind(name string) ExprKind {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.types[name]
}

func (t *Facts) set(m func() map[string]ExprKind, name string, k ExprKind) {
	if name == "_" {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.init()
	m()[name] = k
}

// MethodOf returns the method name of the type named recv.
func (t *Facts) MethodOf(recv, name string) (FuncInfo, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ms := t.methods[name]
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Recv == recv {
			return ms[i], true
		}
	}
	return FuncInfo{}, false
}

// init makes the maps of a zero Facts; t.mu is held.
func (t *Facts) init() {
	if t.funcs != nil {
		return
	}
	t.funcs = map[string]FuncInfo{}
	t.methods = map[string][]FuncInfo{}
	t.vars = map[string]ExprKind{}
	t.types = map[string]ExprKind{}
	t.elems = map[string]string{}
	t.concrete = map[string]bool{}
	t.varTypes = map[string]string{}
	t.errVars = map[string]bool{}
	t.fields = map[string][]Field{}
	t.typeText = map[string]string{}
	t.ifaces = map[string][]string{}
	t.consts = map[string]string{}
}

// SetVar records what kind of value a notebook variable holds.
func (t *Facts) SetVar(name string, k ExprKind) {
	t.set(func() map[string]ExprKind { return t.vars }, name, k)
}

// SetType records what kind of value a notebook type describes.
func (t *Facts) SetType(name string, k ExprKind) {
	t.set(func() map[string]ExprKind { return t.types }, name, k)
}

// SetConcrete records whether a notebook type is concrete: neither an
// interface, nor generic, nor an alias.
func (t *Facts) SetConcrete(name string, concrete bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.init()
	t.concrete[name] = concrete
}

// SetFunc records a notebook function.
func (t *Facts) SetFunc(name string, f FuncInfo) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.init()
	t.funcs[name] = f
}

// AddMethod records a method of this name of some notebook type. The last
// few redefinitions are kept: Method answers only what they agree on.
func (t *Facts) AddMethod(name string, f FuncInfo) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.init()
	ms := append(t.methods[name], f)
	if len(ms) > 8 {
		ms = ms[len(ms)-8:]
	}
	t.methods[name] = ms
}

// GenericResult says how the result type of a generic function relates to
// its arguments, for declaring a notebook variable from a call.
type GenericResult int

const (
	ResultConcrete GenericResult = iota // not generic: int, bool, ...
	ResultArg0                          // the type of the first argument
	ResultElem0                         // the element type of the first argument
	ResultOpaque                        // generic some other way
)

// Interface reports whether a notebook type is an interface, and its
// methods (sorted, those of embedded interfaces included when known).
func (t *Facts) Interface(name string) ([]string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	m, ok := t.ifaces[name]
	return m, ok
}

// SetInterface records a notebook interface and its methods, or forgets
// that a type is one (methods nil and !is).
func (t *Facts) SetInterface(name string, is bool, methods []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.init()
	if !is {
		delete(t.ifaces, name)
		return
	}
	t.ifaces[name] = methods
}
