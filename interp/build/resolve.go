package build

import (
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// resolve adds the requested modules to the generated module and lists the
// packages to extract, with the modules (and source directories) they
// depend on.
func resolve(g *gocmd, modules []string) (*Executor, []Module, error) {
	args := []string{"get"}
	for _, m := range modules {
		if !strings.Contains(m, "@") {
			m += "@latest"
		}
		args = append(args, m)
	}
	if out, err := g.run(args...); err != nil {
		return nil, nil, classifyGetError(g, modules, out)
	}

	ex := &Executor{}
	for _, m := range modules {
		path, _, _ := strings.Cut(m, "@")
		out, err := g.output("list", "-m", "-f", "{{.Path}}@{{.Version}}", path)
		if err != nil {
			return nil, nil, &ResolveError{Modules: modules, Output: err.Error()}
		}
		ex.Modules = append(ex.Modules, strings.TrimSpace(string(out)))
		pkgs, skipped, err := importable(g, path)
		if err != nil {
			return nil, nil, err
		}
		ex.Packages = append(ex.Packages, pkgs...)
		ex.Skipped = append(ex.Skipped, skipped...)
	}

	out, err := g.output(append([]string{"list", "-deps", "-f", "{{with .Module}}{{.Path}}\t{{.Dir}}{{end}}"}, ex.Packages...)...)
	if err != nil {
		return nil, nil, &ResolveError{Modules: modules, Output: err.Error()}
	}
	seen := map[string]bool{}
	var mods []Module
	for _, line := range strings.Split(string(out), "\n") {
		path, dir, ok := strings.Cut(line, "\t")
		if ok && !seen[path] {
			seen[path] = true
			mods = append(mods, Module{Path: path, Dir: dir})
		}
	}
	return ex, mods, nil
}

// classifyGetError turns a failed `go get` into an error that says which
// module or version was wrong. The module proxy answers both an unknown
// module and an unknown version with "not available", so the module's
// version list tells them apart.
func classifyGetError(g *gocmd, modules []string, out string) error {
	for _, m := range modules {
		path, version, _ := strings.Cut(m, "@")
		if !strings.Contains(out, path) {
			continue
		}
		list, err := g.output("list", "-m", "-versions", "-json", path+"@latest")
		if err != nil {
			return &UnknownModuleError{Module: path, Output: out}
		}
		if version != "" && version != "latest" {
			var info struct{ Versions []string }
			_ = json.Unmarshal(list, &info)
			if !slices.Contains(info.Versions, version) {
				return &UnknownVersionError{Module: path, Version: version, Known: info.Versions}
			}
		}
	}
	return &ResolveError{Modules: modules, Output: out}
}

// goPackage is the part of `go list -json` that importable reads.
type goPackage struct {
	ImportPath     string
	Name           string
	Dir            string
	GoFiles        []string
	CgoFiles       []string
	IgnoredGoFiles []string
	Error          *struct{ Err string }
}

// needsCgo reports whether p has no Go files without cgo but has files
// that import "C": with cgo off, go list counts those among the ignored
// files.
func (p *goPackage) needsCgo() bool {
	if len(p.GoFiles) > 0 {
		return false
	}
	if len(p.CgoFiles) > 0 {
		return true
	}
	for _, name := range p.IgnoredGoFiles {
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(p.Dir, name), nil, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				return true
			}
		}
	}
	return false
}

