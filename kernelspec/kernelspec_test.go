package kernelspec

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// isolate points every location the package may consult at empty temporary
// directories, so no test reads or writes the real user's or system's
// Jupyter setup.
func isolate(t *testing.T) (userData string) {
	t.Helper()
	userData = filepath.Join(t.TempDir(), "userdata")
	t.Setenv("JUPYTER_DATA_DIR", userData)
	t.Setenv("JUPYTER_PATH", "")
	t.Setenv("CONDA_PREFIX", "")
	t.Setenv("VIRTUAL_ENV", "")
	return userData
}

// fakeExe is an absolute path to stand in for the gocell binary.
func fakeExe(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "bin", "gocell")
}

// readSpec parses dir/kernel.json into a generic map, so the test sees
// exactly the keys Jupyter will see.
func readSpec(t *testing.T, dir string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("kernel.json is not JSON: %v\n%s", err, b)
	}
	return m
}

func TestInstallPrefix(t *testing.T) {
	isolate(t)
	prefix := t.TempDir()
	exe := fakeExe(t)
	dir, err := Install(Options{Prefix: prefix, Executable: exe})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(prefix, "share", "jupyter", "kernels", "gocell"); dir != want {
		t.Errorf("dir = %q, want %q", dir, want)
	}

	spec := readSpec(t, dir)
	argv, _ := spec["argv"].([]any)
	if len(argv) != 3 || argv[0] != exe || argv[1] != "kernel" || argv[2] != "{connection_file}" {
		t.Errorf("argv = %v, want [%s kernel {connection_file}]", spec["argv"], exe)
	}
	for key, want := range map[string]string{
		"display_name":   "Go (gocell)",
		"language":       "go",
		"interrupt_mode": "message",
	} {
		if spec[key] != want {
			t.Errorf("%s = %v, want %q", key, spec[key], want)
		}
	}
	if _, ok := spec["env"]; ok {
		t.Errorf("env = %v, want it omitted when no environment is given", spec["env"])
	}
	meta, _ := spec["metadata"].(map[string]any)
	if dbg, ok := meta["debugger"]; !ok || dbg != false {
		t.Errorf("metadata = %v, want {debugger: false}", spec["metadata"])
	}

	for name, size := range map[string]int{"logo-32x32.png": 32, "logo-64x64.png": 64} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("%s is %dx%d, want %dx%d", name, b.Dx(), b.Dy(), size, size)
		}
	}
	svg, err := os.ReadFile(filepath.Join(dir, "logo-svg.svg"))
	if err != nil {
		t.Fatal(err)
	}
	checkSVG(t, svg)

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 {
		t.Errorf("kernelspec holds %d files, want 4: %v", len(entries), entries)
	}
	if runtime.GOOS != "windows" {
		// A system-wide kernelspec must be readable by everyone.
		if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm()&0o555 != 0o555 {
			t.Errorf("kernelspec directory mode = %v (err %v), want world-readable", fi.Mode(), err)
		}
	}
}

// checkSVG parses the whole document as XML and checks its root.
func checkSVG(t *testing.T, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root *xml.StartElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == nil {
			se := se.Copy()
			root = &se
		}
	}
	if root == nil || root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("SVG root = %v, want svg in the SVG namespace", root)
	}
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	if attrs["viewBox"] != "0 0 64 64" {
		t.Errorf("viewBox = %q, want \"0 0 64 64\"", attrs["viewBox"])
	}
}

