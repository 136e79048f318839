package names

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"sort"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"
	"github.com/gocell/gocell/interp/cell"
)

// Decl is one top-level declaration of the notebook: a function, a method
// (named "Type.Method"), a type, a constant, or a variable declared without
// an initializer.
type Decl struct {
	Name      string
	Kind      string // "func", "method", "type", "const", "var"
	Source    string // what is compiled: as written, or rewritten (cached functions)
	Written   string // as the user wrote it, doc comment included (for inspection)
	Canonical string // printed without comments: comments and layout don't change it
	Hash      uint64 // of Kind and Canonical
	Uses      []string
	// Writes are the package-level names a function or method may change
	// (see funcWrites), from what the user wrote.
	Writes    []Write
	File      string // the cell file that declared it
	Line, Col int    // its position in that cell
	// Directive is the //%cache_data or //%cache_resource line right above
	// a function, or "".
	Directive string
	unit      int // the compile unit it came from
	// Start and End are the declaration's byte range in the chunk text it
	// was parsed from, doc comment excluded.
	Start, End int
}

// Registry records every top-level declaration of the notebook, the names
// each one uses, and the compile units they came from, so that the notebook
// can be rebuilt in a fresh interpreter (redefinitions, failed compiles,
// restarts) and so that cached functions can be keyed on the code they reach.
// The zero value is ready to use.
type Registry struct {
	decls  map[string]*Decl
	units  []*declUnit
	nextID int

	// What the source says of names beyond their declarations: the static
	// types of variables statements declared, and the rewrites' facts.
	// They are learned as cells are rewritten, and shared by clones.
	notes *notes
}

type notes struct {
	mu    sync.Mutex
	hints map[string]string // notebook variable -> its static type, where the source shows it
	facts Facts
}

// the notes of r, made on first use.
func (r *Registry) n() *notes {
	if r.notes == nil {
		r.notes = &notes{hints: map[string]string{}}
	}
	return r.notes
}

// Facts returns what the rewrites learned of the notebook's names.
func (r *Registry) Facts() *Facts { return &r.n().facts }

// Sources returns the current declarations that carry source to compile,
// unit by unit in the order the units were added.
func (r *Registry) Sources() []*Decl {
	var out []*Decl
	for _, u := range r.units {
		for _, name := range u.names {
			if d := r.decls[name]; d != nil && d.unit == u.id && d.Source != "" {
				out = append(out, d)
			}
		}
	}
	return out
}

// declUnit is a compile unit: the declarations of one chunk of one cell,
// replayed together so that declarations that refer to each other compile.
type declUnit struct {
	id    int
	names []string
}

// ParseDecls parses a declarations chunk into Decls. file, line and col
// are the chunk's cell position.
func ParseDecls(text, file string, line, col int) ([]*Decl, error) {
	src := ParseHead + text
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	return FileDecls(fset.File(f.Pos()), f, text, len(ParseHead), file, line, col), nil
}

// ParseHead is the package clause ParseDecls puts in front of a chunk; a
// caller parsing the chunk itself for FileDecls uses it too, so that syntax
// errors name the same positions.
const ParseHead = "package main\n"

// FileDecls is ParseDecls of a chunk already parsed, with comments: f is
// the file parsed from a source holding text at offset base, tf its
// token.File. It leaves f as it is.
func FileDecls(tf *token.File, f *ast.File, text string, base int, file string, line, col int) []*Decl {
	var out []*Decl
	off := func(p token.Pos) int { return tf.Offset(p) - base }
	add := func(name, kind string, node ast.Node, doc *ast.CommentGroup, canon ast.Node) {
		start := node.Pos()
		if doc != nil {
			start = doc.Pos()
		}
		l, c := cell.Position(text, off(start))
		if l == 1 {
			c += col - 1
		}
		written := text[off(start):off(node.End())]
		d := &Decl{Name: name, Kind: kind, Source: written, Written: written,
			Canonical: canonical(canon), Uses: usedNames(canon), File: file, Line: line + l - 1, Col: c,
			Start: off(node.Pos()), End: off(node.End())}
		if doc != nil {
			if last := doc.List[len(doc.List)-1].Text; cell.IsDirective(last) {
				d.Directive = last
			}
		}
		d.Hash = xxhash.Sum64String(d.Kind + "\x00" + d.Canonical)
		if kind == "func" || kind == "method" {
			d.Writes = funcWrites(d.Canonical)
		}
		out = append(out, d)
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil && len(d.Recv.List) > 0 {
				add(ReceiverType(d.Recv.List[0].Type)+"."+d.Name.Name, "method", d, d.Doc, d)
			} else {
				add(d.Name.Name, "func", d, d.Doc, d)
			}
		case *ast.GenDecl:
			kind := map[token.Token]string{token.TYPE: "type", token.VAR: "var", token.CONST: "const", token.IMPORT: "import"}[d.Tok]
			if kind == "import" {
				continue
			}
			// Each name of a grouped declaration is its own Decl, but they
			// share the group's source: a const block with iota only means
			// something whole.
			for _, spec := range d.Specs {
				switch sp := spec.(type) {
				case *ast.TypeSpec:
					add(sp.Name.Name, kind, d, d.Doc, d)
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						if n.Name != "_" {
							add(n.Name, kind, d, d.Doc, d)
						}
					}
				}
			}
		}
	}
	return dedupeSources(out)
}

