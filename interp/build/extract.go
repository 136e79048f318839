package build

import (
	"bytes"
	"fmt"
	"go/build"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/traefik/yaegi/extract"
)

// A Module is one module of a build list, as `go list -m -json` reports it:
// its path and the directory that holds its source.
type Module struct {
	Path string
	Dir  string
}

// SymlinkGOPATH makes dir a GOPATH whose src tree links every module of mods
// to its source directory.
//
// yaegi's extractor loads packages through go/build. In module mode go/build
// runs `go list` once per import, which makes extracting gonum and plot take
// minutes; in GOPATH mode over links into the module cache it takes seconds.
// A module nested inside another module's path (a/b inside a) cannot be
// linked below the outer link without writing into the module cache; it is
// skipped, and its packages then fail to load with a clear error.
func SymlinkGOPATH(dir string, mods []Module) error {
	sorted := append([]Module(nil), mods...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	var linked []string
	for _, m := range sorted {
		if m.Dir == "" {
			continue
		}
		nested := false
		for _, l := range linked {
			if strings.HasPrefix(m.Path, l+"/") {
				nested = true
				break
			}
		}
		if nested {
			continue
		}
		link := filepath.Join(dir, "src", filepath.FromSlash(m.Path))
		if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
			return err
		}
		if err := os.Symlink(m.Dir, link); err != nil && !os.IsExist(err) {
			return fmt.Errorf("linking %s into the extraction GOPATH: %w", m.Path, err)
		}
		linked = append(linked, m.Path)
	}
	return nil
}

// Extraction is the result of extracting one package's symbols.
type Extraction struct {
	ImportPath string
	Source     []byte   // the generated Go file (package dest)
	Generic    []string // exported generic functions and types, which yaegi cannot use and extraction leaves out
}

// ExtractInGOPATH writes yaegi symbol tables for the packages pkgs, found in
// the GOPATH gopath (see SymlinkGOPATH), as Go files of package dest.
//
// It switches this process's go/build to GOPATH mode (GO111MODULE=off and
// build.Default.GOPATH), which is process-wide state: call it from a program
// whose only job is extraction, such as the generators of this module.
// cgo is disabled, so a package that needs cgo fails to load.
func ExtractInGOPATH(gopath, dest string, pkgs []string) ([]Extraction, error) {
	if err := os.Setenv("GO111MODULE", "off"); err != nil {
		return nil, err
	}
	build.Default.GOPATH = gopath
	build.Default.CgoEnabled = false
	ex := extract.Extractor{Dest: dest}
	// One importer for the generic names: it caches the packages it loaded,
	// so the dependencies shared by pkgs are read once.
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	var out []Extraction
	for _, p := range pkgs {
		var buf bytes.Buffer
		if _, err := ex.Extract(p, "", &buf); err != nil {
			return out, fmt.Errorf("extracting symbols of %s: %w", p, err)
		}
		gen, err := genericNames(imp, p)
		if err != nil {
			return out, err
		}
		out = append(out, Extraction{ImportPath: p, Source: buf.Bytes(), Generic: gen})
	}
	return out, nil
}

// genericNames lists the exported generic functions and types of package
// path, which yaegi's extractor drops without a word.
func genericNames(imp types.Importer, path string) ([]string, error) {
	pkg, err := imp.Import(path)
	if err != nil {
		return nil, fmt.Errorf("listing generic names of %s: %w", path, err)
	}
	var names []string
	sc := pkg.Scope()
	for _, name := range sc.Names() {
		o := sc.Lookup(name)
		if !o.Exported() {
			continue
		}
		switch o := o.(type) {
		case *types.Func:
			if o.Type().(*types.Signature).TypeParams().Len() > 0 {
				names = append(names, name)
			}
		case *types.TypeName:
			if n, ok := o.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				names = append(names, name)
			}
		}
	}
	return names, nil
}

// FileName is the name of the generated file that holds the symbols of
// package importPath: its path with separators replaced, as yaegi's own
// extract command names them.
func FileName(importPath string) string {
	r := strings.NewReplacer("/", "_", "-", "_", ".", "_", "~", "_")
	return r.Replace(importPath) + ".go"
}