func TestInstallOptions(t *testing.T) {
	isolate(t)
	prefix := t.TempDir()
	dir, err := Install(Options{
		Prefix:      prefix,
		Name:        "GoCell-Dev",
		DisplayName: "Go (dev)",
		Executable:  fakeExe(t),
		Env:         map[string]string{"GOCELL_CACHE": "off", "EMPTY": ""},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Jupyter lowercases kernel names; so do we, or the name notebooks
	// record would not match the directory.
	if filepath.Base(dir) != "gocell-dev" {
		t.Errorf("dir = %q, want a lowercased gocell-dev", dir)
	}
	spec := readSpec(t, dir)
	if spec["display_name"] != "Go (dev)" {
		t.Errorf("display_name = %v", spec["display_name"])
	}
	env, _ := spec["env"].(map[string]any)
	if len(env) != 2 || env["GOCELL_CACHE"] != "off" || env["EMPTY"] != "" {
		t.Errorf("env = %v, want GOCELL_CACHE=off and EMPTY=", spec["env"])
	}
}

func TestInstallRelativeExecutableMadeAbsolute(t *testing.T) {
	isolate(t)
	dir, err := Install(Options{Prefix: t.TempDir(), Executable: filepath.Join("bin", "gocell")})
	if err != nil {
		t.Fatal(err)
	}
	argv := readSpec(t, dir)["argv"].([]any)
	if exe, _ := argv[0].(string); !filepath.IsAbs(exe) {
		t.Errorf("argv[0] = %q, want an absolute path", exe)
	}
}

func TestInstallDefaultExecutable(t *testing.T) {
	isolate(t)
	dir, err := Install(Options{Prefix: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Skip("os.Executable unavailable:", err)
	}
	want, err := filepath.EvalSymlinks(self)
	if err != nil {
		t.Fatal(err)
	}
	want, _ = filepath.Abs(want)
	if got := readSpec(t, dir)["argv"].([]any)[0]; got != want {
		t.Errorf("argv[0] = %v, want the running executable %q", got, want)
	}
}

func TestReinstallReplaces(t *testing.T) {
	isolate(t)
	prefix := t.TempDir()
	opts := Options{Prefix: prefix, Executable: fakeExe(t), DisplayName: "first"}
	dir, err := Install(opts)
	if err != nil {
		t.Fatal(err)
	}
	// Something left over from an older install must not survive.
	if err := os.WriteFile(filepath.Join(dir, "stale.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.DisplayName = "second"
	dir2, err := Install(opts)
	if err != nil {
		t.Fatal(err)
	}
	if dir2 != dir {
		t.Errorf("reinstall went to %q, first install to %q", dir2, dir)
	}
	if got := readSpec(t, dir)["display_name"]; got != "second" {
		t.Errorf("display_name after reinstall = %v, want second", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "stale.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale file survived reinstall (stat err %v)", err)
	}
	// No staging or moved-aside directories may be left behind.
	data := filepath.Join(prefix, "share", "jupyter")
	for _, d := range []string{data, filepath.Join(data, "kernels")} {
		entries, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				t.Errorf("leftover %s in %s", e.Name(), d)
			}
		}
	}
}

func TestInstallUserDataDir(t *testing.T) {
	userData := isolate(t)
	got, err := DataDir(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got != userData {
		t.Errorf("DataDir = %q, want $JUPYTER_DATA_DIR %q", got, userData)
	}
	dir, err := Install(Options{Executable: fakeExe(t)})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(userData, "kernels", "gocell"); dir != want {
		t.Errorf("dir = %q, want %q", dir, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "kernel.json")); err != nil {
		t.Error(err)
	}
}

func TestUserDataDirPlatformDefault(t *testing.T) {
	isolate(t)
	t.Setenv("JUPYTER_DATA_DIR", "")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	appdata := filepath.Join(home, "AppData", "Roaming")
	t.Setenv("APPDATA", appdata)
	xdg := filepath.Join(home, "xdg")
	t.Setenv("XDG_DATA_HOME", xdg)

	var want string
	switch runtime.GOOS {
	case "darwin", "ios":
		want = filepath.Join(home, "Library", "Jupyter")
	case "windows":
		want = filepath.Join(appdata, "jupyter")
	default:
		want = filepath.Join(xdg, "jupyter")
	}
	if got, err := DataDir(Options{}); err != nil || got != want {
		t.Errorf("DataDir = %q, %v; want %q", got, err, want)
	}

	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" && runtime.GOOS != "ios" {
		t.Setenv("XDG_DATA_HOME", "")
		want := filepath.Join(home, ".local", "share", "jupyter")
		if got, err := DataDir(Options{}); err != nil || got != want {
			t.Errorf("without XDG_DATA_HOME: DataDir = %q, %v; want %q", got, err, want)
		}
	}
}

func TestUninstall(t *testing.T) {
	isolate(t)
	prefix := t.TempDir()
	opts := Options{Prefix: prefix, Executable: fakeExe(t)}
	installed, err := Install(opts)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := Uninstall(opts)
	if err != nil {
		t.Fatal(err)
	}
	if dir != installed {
		t.Errorf("Uninstall removed %q, Install wrote %q", dir, installed)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("kernelspec still there after Uninstall (stat err %v)", err)
	}

	_, err = Uninstall(opts)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("second Uninstall: err = %v, want one wrapping fs.ErrNotExist", err)
	}
	kernels := filepath.Join(prefix, "share", "jupyter", "kernels")
	msg := err.Error()
	if !strings.Contains(msg, "gocell is not installed") || !strings.Contains(msg, kernels) {
		t.Errorf("error %q should say gocell is not installed and name %s", msg, kernels)
	}
}

func TestUninstallSymlinkKeepsTarget(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	isolate(t)
	prefix := t.TempDir()
	target, err := Install(Options{Prefix: t.TempDir(), Executable: fakeExe(t)})
	if err != nil {
		t.Fatal(err)
	}
	kernels := filepath.Join(prefix, "share", "jupyter", "kernels")
	if err := os.MkdirAll(kernels, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(kernels, "gocell")); err != nil {
		t.Fatal(err)
	}
	if _, err := Uninstall(Options{Prefix: prefix}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(target, "kernel.json")); err != nil {
		t.Errorf("uninstalling a symlinked kernelspec removed its target: %v", err)
	}
}

func TestPrefixAndSysPrefixExclusive(t *testing.T) {
	isolate(t)
	prefix := t.TempDir()
	opts := Options{Prefix: prefix, SysPrefix: true, Executable: fakeExe(t)}
	for name, f := range map[string]func(Options) (string, error){
		"Install": Install, "Uninstall": Uninstall, "DataDir": DataDir,
	} {
		if _, err := f(opts); err == nil || !strings.Contains(err.Error(), "mutually exclusive") {
			t.Errorf("%s: err = %v, want a mutually exclusive error", name, err)
		}
	}
	if entries, _ := os.ReadDir(prefix); len(entries) != 0 {
		t.Errorf("a rejected install wrote %v", entries)
	}
}

func TestInvalidName(t *testing.T) {
	isolate(t)
	prefix := t.TempDir()
	for _, name := range []string{".", "..", "../evil", "a/b", `a\b`, "two words", "gö"} {
		if _, err := Install(Options{Prefix: prefix, Name: name, Executable: fakeExe(t)}); err == nil {
			t.Errorf("Install accepted name %q", name)
		}
		if _, err := Uninstall(Options{Prefix: prefix, Name: name}); err == nil || errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Uninstall(%q): err = %v, want an invalid-name error", name, err)
		}
	}
}

func TestInvalidEnv(t *testing.T) {
	isolate(t)
	for _, key := range []string{"", "A=B"} {
		_, err := Install(Options{Prefix: t.TempDir(), Executable: fakeExe(t), Env: map[string]string{key: "v"}})
		if err == nil {
			t.Errorf("Install accepted env key %q", key)
		}
	}
}

func TestSysPrefixFromEnvironment(t *testing.T) {
	isolate(t)
	conda := t.TempDir()
	venv := t.TempDir()
	t.Setenv("VIRTUAL_ENV", venv)
	if got, err := DataDir(Options{SysPrefix: true}); err != nil || got != filepath.Join(venv, "share", "jupyter") {
		t.Errorf("with VIRTUAL_ENV: DataDir = %q, %v", got, err)
	}
	// conda wins, as in Jupyter's own tools.
	t.Setenv("CONDA_PREFIX", conda)
	if got, err := DataDir(Options{SysPrefix: true}); err != nil || got != filepath.Join(conda, "share", "jupyter") {
		t.Errorf("with CONDA_PREFIX: DataDir = %q, %v", got, err)
	}
	dir, err := Install(Options{SysPrefix: true, Executable: fakeExe(t)})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(conda, "share", "jupyter", "kernels", "gocell"); dir != want {
		t.Errorf("dir = %q, want %q", dir, want)
	}
}

// writeScript writes an executable file.
func writeScript(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o755); err != nil {
		t.Fatal(err)
	}
}