// KeepWritten makes what decls (parsed from a rewritten chunk) say of the
// user's code come from written, the same chunk parsed as the user wrote
// it: the text shown on inspection, the canonical source and its hash, and
// the writes. A rewrite can differ for the same code (names it generates are
// numbered across the chunk; what it does depends on what earlier cells
// declared), and the hash must not: a function whose text is back to an
// earlier version has that version's hash, and its cache entries hit again.
// Uses keep the names of both, so nothing the rewrite calls is missed.
func KeepWritten(decls, written []*Decl) {
	// Names declared more than once (init) pair in order.
	byName := make(map[string][]*Decl, len(written))
	for _, w := range written {
		byName[w.Name] = append(byName[w.Name], w)
	}
	for _, d := range decls {
		ws := byName[d.Name]
		if len(ws) == 0 {
			continue
		}
		w := ws[0]
		byName[d.Name] = ws[1:]
		if w.Kind != d.Kind {
			continue
		}
		d.Written, d.Canonical, d.Hash, d.Writes = w.Written, w.Canonical, w.Hash, w.Writes
		d.Uses = mergeSorted(d.Uses, w.Uses)
	}
}

// mergeSorted merges two sorted lists of names without duplicates.
func mergeSorted(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var n string
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			n = a[i]
			i++
		case i >= len(a) || b[j] < a[i]:
			n = b[j]
			j++
		default:
			n = a[i]
			i++
			j++
		}
		if len(out) == 0 || out[len(out)-1] != n {
			out = append(out, n)
		}
	}
	return out
}

// dedupeSources keeps one copy of a source shared by several names of one
// grouped declaration: the others get an empty Source (replaying the group
// once declares them all).
func dedupeSources(decls []*Decl) []*Decl {
	DedupeSources(decls)
	return decls
}

// DedupeSources empties the Source of every decl after the first of a
// group sharing one source, as ParseDecls does.
func DedupeSources(decls []*Decl) {
	seen := map[string]bool{}
	for _, d := range decls {
		key := d.File + "\x00" + d.Source
		if seen[key] {
			d.Source = ""
		}
		seen[key] = true
	}
}

// canonical prints a declaration without comments, in gofmt's layout.
func canonical(n ast.Node) string {
	var b bytes.Buffer
	cfg := printer.Config{Mode: printer.TabIndent | printer.UseSpaces, Tabwidth: 8}
	_ = cfg.Fprint(&b, token.NewFileSet(), stripDoc(n))
	return b.String()
}

// stripDoc returns n without its doc comment (the printer prints Doc fields).
func stripDoc(n ast.Node) ast.Node {
	switch d := n.(type) {
	case *ast.FuncDecl:
		c := *d
		c.Doc = nil
		return &c
	case *ast.GenDecl:
		c := *d
		c.Doc = nil
		specs := make([]ast.Spec, len(d.Specs))
		for i, s := range d.Specs {
			switch sp := s.(type) {
			case *ast.TypeSpec:
				cp := *sp
				cp.Doc, cp.Comment = nil, nil
				specs[i] = &cp
			case *ast.ValueSpec:
				cp := *sp
				cp.Doc, cp.Comment = nil, nil
				specs[i] = &cp
			default:
				specs[i] = s
			}
		}
		c.Specs = specs
		return &c
	}
	return n
}

