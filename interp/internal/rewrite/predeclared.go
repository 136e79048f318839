package rewrite

// Notebook variables named after a predeclared type.
//
// A variable declared at a cell's top level is a global of the notebook
// to yaegi, and one named string, int, float64 or complex128 replaces the
// predeclared type in its global scope: every untyped constant of later
// code ("text", 2, 1.5) then fails to compile (a CFG panic). Go allows the
// name inside main, so the cell stops with an error naming it; in a
// function, or with another name, it runs.
var untypedDefaults = map[string]bool{"string": true, "int": true, "float64": true, "complex128": true}

// predeclaredTypeVars refuses a top-level variable hiding one of them, and
// one named like a notebook function that other declarations call: Go's
// main would hide the function from there on, but to yaegi the variable
// replaces the function in the notebook, and the functions calling it fail
// to compile.
func (r *rewriter) predeclaredTypeVars() {
	for _, s := range r.body {
		for _, id := range declaredIdents(s) {
			if id.Name != "_" && r.notebookFunc(id.Name) {
				r.fail(id, "a notebook variable named %s would replace the notebook function %s, which the functions calling it need: give the variable another name (%sVal), or declare it inside a function", id.Name, id.Name, id.Name)
				return
			}
			if untypedDefaults[id.Name] {
				r.fail(id, "a notebook variable named %s hides the predeclared type %s, which the interpreter then needs for every constant: give the variable another name (%sVal), or declare it inside a function", id.Name, id.Name, id.Name)
				return
			}
		}
	}
}

// notebookFunc reports whether name is a function declared by a cell that
// another declaration of the notebook uses.
func (r *rewriter) notebookFunc(name string) bool {
	if r.reg == nil {
		return false
	}
	if d := r.reg.Lookup(name); d == nil || d.Kind != "func" {
		return false
	}
	for _, n := range r.reg.Names() {
		if d := r.reg.Lookup(n); d != nil && n != name {
			for _, u := range d.Uses {
				if u == name {
					return true
				}
			}
		}
	}
	return false
}
