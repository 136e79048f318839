package interp

import (
	"encoding/json"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/traefik/yaegi/stdlib"
	"github.com/traefik/yaegi/stdlib/unrestricted"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/interrupt"
	"github.com/gocell/gocell/interp/snapshot"
)

// The notebook's state outside the executor. The kernel owns a directory
// (snapshot.EnvDir) that outlives every executor; the session keeps two
// things in it, so that a new executor can take over where a dead one
// stopped:
//
//   - journalFile: the chunks that compiled, in order (declarations, and
//     the statements that declared variables, for what their rewrite
//     taught the registry), with the notebook's imports. A chunk that did
//     not compile is never written, so a restore never replays a failed
//     cell.
//   - one file per variable, written by snapshot.Saver after each cell
//     with the values that may have changed.
const journalFile = "notebook.journal"

var (
	symbolsOnce sync.Once
	libSymbols  map[string]map[string]reflect.Value
	libTypes    *snapshot.Types
)

// librarySymbols is the standard library as cells see it: the blocking
// calls replaced by ones an interrupt stops (time.Sleep, the sync types,
// os/exec, HTTP), and os/exec offered, which yaegi's restricted tables
// leave out.
func librarySymbols() map[string]map[string]reflect.Value {
	symbolsOnce.Do(func() {
		base := make(map[string]map[string]reflect.Value, len(stdlib.Symbols)+1)
		for k, v := range stdlib.Symbols {
			base[k] = v
		}
		base["os/exec/exec"] = unrestricted.Symbols["os/exec/exec"]
		libSymbols = interrupt.Patch(base)
		libTypes = snapshot.TypesFrom(libSymbols, display.Symbols, (&Session{}).cacheSymbols())
	})
	return libSymbols
}

// snapshotTypes names host types the way cells do, for the snapshot.
func snapshotTypes() *snapshot.Types {
	librarySymbols()
	return libTypes
}

// journal is what journalFile holds.
type journal struct {
	Imports []string       `json:"imports"`
	Chunks  []journalChunk `json:"chunks"`
}

type journalChunk struct {
	Kind      string `json:"kind"` // "decls" or "stmts"
	File      string `json:"file"`
	Text      string `json:"text"`
	Line, Col int
	unit      int // the registry unit the declarations became (0: none)
}

// state is the session's side of the snapshot directory.
type state struct {
	dir     string
	saver   *snapshot.Saver
	journal journal
	saveAll bool            // the next save checks every variable
	known   map[string]bool // variables given to the saver
	// stmtSeen are the statement chunks in the journal, by text.
	stmtSeen map[string]bool
}

// openState uses the directory the kernel gave (nil when there is none:
// tests, or an executor started by hand). An unreadable size bound falls
// back to the default and is reported once.
func openState(dir string) (*state, error) {
	if dir == "" {
		return nil, nil
	}
	limit, err := snapshot.LimitFromEnv()
	st := &state{dir: dir, known: map[string]bool{}, stmtSeen: map[string]bool{}, saveAll: true}
	st.saver = snapshot.NewSaver(dir, limit)
	st.saver.Types = snapshotTypes()
	return st, err
}

// record adds a chunk that compiled to the journal and writes it, before
// the next chunk runs: a cell that crashes the executor after declaring
// something keeps the declaration, as the old executor had it.
func (s *Session) record(c cell.Chunk, file string) {
	st := s.state
	if st == nil {
		return
	}
	switch c.Kind {
	case cell.Imports:
	case cell.Decls:
		st.journal.Chunks = append(st.journal.Chunks, journalChunk{Kind: "decls", File: file, Text: c.Text, Line: c.Line, Col: c.Col, unit: s.reg.LastUnit()})
	case cell.Stmts:
		// Statements teach the registry only about the names they
		// declare: a text seen before teaches nothing new (x := 1, run
		// again and again, is journaled once).
		if !c.Declares || st.stmtSeen[c.Text] {
			return
		}
		st.stmtSeen[c.Text] = true
		st.journal.Chunks = append(st.journal.Chunks, journalChunk{Kind: "stmts", File: file, Text: c.Text, Line: c.Line, Col: c.Col})
	}
	if c.Kind == cell.Imports && len(st.journal.Imports) == len(s.imports) {
		return // nothing new was imported
	}
	st.journal.Imports = append(st.journal.Imports[:0], s.imports...)
	s.writeJournal()
}

// writeJournal drops declaration chunks whose every name was declared
// again since, and replaces the file atomically.
func (s *Session) writeJournal() {
	st := s.state
	kept := st.journal.Chunks[:0]
	for _, c := range st.journal.Chunks {
		if c.Kind == "decls" && c.unit != 0 && len(s.reg.UnitNames(c.unit)) == 0 {
			continue
		}
		kept = append(kept, c)
	}
	st.journal.Chunks = kept
	b, err := json.Marshal(st.journal)
	if err != nil {
		return
	}
	tmp := filepath.Join(st.dir, journalFile+".tmp")
	if os.WriteFile(tmp, b, 0o600) == nil {
		_ = os.Rename(tmp, filepath.Join(st.dir, journalFile))
	}
}

