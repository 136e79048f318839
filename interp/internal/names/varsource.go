package names

// VarDecl returns the declaration that gave notebook variable name its
// value, as a package-level var declaration (var x = f(y)), when its type
// is not known from the syntax; or "". A type checker can learn the type
// from it.
func (t *Facts) VarDecl(name string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.varDecl[name]
}

// SetVarDecl records the declaration of a variable of unknown type, or
// forgets it ("").
func (t *Facts) SetVarDecl(name, decl string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if decl == "" {
		delete(t.varDecl, name)
		return
	}
	if t.varDecl == nil {
		t.varDecl = map[string]string{}
	}
	t.varDecl[name] = decl
}
