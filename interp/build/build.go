// Package build makes executor binaries for a notebook that asked for
// modules beyond the bundled ones (%go get). An executor is gocell's own
// source plus symbol tables for the requested modules' packages: a
// generated module requires the modules and gocell itself (through a
// replace to the source the running binary carries, since a module
// requiring gocell by version cannot be resolved offline), yaegi's
// extractor writes the tables, and `go build` links them in. Binaries are
// cached by a hash of the gocell version, the Go version and the request,
// so asking again is instant.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Phase names a step of a build, for progress reports.
type Phase string

// The phases of a build, in order. A request served from the cache reports
// only Cached.
const (
	Resolving  Phase = "resolving"  // finding module versions and packages
	Extracting Phase = "extracting" // writing symbol tables
	Compiling  Phase = "compiling"  // go build
	Cached     Phase = "cached"     // an earlier build is reused
	Done       Phase = "done"
)

// Progress is one progress report: the phase that starts, and the time
// since the build started.
type Progress struct {
	Phase   Phase
	Elapsed time.Duration
	Detail  string // what the phase works on, "github.com/dustin/go-humanize@v1.0.1"
}

// SymbolsPackage is the import path, inside the generated module, of the
// package whose Symbols variable (an interp.Exports) holds the extracted
// tables.
const SymbolsPackage = "gocellexecutor/symbols"

// Builder builds executors. Source, Version and Main are required; the
// other fields have working zero values.
type Builder struct {
	// Source is gocell's module source: go.mod at its root.
	Source fs.FS
	// Version is gocell's version; it keys the cache with the source.
	Version string
	// Main returns the source of the executor's main.go. It must import
	// SymbolsPackage and hand its Symbols to the interpreter, typically
	// through gocell's executor entry point.
	Main func() string
	// CacheDir holds the built executors; empty means
	// os.UserCacheDir()/gocell/executors.
	CacheDir string
	// Progress, if set, is called as each phase starts.
	Progress func(Progress)
	// Env is added to the environment of the go commands, after this
	// process's own (GOPROXY, GOFLAGS, GONOSUMDB, ...).
	Env []string
}

// Executor describes a built executor binary.
type Executor struct {
	Path     string              // the binary
	Modules  []string            // the modules it carries, resolved: "path@version"
	Packages []string            // the packages with symbol tables
	Skipped  []Skipped           // packages of the modules left out, and why
	Generic  map[string][]string // per package, the generic names the tables lack
	Cached   bool                // served from the cache, not built now
}

// Skipped is a package of a requested module that the executor leaves out.
type Skipped struct {
	Package string
	Reason  string
}

// Build returns an executor carrying the modules, each "path" (the latest
// version) or "path@version", building it unless the cache has it.
func (b *Builder) Build(ctx context.Context, modules []string) (*Executor, error) {
	start := time.Now()
	report := func(p Phase, detail string) {
		if b.Progress != nil {
			b.Progress(Progress{Phase: p, Elapsed: time.Since(start), Detail: detail})
		}
	}
	if len(modules) == 0 {
		return nil, errors.New("no modules given: name at least one, as in %go get github.com/dustin/go-humanize")
	}
	for _, m := range modules {
		if path, _, _ := strings.Cut(m, "@"); path == "" || strings.ContainsAny(path, " \t\"'") {
			return nil, fmt.Errorf("%q is not a module path: write it as path or path@version, as in github.com/dustin/go-humanize@v1.0.1", m)
		}
	}
	cacheDir, err := b.cacheDir()
	if err != nil {
		return nil, err
	}
	key, err := b.key(modules)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(cacheDir, key)
	if ex, err := readManifest(dir); err == nil {
		ex.Cached = true
		report(Cached, dir)
		return ex, nil
	}

	goCmd, err := exec.LookPath("go")
	if err != nil {
		return nil, &NoToolchainError{Err: err}
	}
	work, err := os.MkdirTemp("", "gocell-build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	env := append(os.Environ(), b.Env...)
	g := &gocmd{ctx: ctx, path: goCmd, dir: work, env: append(env,
		"GOFLAGS="+strings.TrimSpace(lookupEnv(env, "GOFLAGS")+" -mod=mod"), "CGO_ENABLED=0", "GOTOOLCHAIN=local", "GOWORK=off")}

	report(Resolving, strings.Join(modules, " "))
	if err := b.writeModule(work); err != nil {
		return nil, err
	}
	ex, mods, err := resolve(g, modules)
	if err != nil {
		return nil, err
	}

	report(Extracting, strings.Join(ex.Packages, " "))
	if ex.Generic, err = extractSymbols(g, work, ex.Packages, mods); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(work, "main.go"), []byte(b.Main()), 0o644); err != nil {
		return nil, err
	}

	report(Compiling, "")
	tmpDir, err := os.MkdirTemp(cacheDir, key+".tmp")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmpDir)
	bin := filepath.Join(tmpDir, "gocell-executor")
	if out, err := g.run("build", "-trimpath", "-o", bin, "."); err != nil {
		return nil, &BuildError{Stage: "compiling", Output: out}
	}
	if err := writeManifest(tmpDir, ex); err != nil {
		return nil, err
	}
	// A concurrent build of the same request may have finished first; its
	// result is as good as ours.
	if err := os.Rename(tmpDir, dir); err != nil {
		if _, statErr := os.Stat(dir); statErr != nil {
			return nil, err
		}
	}
	ex, err = readManifest(dir)
	if err != nil {
		return nil, err
	}
	report(Done, ex.Path)
	return ex, nil
}

