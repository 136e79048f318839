package rewrite

// The host packages the type check of generic calls (infer.go) sees.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"sync/atomic"
)

// PackageTypes describes the host packages cells import, for the type
// check of generic calls.
type PackageTypes interface {
	// Path returns the import path of the package a cell names name, or "".
	Path(name string) string
	// Import returns the package of an import path, or nil.
	Import(path string) *types.Package
}

var packageTypes atomic.Value // of PackageTypes

// UsePackageTypes sets the host packages the type check of generic calls
// sees. Without it, what comes from packages is unknown to the check, and
// calls that depend on it keep the interpreter's own inference.
func UsePackageTypes(p PackageTypes) { packageTypes.Store(&p) }

func currentPackageTypes() PackageTypes {
	if p, ok := packageTypes.Load().(*PackageTypes); ok {
		return *p
	}
	return nil
}

// packageImports returns an import declaration of the host packages file f
// names without importing them (a cell's code sees the notebook's
// imports), or nil.
func packageImports(f *ast.File) *ast.GenDecl {
	pt := currentPackageTypes()
	if pt == nil {
		return nil
	}
	imported := map[string]bool{}
	for _, imp := range f.Imports {
		if imp.Name != nil {
			imported[imp.Name.Name] = true
		} else if p, err := strconv.Unquote(imp.Path.Value); err == nil {
			imported[p[strings.LastIndex(p, "/")+1:]] = true
		}
	}
	unresolved := map[*ast.Ident]bool{}
	for _, id := range f.Unresolved {
		unresolved[id] = true
	}
	var specs []ast.Spec
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok || !unresolved[x] || imported[x.Name] {
			return true
		}
		imported[x.Name] = true
		if p := pt.Path(x.Name); p != "" {
			specs = append(specs, &ast.ImportSpec{Name: ast.NewIdent(x.Name), Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(p)}})
		}
		return true
	})
	if len(specs) == 0 {
		return nil
	}
	return &ast.GenDecl{Tok: token.IMPORT, Specs: specs}
}

// hostImporter imports host packages for the check; a package it does not
// know is empty.
type hostImporter struct{}

func (hostImporter) Import(path string) (*types.Package, error) {
	if pt := currentPackageTypes(); pt != nil {
		if p := pt.Import(path); p != nil {
			return p, nil
		}
	}
	name := path[strings.LastIndex(path, "/")+1:]
	p := types.NewPackage(path, name)
	p.MarkComplete()
	return p, nil
}
