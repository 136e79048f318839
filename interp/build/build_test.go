package build_test

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gocell/gocell/interp/build"
)

// yaegiMain is a minimal executor: it evaluates its arguments in turn, with
// the standard library and the extracted symbols.
const yaegiMain = `package main

import (
	"fmt"
	"os"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"gocellexecutor/symbols"
)

func main() {
	i := interp.New(interp.Options{})
	i.Use(stdlib.Symbols)
	i.Use(symbols.Symbols)
	for _, src := range os.Args[1:] {
		if _, err := i.Eval(src); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
`

// newBuilder returns a builder whose go commands use a module cache of
// their own, so that a test neither depends on what an earlier run left in
// the machine's module cache nor leaves its example modules there. The
// machine's cache is read as a proxy (it is one, in its download folder),
// ahead of the network, so that modules are not downloaded again; the
// build cache stays shared, as it only ever holds correct results.
func newBuilder(t *testing.T, cache string) (*build.Builder, *[]build.Progress) {
	var progress []build.Progress
	return &build.Builder{
		Source:   os.DirFS("../.."),
		Version:  "test",
		Main:     func() string { return yaegiMain },
		CacheDir: cache,
		Progress: func(p build.Progress) { progress = append(progress, p) },
		Env:      isolatedModCache(t, ""),
	}, &progress
}

// isolatedModCache returns the environment of a fresh module cache, with
// the proxies to fill it: first extra (a file:// proxy of the test's own
// modules, if any), then the machine's module cache, then the network.
func isolatedModCache(t *testing.T, extra string) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE", "GOPROXY").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	proxies := []string{}
	if extra != "" {
		proxies = append(proxies, extra)
	}
	if dl := filepath.Join(lines[0], "cache", "download"); lines[0] != "" {
		if _, err := os.Stat(dl); err == nil {
			proxies = append(proxies, "file://"+dl)
		}
	}
	proxies = append(proxies, lines[1])
	return []string{
		"GOMODCACHE=" + t.TempDir(),
		"GOPROXY=" + strings.Join(proxies, ","),
		// Writable, so that the test's temporary directory can be removed.
		"GOFLAGS=-modcacherw",
	}
}

func phases(ps []build.Progress) []build.Phase {
	var out []build.Phase
	for _, p := range ps {
		out = append(out, p.Phase)
	}
	return out
}

func TestBuildHumanizeAndCache(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an executor")
	}
	cache := t.TempDir()
	b, progress := newBuilder(t, cache)
	ctx := context.Background()

	start := time.Now()
	ex, err := b.Build(ctx, []string{"github.com/dustin/go-humanize@v1.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	cold := time.Since(start)
	if ex.Cached || !slices.Equal(ex.Modules, []string{"github.com/dustin/go-humanize@v1.0.1"}) {
		t.Errorf("first build: cached=%v modules=%v", ex.Cached, ex.Modules)
	}
	if !slices.Contains(ex.Packages, "github.com/dustin/go-humanize") || !slices.Contains(ex.Packages, "github.com/dustin/go-humanize/english") {
		t.Errorf("packages: %v", ex.Packages)
	}
	if want := []build.Phase{build.Resolving, build.Extracting, build.Compiling, build.Done}; !slices.Equal(phases(*progress), want) {
		t.Errorf("phases %v, want %v", phases(*progress), want)
	}
	if !strings.HasPrefix(ex.Path, cache) {
		t.Errorf("binary %s is not in the cache %s", ex.Path, cache)
	}

	out, err := exec.Command(ex.Path, `import ("fmt"; "github.com/dustin/go-humanize")`, `fmt.Println(humanize.Bytes(82854982), humanize.Comma(1234567))`).CombinedOutput()
	if err != nil || string(out) != "83 MB 1,234,567\n" {
		t.Fatalf("executor said %q (%v), want \"83 MB 1,234,567\\n\"", out, err)
	}

	*progress = nil
	start = time.Now()
	again, err := b.Build(ctx, []string{"github.com/dustin/go-humanize@v1.0.1"})
	warm := time.Since(start)
	if err != nil || !again.Cached || again.Path != ex.Path {
		t.Fatalf("second build: %+v, %v", again, err)
	}
	if !slices.Equal(phases(*progress), []build.Phase{build.Cached}) {
		t.Errorf("second build phases: %v", phases(*progress))
	}
	t.Logf("%%go get github.com/dustin/go-humanize: cold %v, warm %v", cold.Round(time.Millisecond), warm.Round(time.Microsecond))
}

func TestGenericNamesReported(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an executor")
	}
	b, _ := newBuilder(t, t.TempDir())
	ex, err := b.Build(context.Background(), []string{"github.com/samber/lo@v1.47.0"})
	if err != nil {
		t.Fatal(err)
	}
	gen := ex.Generic["github.com/samber/lo"]
	if !slices.Contains(gen, "Map") || !slices.Contains(gen, "Filter") || len(gen) < 100 {
		t.Errorf("generic names of lo: %d, %v", len(gen), gen[:min(len(gen), 10)])
	}
	t.Logf("samber/lo: %d generic names dropped", len(gen))
}

func TestBuildErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	proxy := localProxy(t)
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		modules []string
		check   func(error) bool
		says    string
	}{
		{"unknown module", []string{"github.com/gocell-nonexistent/nomodule"},
			func(err error) bool { var e *build.UnknownModuleError; return errors.As(err, &e) }, "check the spelling"},
		{"unknown version", []string{"github.com/dustin/go-humanize@v9.9.9"},
			func(err error) bool {
				var e *build.UnknownVersionError
				return errors.As(err, &e) && slices.Contains(e.Known, "v1.0.1")
			}, "has no version v9.9.9"},
		{"cgo only", []string{"example.com/cgoonly@v1.0.0"},
			func(err error) bool { var e *build.CgoError; return errors.As(err, &e) }, "needs cgo"},
		{"does not compile", []string{"example.com/broken@v1.0.0"},
			func(err error) bool { var e *build.BuildError; return errors.As(err, &e) }, "undefined: missing"},
		{"not a path", []string{"no spaces allowed"},
			func(err error) bool { return err != nil }, "is not a module path"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, _ := newBuilder(t, t.TempDir())
			b.Env = append(isolatedModCache(t, "file://"+proxy), "GONOSUMDB=example.com")
			_, err := b.Build(ctx, c.modules)
			if err == nil || !c.check(err) || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("err = %v (%T), want one that says %q", err, err, c.says)
			}
			t.Log(err)
		})
	}
	t.Run("no toolchain", func(t *testing.T) {
		b, _ := newBuilder(t, t.TempDir())
		t.Setenv("PATH", t.TempDir())
		_, err := b.Build(ctx, []string{"github.com/dustin/go-humanize"})
		var e *build.NoToolchainError
		if !errors.As(err, &e) || !strings.Contains(err.Error(), "install Go") {
			t.Fatalf("err = %v", err)
		}
	})
}

// localProxy writes a module proxy directory (GOPROXY=file://...) serving
// two modules the public proxy cannot provide: one whose only package needs
// cgo, and one that does not compile.
func localProxy(t *testing.T) string {
	dir := t.TempDir()
	mods := map[string]map[string]string{
		"example.com/cgoonly": {"c.go": "package cgoonly\n\n// int two() { return 2; }\nimport \"C\"\n\nfunc Two() int { return int(C.two()) }\n"},
		"example.com/broken":  {"b.go": "package broken\n\nfunc F() int { return missing }\n"},
	}
	for path, files := range mods {
		gomod := "module " + path + "\n\ngo 1.21\n"
		vdir := filepath.Join(dir, filepath.FromSlash(path), "@v")
		if err := os.MkdirAll(vdir, 0o755); err != nil {
			t.Fatal(err)
		}
		write := func(name, data string) {
			if err := os.WriteFile(filepath.Join(vdir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write("list", "v1.0.0\n")
		write("v1.0.0.info", `{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}`)
		write("v1.0.0.mod", gomod)
		f, err := os.Create(filepath.Join(vdir, "v1.0.0.zip"))
		if err != nil {
			t.Fatal(err)
		}
		z := zip.NewWriter(f)
		files["go.mod"] = gomod
		for name, data := range files {
			w, err := z.Create(path + "@v1.0.0/" + name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(data))
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return dir
}