func (b *Builder) cacheDir() (string, error) {
	dir := b.CacheDir
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("finding the cache directory for executors: %w", err)
		}
		dir = filepath.Join(base, "gocell", "executors")
	}
	return dir, os.MkdirAll(dir, 0o755)
}

// key hashes what decides the binary: gocell's version, the Go toolchain,
// the platform, the main program and the request (sorted, so that the order
// of modules does not matter). A request without versions stays cached at
// the versions resolved the first time; naming a version asks anew.
func (b *Builder) key(modules []string) (string, error) {
	h := sha256.New()
	goVersion := runtime.Version()
	if out, err := exec.Command("go", "env", "GOVERSION").Output(); err == nil {
		goVersion = strings.TrimSpace(string(out))
	}
	sorted := slices.Sorted(slices.Values(modules))
	fmt.Fprintf(h, "gocell %s\ngo %s %s/%s\nmain %s\n", b.Version, goVersion, runtime.GOOS, runtime.GOARCH, b.Main())
	for _, m := range sorted {
		fmt.Fprintf(h, "module %s\n", m)
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

// writeModule lays out the generated module in work: gocell's source under
// gocell/, and a go.mod requiring it through a replace.
func (b *Builder) writeModule(work string) error {
	if b.Source == nil || b.Main == nil {
		return errors.New("build: Builder needs Source and Main")
	}
	src := filepath.Join(work, "gocell")
	err := fs.WalkDir(b.Source, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return fs.SkipDir
			}
			return os.MkdirAll(filepath.Join(src, p), 0o755)
		}
		if strings.HasSuffix(name, "_test.go") || !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(b.Source, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(src, p), data, 0o644)
	})
	if err != nil {
		return fmt.Errorf("copying gocell's source: %w", err)
	}
	gomod, err := fs.ReadFile(b.Source, "go.mod")
	if err != nil {
		return fmt.Errorf("gocell's source has no go.mod: %w", err)
	}
	goLine := "go 1.22"
	for _, l := range strings.Split(string(gomod), "\n") {
		if strings.HasPrefix(l, "go ") {
			goLine = strings.TrimSpace(l)
		}
	}
	mod := fmt.Sprintf("module gocellexecutor\n\n%s\n\nrequire github.com/gocell/gocell v0.0.0\n\nreplace github.com/gocell/gocell => ./gocell\n", goLine)
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	// gocell's go.sum covers its own requirements, so that they need no
	// checksum lookups.
	if sum, err := fs.ReadFile(b.Source, "go.sum"); err == nil {
		return os.WriteFile(filepath.Join(work, "go.sum"), sum, 0o644)
	}
	return nil
}

// manifest is the JSON file beside a cached binary that describes it.
const manifest = "executor.json"

func writeManifest(dir string, ex *Executor) error {
	data, err := json.MarshalIndent(ex, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, manifest), data, 0o644)
}

func readManifest(dir string) (*Executor, error) {
	data, err := os.ReadFile(filepath.Join(dir, manifest))
	if err != nil {
		return nil, err
	}
	var ex Executor
	if err := json.Unmarshal(data, &ex); err != nil {
		return nil, err
	}
	ex.Path = filepath.Join(dir, "gocell-executor")
	if _, err := os.Stat(ex.Path); err != nil {
		return nil, err
	}
	return &ex, nil
}

// gocmd runs the go command in the generated module.
type gocmd struct {
	ctx  context.Context
	path string
	dir  string
	env  []string
}

// run returns the command's combined output.
func (g *gocmd) run(args ...string) (string, error) {
	var out bytes.Buffer
	cmd := exec.CommandContext(g.ctx, g.path, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = g.dir, g.env, &out, &out
	err := cmd.Run()
	if err != nil && g.ctx.Err() != nil {
		err = g.ctx.Err()
	}
	return out.String(), err
}

// output returns the command's standard output, and its standard error in
// the error.
func (g *gocmd) output(args ...string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd := exec.CommandContext(g.ctx, g.path, args...)
	cmd.Dir, cmd.Env, cmd.Stderr = g.dir, g.env, &stderr
	out, err := cmd.Output()
	if err != nil {
		if g.ctx.Err() != nil {
			return nil, g.ctx.Err()
		}
		return out, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}

// lookupEnv returns the last value of key in env, as the go command would
// see it: flags a caller set in GOFLAGS are kept beside the builder's own.
func lookupEnv(env []string, key string) string {
	v := ""
	for _, kv := range env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == key {
			v = val
		}
	}
	return v
}
