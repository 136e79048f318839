// Package extractor writes yaegi symbol tables for compiled packages, so
// that interpreted cells can call them. It is what an executor build runs
// in a child process (see package build) and what the bundled packages'
// generator runs; it is kept out of package build so that the kernel, which
// starts builds, links no part of the interpreter.
package extractor

import (
	"bytes"
	"fmt"
	"go/build"
	"go/importer"
	"go/token"
	"go/types"
	"os"

	"github.com/traefik/yaegi/extract"
)

// Extraction is the result of extracting one package's symbols.
type Extraction struct {
	ImportPath string
	Source     []byte   // the generated Go file (package dest)
	Generic    []string // exported generic functions and types, which yaegi cannot use and extraction leaves out
}

// ExtractInGOPATH writes yaegi symbol tables for the packages pkgs, found in
// the GOPATH gopath (see build.SymlinkGOPATH), as Go files of package dest.
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