// importable lists the packages of module path that a notebook can import:
// not main, not internal, and buildable without cgo.
func importable(g *gocmd, path string) (pkgs []string, skipped []Skipped, err error) {
	// The module root is named too: the pattern path/... leaves out packages
	// whose files are all excluded, which is how cgo-only packages look.
	out, err := g.output("list", "-e", "-json", path, path+"/...")
	if err != nil {
		return nil, nil, &ResolveError{Modules: []string{path}, Output: err.Error()}
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var cgoOnly []string
	for {
		var p goPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, fmt.Errorf("reading go list output: %w", err)
		}
		ip := p.ImportPath
		switch {
		case isInternal(ip) || strings.Contains(ip, "/testdata/") || strings.Contains(ip, "/vendor/"):
			continue
		case p.Name == "main":
			skipped = append(skipped, Skipped{ip, "a command (package main)"})
		case p.needsCgo():
			cgoOnly = append(cgoOnly, ip)
			skipped = append(skipped, Skipped{ip, "needs cgo"})
		case p.Error != nil:
			skipped = append(skipped, Skipped{ip, firstLine(p.Error.Err)})
		case len(p.GoFiles) == 0:
			skipped = append(skipped, Skipped{ip, "no Go files"})
		default:
			pkgs = append(pkgs, ip)
		}
	}
	if len(pkgs) == 0 {
		if len(cgoOnly) > 0 {
			return nil, nil, &CgoError{Module: path, Packages: cgoOnly}
		}
		return nil, nil, &NoPackagesError{Module: path, Skipped: skipped}
	}
	return pkgs, skipped, nil
}

func isInternal(path string) bool {
	return strings.HasSuffix(path, "/internal") || strings.Contains(path, "/internal/") || strings.HasPrefix(path, "internal/")
}

// extractor is the program that writes the symbol tables. It runs as its
// own process, since extraction switches go/build to GOPATH mode for the
// whole process.
const extractor = `package main

import (
	"encoding/json"
	"log"
	"os"
	"path/filepath"

	"github.com/gocell/gocell/interp/build"
)

func main() {
	gopath, dest := os.Args[1], os.Args[2]
	exs, err := build.ExtractInGOPATH(gopath, "symbols", os.Args[3:])
	if err != nil {
		log.Fatal(err)
	}
	generic := map[string][]string{}
	for _, ex := range exs {
		if err := os.WriteFile(filepath.Join(dest, build.FileName(ex.ImportPath)), ex.Source, 0o644); err != nil {
			log.Fatal(err)
		}
		if len(ex.Generic) > 0 {
			generic[ex.ImportPath] = ex.Generic
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(generic); err != nil {
		log.Fatal(err)
	}
}
`

const symbolsFile = `// Package symbols holds the yaegi symbol tables of the modules this
// executor was built with.
package symbols

import "reflect"

// Symbols is the export table of the extracted packages (an interp.Exports).
var Symbols = map[string]map[string]reflect.Value{}
`

// extractSymbols writes the symbols package of the generated module and
// returns the generic names extraction left out.
func extractSymbols(g *gocmd, work string, pkgs []string, mods []Module) (map[string][]string, error) {
	for _, d := range []string{"extractor", "symbols", "gopath"} {
		if err := os.MkdirAll(filepath.Join(work, d), 0o755); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(filepath.Join(work, "extractor", "main.go"), []byte(extractor), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(work, "symbols", "symbols.go"), []byte(symbolsFile), 0o644); err != nil {
		return nil, err
	}
	gopath := filepath.Join(work, "gopath")
	if err := SymlinkGOPATH(gopath, mods); err != nil {
		return nil, err
	}
	bin := filepath.Join(work, "extractor", "extractor")
	if out, err := g.run("build", "-o", bin, "./extractor"); err != nil {
		return nil, &BuildError{Stage: "extracting", Output: out}
	}
	x := &gocmd{ctx: g.ctx, path: bin, dir: work, env: g.env}
	out, err := x.output(append([]string{gopath, filepath.Join(work, "symbols")}, pkgs...)...)
	if err != nil {
		return nil, &BuildError{Stage: "extracting", Output: err.Error()}
	}
	var generic map[string][]string
	if err := json.Unmarshal(out, &generic); err != nil {
		return nil, fmt.Errorf("reading the extractor's report: %w", err)
	}
	// The executor names the generic names when a cell uses one.
	src := fmt.Sprintf("package symbols\n\n// Generic lists, per package, the generic names the tables lack.\nvar Generic = %#v\n", generic)
	if generic == nil {
		src = "package symbols\n\n// Generic lists, per package, the generic names the tables lack.\nvar Generic = map[string][]string{}\n"
	}
	if err := os.WriteFile(filepath.Join(work, "symbols", "generic.go"), []byte(src), 0o644); err != nil {
		return nil, err
	}
	return generic, nil
}
