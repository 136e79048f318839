package names

import "maps"

// NotesMark is a copy of what the registry's notes said at one moment.
type NotesMark struct {
	hints map[string]string
	facts *Facts
}

// MarkNotes copies the notes (var hints and Facts), so that a chunk that
// then fails to compile can take back what its rewrite recorded: only code
// that compiled may teach the notebook anything about its names, or a
// restore (which replays only what compiled) would rewrite later cells
// differently from the session it replaces.
func (r *Registry) MarkNotes() NotesMark {
	n := r.n()
	n.mu.Lock()
	m := NotesMark{hints: maps.Clone(n.hints), facts: &Facts{}}
	n.mu.Unlock()
	n.facts.copyTo(m.facts)
	return m
}

// ResetNotes puts back the notes of m.
func (r *Registry) ResetNotes(m NotesMark) {
	n := r.n()
	n.mu.Lock()
	n.hints = maps.Clone(m.hints)
	if n.hints == nil {
		n.hints = map[string]string{}
	}
	n.mu.Unlock()
	m.facts.copyTo(&n.facts)
}

// copyTo makes dst a copy of t. Every map of Facts must be copied here.
func (t *Facts) copyTo(dst *Facts) {
	t.mu.Lock()
	funcs, methods, vars, types := maps.Clone(t.funcs), maps.Clone(t.methods), maps.Clone(t.vars), maps.Clone(t.types)
	elems, concrete, varTypes, errVars := maps.Clone(t.elems), maps.Clone(t.concrete), maps.Clone(t.varTypes), maps.Clone(t.errVars)
	varDecl := maps.Clone(t.varDecl)
	consts := maps.Clone(t.consts)
	for k, v := range methods {
		methods[k] = append([]FuncInfo(nil), v...)
	}
	t.mu.Unlock()
	dst.mu.Lock()
	defer dst.mu.Unlock()
	dst.funcs, dst.methods, dst.vars, dst.types = funcs, methods, vars, types
	dst.elems, dst.concrete, dst.varTypes, dst.errVars = elems, concrete, varTypes, errVars
	dst.varDecl = varDecl
	dst.consts = consts
}