func TestSysPrefixAsksJupytersPython(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses shell scripts as fake interpreters")
	}
	isolate(t)
	tmp := t.TempDir()
	// A python3 first in PATH that Jupyter does not use...
	writeScript(t, filepath.Join(tmp, "bin", "python3"), "#!/bin/sh\necho /wrong/prefix\n")
	// ...and the interpreter the jupyter script names, which must win.
	writeScript(t, filepath.Join(tmp, "env", "bin", "python3.11"), "#!/bin/sh\necho /right/prefix\n")
	writeScript(t, filepath.Join(tmp, "bin", "jupyter"), "#!"+filepath.Join(tmp, "env", "bin", "python3.11")+"\nimport sys\n")
	t.Setenv("PATH", filepath.Join(tmp, "bin"))

	got, err := DataDir(Options{SysPrefix: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("/right/prefix", "share", "jupyter"); got != want {
		t.Errorf("DataDir = %q, want %q (from the python that runs jupyter)", got, want)
	}

	// Without a jupyter script, the python3 in PATH answers.
	os.Remove(filepath.Join(tmp, "bin", "jupyter"))
	got, err = DataDir(Options{SysPrefix: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("/wrong/prefix", "share", "jupyter"); got != want {
		t.Errorf("without jupyter: DataDir = %q, want %q", got, want)
	}
}

func TestSysPrefixUndeterminable(t *testing.T) {
	isolate(t)
	t.Setenv("PATH", t.TempDir())
	old := systemPython
	systemPython = filepath.Join(t.TempDir(), "no-python3")
	t.Cleanup(func() { systemPython = old })

	_, err := Install(Options{SysPrefix: true, Executable: fakeExe(t)})
	if err == nil {
		t.Fatal("Install with --sys-prefix and no Python succeeded")
	}
	for _, want := range []string{"--sys-prefix", "CONDA_PREFIX", "VIRTUAL_ENV", "python3"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestShebangPython(t *testing.T) {
	dir := t.TempDir()
	for i, c := range []struct{ text, want string }{
		{"#!/usr/bin/python3\n# -*- coding: utf-8 -*-\n", "/usr/bin/python3"},
		{"#! /opt/env/bin/python3.12 -I\n", "/opt/env/bin/python3.12"},
		{"#!/usr/bin/env python3\n", "python3"},
		{"#!/usr/bin/env -S python3 -u\n", "python3"},
		{"#!/bin/sh\n'''exec' python3 \"$0\" \"$@\"\n", ""},
		{"\x7fELF\x02\x01\x01\x00", ""},
		{"", ""},
	} {
		p := filepath.Join(dir, "jupyter"+string(rune('a'+i)))
		if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := shebangPython(p); got != c.want {
			t.Errorf("shebangPython(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	if got := shebangPython(filepath.Join(dir, "missing")); got != "" {
		t.Errorf("missing file: %q", got)
	}
}
