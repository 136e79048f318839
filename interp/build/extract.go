package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// FileName is the name of the generated file that holds the symbols of
// package importPath: its path with separators replaced, as yaegi's own
// extract command names them.
func FileName(importPath string) string {
	r := strings.NewReplacer("/", "_", "-", "_", ".", "_", "~", "_")
	return r.Replace(importPath) + ".go"
}