func readJournal(dir string) (journal, error) {
	var j journal
	b, err := os.ReadFile(filepath.Join(dir, journalFile))
	if os.IsNotExist(err) {
		return j, nil
	}
	if err != nil {
		return j, err
	}
	return j, json.Unmarshal(b, &j)
}

// saveState writes the values the cell may have changed: the variables it
// names, those read or written by the notebook functions it reaches, and
// (inside the saver) those sharing objects with a changed one or pointed
// into. Every variable is checked after a rebuild or a restore, when the
// cell names a func-valued variable (a closure can change anything), and
// while goroutines of earlier cells still run.
func (s *Session) saveState(code string) {
	st := s.state
	if st == nil || s.stuck {
		return
	}
	g := globals(s.yi)
	var names []string
	all := st.saveAll || s.liveGoroutines() > 0
	if !all {
		for name := range s.touched(code) {
			v, ok := g[name]
			if !ok || !s.movable(name, s.reg) {
				continue
			}
			if v.IsValid() && v.Kind() == reflect.Func {
				all = true
				break
			}
			names = append(names, name)
		}
	}
	if all {
		names = names[:0]
		for name := range g {
			if s.movable(name, s.reg) {
				names = append(names, name)
			}
		}
		// Variables that are gone (a rebuild could not keep them, or the
		// name is a function now) leave the snapshot.
		for name := range st.known {
			if _, ok := g[name]; !ok || !s.movable(name, s.reg) {
				st.saver.Forget(name)
				delete(st.known, name)
			}
		}
	}
	if len(names) == 0 {
		return
	}
	st.saveAll = false
	for _, n := range names {
		st.known[n] = true
	}
	// The saver adds variables sharing objects with changed ones: every
	// variable needs its declared type at hand.
	hints := make(map[string]string, len(g))
	for n := range g {
		if h := s.varHint(n); h != "" {
			hints[n] = h
		} else if v := g[n]; v.IsValid() && hasStruct(v.Type(), 0) {
			if t := typeExpr(v.Type(), s.notebookTypesCached()); t != "" {
				hints[n] = t
			}
		}
	}
	st.saver.Save(g, names, hints)
}

// touched lists the identifiers of a cell, and those the notebook
// declarations it names use, transitively.
func (s *Session) touched(code string) map[string]bool {
	out := map[string]bool{}
	var sc scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(code)
	sc.Init(fset.AddFile("", -1, len(src)), src, nil, 0)
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if tok != token.IDENT || out[lit] {
			continue
		}
		out[lit] = true
		if s.reg.Lookup(lit) == nil && !s.isMethodName(lit) {
			continue
		}
		for _, d := range s.reg.Reach(lit) {
			for _, u := range d.Uses {
				out[u] = true
			}
		}
	}
	return out
}

// isMethodName reports whether some notebook type has a method name.
func (s *Session) isMethodName(name string) bool {
	for _, n := range s.reg.Names() {
		if strings.HasSuffix(n, "."+name) {
			return true
		}
	}
	return false
}

// hasStruct reports whether t is or contains a struct type, which reflect
// cannot name as the notebook does.
func hasStruct(t reflect.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	switch t.Kind() {
	case reflect.Struct:
		return t.Name() == ""
	case reflect.Ptr, reflect.Slice, reflect.Array:
		return hasStruct(t.Elem(), depth+1)
	case reflect.Map:
		return hasStruct(t.Key(), depth+1) || hasStruct(t.Elem(), depth+1)
	}
	return false
}

// notebookTypesCached is notebookTypes of the current interpreter, found
// once per interpreter and set of declarations.
func (s *Session) notebookTypesCached() map[reflect.Type]string {
	key := fmt.Sprintf("%p/%d", s.yi, s.reg.LastUnit())
	if s.nbTypesKey != key {
		s.nbTypes = s.notebookTypes(s.yi, s.reg)
		s.nbTypesKey = key
	}
	return s.nbTypes
}

// liveGoroutines is the number of goroutines cells started that still run.
func (s *Session) liveGoroutines() int {
	s.goMu.Lock()
	defer s.goMu.Unlock()
	return s.liveGo
}

// sortedLost writes what a restore could not bring back, one entry per
// variable: "ch (chan int): cannot be saved: ...".
func sortedLost(errs []*snapshot.VarError) []string {
	sort.Slice(errs, func(i, j int) bool { return errs[i].Var < errs[j].Var })
	var out []string
	seen := map[string]bool{}
	for _, e := range errs {
		if seen[e.Var] {
			continue
		}
		seen[e.Var] = true
		out = append(out, e.Error())
	}
	return out
}
