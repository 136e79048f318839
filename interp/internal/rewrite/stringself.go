package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// stringerSelfMethods gives a GocellSelf method (see selfMethods) to every
// notebook type of the chunk whose String method has a value receiver,
// and to every struct type that gets a String or Error method from an
// embedded field: yaegi's fmt.Stringer wrapper keeps only a struct's last
// field (or a defined type's bare underlying value), so %T of a Stringer
// read int; with the method, package stdfix's wrapper returns the value
// whole (stringself.go there). A type that already gets GocellSelf (an
// Error method with a value receiver) is left alone, as is a struct that
// declares String or Error itself (its own method gets it).
func (r *rewriter) stringerSelfMethods() {
	if !strings.Contains(r.text, "String()") && !strings.Contains(r.text, "struct") {
		return
	}
	// The methods of the chunk: receiver type -> method -> value receiver.
	own := map[string]map[string]bool{}
	for _, d := range r.decls {
		f, ok := d.(*ast.FuncDecl)
		if !ok || f.Recv == nil || len(f.Recv.List) != 1 || f.Body == nil {
			continue
		}
		t, byValue := f.Recv.List[0].Type, true
		if s, ok := t.(*ast.StarExpr); ok {
			t, byValue = s.X, false
		}
		id, ok := t.(*ast.Ident)
		if !ok {
			continue
		}
		if own[id.Name] == nil {
			own[id.Name] = map[string]bool{}
		}
		own[id.Name][f.Name.Name] = byValue
	}
	// has reports whether type name declares method m, with a value
	// receiver unless ptrOK.
	has := func(name, m string, ptrOK bool) bool {
		if v, ok := own[name][m]; ok {
			return v || ptrOK
		}
		fi, ok := r.facts.MethodOf(name, m)
		return ok && (!fi.PtrRecv || ptrOK)
	}
	selfed := func(name string) bool {
		return has(name, "Error", false) || has(name, selfMethod, false)
	}
	// A String method with a value receiver.
	for _, d := range r.decls {
		f, ok := d.(*ast.FuncDecl)
		if !ok || f.Recv == nil || len(f.Recv.List) != 1 || f.Name.Name != "String" || f.Body == nil {
			continue
		}
		recv, ok := f.Recv.List[0].Type.(*ast.Ident)
		if !ok || f.Type.Params.NumFields() != 0 || f.Type.Results.NumFields() != 1 || selfed(recv.Name) {
			continue
		}
		end := r.off(f.End())
		r.edits = append(r.edits, srcEdit{end - 1, end, "}; " + selfMethodText(recv.Name)})
	}
	// Struct types whose String or Error comes from an embedded field.
	structs := map[string]*ast.StructType{}
	for _, d := range r.decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, s := range g.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok && ts.TypeParams == nil && !ts.Assign.IsValid() {
					if st, ok := ts.Type.(*ast.StructType); ok {
						structs[ts.Name.Name] = st
					}
				}
			}
		}
	}
	var promotes func(name string, ptr bool, depth int) bool
	promotes = func(name string, ptr bool, depth int) bool {
		if depth > 4 {
			return false
		}
		if has(name, "String", ptr) || has(name, "Error", ptr) {
			return true
		}
		if st, ok := structs[name]; ok {
			for _, f := range st.Fields.List {
				if len(f.Names) == 0 && embeddedPromotes(f.Type, ptr, depth, promotes) {
					return true
				}
			}
			return false
		}
		for _, f := range r.facts.StructFields(name) {
			if e := strings.TrimPrefix(f.Type, "*"); e == f.Name && promotes(e, ptr || f.Type != e, depth+1) {
				return true
			}
		}
		return false
	}
	for _, d := range r.decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		var add []string
		for _, s := range g.Specs {
			ts, ok := s.(*ast.TypeSpec)
			if !ok || structs[ts.Name.Name] == nil || has(ts.Name.Name, "String", true) || has(ts.Name.Name, "Error", true) || selfed(ts.Name.Name) {
				continue
			}
			for _, f := range structs[ts.Name.Name].Fields.List {
				if len(f.Names) == 0 && embeddedPromotes(f.Type, false, 0, promotes) {
					add = append(add, selfMethodText(ts.Name.Name))
					break
				}
			}
		}
		if len(add) > 0 {
			end := r.off(g.End())
			r.edits = append(r.edits, srcEdit{end - 1, end, r.text[end-1:end] + "; " + strings.Join(add, "; ")})
		}
	}
}

// embeddedPromotes reports whether an embedded field of type t brings a
// String or Error method into a value's method set.
func embeddedPromotes(t ast.Expr, ptr bool, depth int, promotes func(string, bool, int) bool) bool {
	if s, ok := t.(*ast.StarExpr); ok {
		t, ptr = s.X, true
	}
	id, ok := t.(*ast.Ident)
	return ok && promotes(id.Name, ptr, depth+1)
}

// selfMethodText is the GocellSelf method of type name.
func selfMethodText(name string) string {
	return "func (__gocell_self " + name + ") " + selfMethod +
		"() (any, string) { var __gocell_v any = __gocell_self; return __gocell_v, " + strconv.Quote("main."+name) + " }"
}