// usedNames lists the identifiers a declaration mentions, sorted and
// without duplicates: the candidates for notebook names it depends on.
// Selector names (x.Method) are included, since a method call cannot be
// resolved without types.
func usedNames(n ast.Node) []string {
	set := map[string]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name != "_" {
			set[id.Name] = true
		}
		return true
	})
	names := make([]string, 0, len(set))
	for name := range set {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Lookup returns the declaration of name ("F", "T", "T.M"), or nil.
func (r *Registry) Lookup(name string) *Decl {
	return r.decls[name]
}

// Names returns every declared name, sorted.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.decls))
	for n := range r.decls {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Changes reports which of decls would change the notebook: a new name, or
// a name declared again with other code.
func (r *Registry) Changes(decls []*Decl) (redefined []string) {
	for _, d := range decls {
		if old, ok := r.decls[d.Name]; ok && old.Hash != d.Hash {
			redefined = append(redefined, d.Name)
		}
	}
	return redefined
}

// Add records decls as one compile unit; they replace earlier declarations
// of the same names.
func (r *Registry) Add(decls []*Decl) {
	if len(decls) == 0 {
		return
	}
	if r.decls == nil {
		r.decls = map[string]*Decl{}
	}
	r.nextID++
	u := &declUnit{id: r.nextID}
	for _, d := range decls {
		d.unit = u.id
		r.decls[d.Name] = d
		u.names = append(u.names, d.Name)
	}
	r.units = append(r.units, u)
}

// Clone returns a copy that can be changed without changing r.
func (r *Registry) Clone() *Registry {
	c := &Registry{decls: make(map[string]*Decl, len(r.decls)), nextID: r.nextID, notes: r.n()}
	for k, v := range r.decls {
		c.decls[k] = v
	}
	c.units = append([]*declUnit(nil), r.units...)
	return c
}

// ReplayUnit is the source of one compile unit to replay, under the cell
// file it came from, with the id of its unit in the registry.
type ReplayUnit struct {
	ID         int
	File, Text string
}

// ReplayUnits returns the current source of every unit, in the order they
// were added.
func (r *Registry) ReplayUnits() []ReplayUnit {
	var out []ReplayUnit
	for _, u := range r.units {
		var b strings.Builder
		file := ""
		for _, name := range u.names {
			d := r.decls[name]
			if d == nil || d.unit != u.id || d.Source == "" {
				continue
			}
			file = d.File
			b.WriteString(cell.LineDirective(d.File, d.Line, d.Col) + d.Source + "\n")
		}
		if b.Len() > 0 {
			out = append(out, ReplayUnit{ID: u.id, File: file, Text: b.String()})
		}
	}
	return out
}

// UnitNames returns the current names of unit id.
func (r *Registry) UnitNames(id int) []string {
	var names []string
	for _, u := range r.units {
		if u.id != id {
			continue
		}
		for _, n := range u.names {
			if d := r.decls[n]; d != nil && d.unit == id {
				names = append(names, n)
			}
		}
	}
	return names
}

// UnitUses returns the names the current declarations of unit id use.
func (r *Registry) UnitUses(id int) []string {
	var uses []string
	for _, n := range r.UnitNames(id) {
		uses = append(uses, r.decls[n].Uses...)
	}
	return uses
}

// LastUnit returns the id of the most recently added unit.
func (r *Registry) LastUnit() int { return r.nextID }

// Reach returns the declarations name depends on, itself included,
// following uses transitively: functions it calls, types it mentions (with
// all their methods), constants, and methods of any type whose name it
// calls as a selector. The result is sorted by name.
func (r *Registry) Reach(name string) []*Decl {
	methodsByName := map[string][]string{} // "M" -> ["T.M", ...]
	methodsOfType := map[string][]string{} // "T" -> ["T.M", ...]
	for key, d := range r.decls {
		if d.Kind == "method" {
			i := strings.IndexByte(key, '.')
			methodsByName[key[i+1:]] = append(methodsByName[key[i+1:]], key)
			methodsOfType[key[:i]] = append(methodsOfType[key[:i]], key)
		}
	}
	seen := map[string]bool{}
	var visit func(string)
	visit = func(n string) {
		d := r.decls[n]
		if d == nil || seen[n] {
			return
		}
		seen[n] = true
		if d.Kind == "type" {
			for _, m := range methodsOfType[n] {
				visit(m)
			}
		}
		if d.Kind == "method" {
			visit(n[:strings.IndexByte(n, '.')])
		}
		for _, u := range d.Uses {
			visit(u)
			for _, m := range methodsByName[u] {
				visit(m)
			}
		}
	}
	visit(name)
	out := make([]*Decl, 0, len(seen))
	for n := range seen {
		out = append(out, r.decls[n])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// MergeNames merges two sorted lists of names without duplicates, as
// KeepWritten merges the uses of a rewritten and a written declaration.
func MergeNames(a, b []string) []string { return mergeSorted(a, b) }
