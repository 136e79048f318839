package interp

import (
	"context"
	"encoding/json"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/snapshot"
)

// Restore brings back, in a fresh session, what the notebook had in the
// executor that died or was replaced: the chunks of the journal (only
// code that compiled) are replayed into the registry as the cells first
// ran them, the declarations compiled, the variables declared with their
// types, and their values read from the snapshot. Statements do not run
// again. It returns what could not be brought back, one entry per
// variable with the reason, sorted; nothing else is reported lost.
func (s *Session) Restore() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state
	if st == nil {
		return nil
	}
	ctx := context.Background()
	j, err := readJournal(st.dir)
	if err != nil {
		return []string{"the notebook's declarations could not be read: " + err.Error()}
	}
	s.imports = append([]string(nil), j.Imports...)
	for i, c := range j.Chunks {
		s.notePipeUse(c.Text)
		chunk := cell.Chunk{Text: c.Text, Line: c.Line, Col: c.Col}
		switch c.Kind {
		case "decls":
			chunk.Kind = cell.Decls
			p, perr := s.prepareDecls(c.File, c.Text, chunk)
			if perr != nil {
				continue
			}
			s.addCached(p.Cached)
			s.reg.Add(p.Decls)
			if len(p.Decls) > 0 {
				j.Chunks[i].unit = s.reg.LastUnit()
			}
		case "stmts":
			st.stmtSeen[c.Text] = true
			// The statements do not run again, but what their rewrite
			// learned of the names they declare is known to later cells.
			learnStmts(s.reg, c.Text)
			s.reg.NoteVarHints(c.Text)
		}
	}
	st.journal = j
	snap, err := snapshot.Load(st.dir)
	if err != nil {
		return []string{err.Error()}
	}
	// Variables statements declared are declared again with the type their
	// source showed, else the one the snapshot wrote.
	var vars []varToMove
	seen := map[string]bool{}
	addVar := func(name, typ string) {
		if seen[name] || !s.movable(name, s.reg) || s.reg.Lookup(name) != nil {
			return
		}
		seen[name] = true
		v := varToMove{name: name}
		if h := s.varHint(name); h != "" {
			v.types = append(v.types, h)
		}
		if typ != "" && !contains(v.types, typ) {
			v.types = append(v.types, typ)
		}
		if len(v.types) > 0 {
			vars = append(vars, v)
		}
	}
	for _, sv := range snap.Vars {
		addVar(sv.Name, sv.Type)
	}
	for _, ve := range snap.NotSaved {
		if ve.Path == "" {
			addVar(ve.Var, ve.Type)
		} else {
			addVar(ve.Var, "")
		}
	}
	s.restoreVars = vars
	_, _ = s.rebuild(ctx, s.reg, 0)
	s.restoreVars = nil
	lost := snapshot.Restore(snap.Vars, globals(s.yi), snapshot.RestoreOptions{
		Types: snapshotTypes(),
		Eval:  func(src string) error { return s.runBlock(ctx, "restore.go", src) },
	})
	s.globalsCache = nil
	st.saveAll = true
	s.writeJournal()
	return sortedLost(append(snap.NotSaved, lost...))
}

// Evaluate computes one user expression of an execute request and returns
// its MIME bundle as Jupyter expects it in user_expressions:
// {"status": "ok", "data": ..., "metadata": {}} or an error.
func (s *Session) Evaluate(ctx context.Context, expr string) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.captured, s.hasValue = nil, false
	result := map[string]any{"status": "ok", "metadata": map[string]any{}}
	// The line directive makes positions in errors the expression's own
	// (line 1, column n), not those of the code around it.
	err := s.runBlock(ctx, "expression.go", rtName+".Capture("+cell.LineDirective("expression.go", 1, 1)+expr+")")
	if err != nil {
		ce := s.describe(err, "expression.go", expr)
		result = map[string]any{"status": "error", "ename": ce.EName, "evalue": ce.EValue, "traceback": ce.Traceback}
	} else {
		data := display.RenderValues(s.captured...)
		if data == nil {
			data = display.MIMEBundle{"text/plain": ""}
		}
		result["data"] = data
	}
	b, _ := json.Marshal(result)
	return b
}
