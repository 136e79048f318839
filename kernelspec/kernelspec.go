package kernelspec

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Defaults for Options.Name and Options.DisplayName.
const (
	DefaultName        = "gocell"
	DefaultDisplayName = "Go (gocell)"
)

// Options says where and how to install (or uninstall) the kernelspec.
//
// Prefix and SysPrefix are mutually exclusive; with neither, the user's
// Jupyter data directory is used.
type Options struct {
	// Name is the kernelspec's directory name under kernels/, which is
	// also the name notebooks record in their metadata. Default "gocell".
	// Jupyter lowercases kernel names, so Name is lowercased too; it may
	// hold only ASCII letters, digits, '.', '_' and '-'.
	Name string
	// DisplayName is what front ends show in their kernel pickers.
	// Default "Go (gocell)".
	DisplayName string
	// Prefix installs under Prefix/share/jupyter/kernels.
	Prefix string
	// SysPrefix installs under the share/jupyter/kernels directory of the
	// Python environment Jupyter runs in: $CONDA_PREFIX or $VIRTUAL_ENV
	// when set, else sys.prefix of the Python that runs `jupyter`.
	SysPrefix bool
	// Executable is the gocell binary that kernel.json's argv starts.
	// Default: the running executable, symlinks resolved, made absolute.
	// A relative path is made absolute against the working directory,
	// because Jupyter starts kernels from the notebook's directory.
	Executable string
	// Env is extra environment for the kernel process (kernel.json "env").
	Env map[string]string
}

// kernelJSON is the kernel.json file. The struct fixes the key order, which
// keeps the file stable across reinstalls and easy to read.
type kernelJSON struct {
	Argv          []string          `json:"argv"`
	DisplayName   string            `json:"display_name"`
	Language      string            `json:"language"`
	InterruptMode string            `json:"interrupt_mode"`
	Env           map[string]string `json:"env,omitempty"`
	Metadata      kernelMetadata    `json:"metadata"`
}

type kernelMetadata struct {
	// Debugger false tells JupyterLab not to offer its debugger UI: the
	// kernel does not implement the debug protocol.
	Debugger bool `json:"debugger"`
}

// validName is Jupyter's own rule for kernel names (jupyter_client
// rejects or warns about anything else), applied after lowercasing.
var validName = regexp.MustCompile(`^[a-z0-9._-]+$`)

// normalize fills in defaults and checks the options that every operation
// shares, returning a copy.
func normalize(opts Options) (Options, error) {
	if opts.Name == "" {
		opts.Name = DefaultName
	}
	opts.Name = strings.ToLower(opts.Name)
	// "." and ".." pass the character check but would name the kernels
	// directory itself or its parent.
	if !validName.MatchString(opts.Name) || strings.Trim(opts.Name, ".") == "" {
		return opts, fmt.Errorf("invalid kernel name %q: use ASCII letters, digits, '.', '_' and '-' only", opts.Name)
	}
	if opts.DisplayName == "" {
		opts.DisplayName = DefaultDisplayName
	}
	if opts.Prefix != "" && opts.SysPrefix {
		return opts, errors.New("--prefix and --sys-prefix are mutually exclusive: choose one install location")
	}
	return opts, nil
}

// DataDir returns the Jupyter data directory that Install and Uninstall
// use for opts: the kernelspec lives in DataDir/kernels/<name>.
func DataDir(opts Options) (string, error) {
	opts, err := normalize(opts)
	if err != nil {
		return "", err
	}
	return dataDir(opts)
}

// dataDir is DataDir for options that are already normalized.
func dataDir(opts Options) (string, error) {
	switch {
	case opts.Prefix != "":
		p, err := filepath.Abs(opts.Prefix)
		if err != nil {
			return "", fmt.Errorf("resolve prefix %q: %w", opts.Prefix, err)
		}
		return filepath.Join(p, "share", "jupyter"), nil
	case opts.SysPrefix:
		p, err := sysPrefix()
		if err != nil {
			return "", err
		}
		return filepath.Join(p, "share", "jupyter"), nil
	default:
		return userDataDir()
	}
}

// kernelJSONBytes renders kernel.json for normalized options.
func kernelJSONBytes(opts Options) ([]byte, error) {
	exe, err := executable(opts.Executable)
	if err != nil {
		return nil, err
	}
	for k := range opts.Env {
		if k == "" || strings.ContainsAny(k, "=\x00") {
			return nil, fmt.Errorf("invalid environment variable name %q", k)
		}
	}
	spec := kernelJSON{
		Argv:          []string{exe, "kernel", "{connection_file}"},
		DisplayName:   opts.DisplayName,
		Language:      "go",
		InterruptMode: "message",
		Env:           opts.Env,
	}
	b, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode kernel.json: %w", err)
	}
	return append(b, '\n'), nil
}

// executable returns the absolute path kernel.json should start.
func executable(exe string) (string, error) {
	if exe == "" {
		self, err := os.Executable()
		if err != nil {
			return "", fmt.Errorf("find the gocell executable: %w", err)
		}
		// Resolving symlinks records the real binary rather than
		// whatever link happened to be used to run `gocell install`.
		if resolved, err := filepath.EvalSymlinks(self); err == nil {
			self = resolved
		}
		exe = self
	}
	abs, err := filepath.Abs(exe)
	if err != nil {
		return "", fmt.Errorf("make executable path %q absolute: %w", exe, err)
	}
	return abs, nil
}

// specFiles returns the files of a kernelspec directory, by name.
func specFiles(opts Options) (map[string][]byte, error) {
	kj, err := kernelJSONBytes(opts)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{
		"kernel.json":  kj,
		"logo-svg.svg": []byte(logoSVG),
	}
	for _, size := range []int{32, 64} {
		b, err := logoPNG(size)
		if err != nil {
			return nil, err
		}
		files[fmt.Sprintf("logo-%dx%d.png", size, size)] = b
	}
	return files, nil
}

// Install writes the kernelspec (kernel.json and the three logos) to
// DataDir(opts)/kernels/<name> and returns that directory. Reinstalling
// replaces an existing kernelspec of the same name.
//
// The files are written to a fresh directory beside the target, which is
// then renamed into place, so Jupyter never reads a half-written
// kernel.json and a failed install leaves the previous one intact.
func Install(opts Options) (dir string, err error) {
	opts, err = normalize(opts)
	if err != nil {
		return "", err
	}
	files, err := specFiles(opts)
	if err != nil {
		return "", err
	}
	data, err := dataDir(opts)
	if err != nil {
		return "", err
	}
	kernels := filepath.Join(data, "kernels")
	dir = filepath.Join(kernels, opts.Name)
	if err := os.MkdirAll(kernels, 0o755); err != nil {
		return dir, fmt.Errorf("install kernelspec %s: create %s: %w", opts.Name, kernels, err)
	}

	// The files are staged in a hidden directory beside kernels/, not in
	// it: Jupyter lists every directory in kernels/ that holds a
	// kernel.json, so a staging directory there that a crash left behind
	// would show up as a kernel. The name is unique so concurrent installs
	// don't collide, and it sits on the same file system, so the final
	// rename is atomic.
	tmp, err := os.MkdirTemp(data, ".gocell-install-")
	if err != nil {
		return dir, fmt.Errorf("install kernelspec %s: %w", opts.Name, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	// MkdirTemp makes a private (0700) directory; a kernelspec installed
	// system-wide must be readable by every user.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return dir, fmt.Errorf("install kernelspec %s: %w", opts.Name, err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), b, 0o644); err != nil {
			return dir, fmt.Errorf("install kernelspec %s: write %s: %w", opts.Name, name, err)
		}
	}
	if err := replaceDir(tmp, dir); err != nil {
		return dir, fmt.Errorf("install kernelspec %s: %w", opts.Name, err)
	}
	return dir, nil
}

// replaceDir moves the directory src to dst, replacing whatever dst was.
// A rename cannot replace a non-empty directory, so an existing dst is
// first moved aside (next to src, outside kernels/) and only deleted once
// src is in place; if that last rename fails, the old dst is put back.
func replaceDir(src, dst string) error {
	if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(src, dst); err != nil {
			return fmt.Errorf("move into place: %w", err)
		}
		return nil
	}
	old := src + ".old"
	if err := os.Rename(dst, old); err != nil {
		return fmt.Errorf("move previous kernelspec %s aside: %w", dst, err)
	}
	if err := os.Rename(src, dst); err != nil {
		if rerr := os.Rename(old, dst); rerr != nil {
			return fmt.Errorf("move into place: %w (and restoring the previous kernelspec from %s failed: %v)", err, old, rerr)
		}
		return fmt.Errorf("move into place: %w", err)
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("remove previous kernelspec (moved to %s): %w", old, err)
	}
	return nil
}

// Uninstall removes the kernelspec DataDir(opts)/kernels/<name> and returns
// that directory. If there is no such kernelspec, the error wraps
// fs.ErrNotExist and names the directory that was looked at.
func Uninstall(opts Options) (dir string, err error) {
	opts, err = normalize(opts)
	if err != nil {
		return "", err
	}
	data, err := dataDir(opts)
	if err != nil {
		return "", err
	}
	dir = filepath.Join(data, "kernels", opts.Name)
	// Lstat, not Stat: a kernelspec installed as a symlink (as
	// `jupyter kernelspec install --symlink` does) is removed as a link,
	// leaving its target alone.
	if _, err := os.Lstat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return dir, &notInstalledError{name: opts.Name, kernels: filepath.Dir(dir)}
		}
		return dir, fmt.Errorf("uninstall kernelspec %s: %w", opts.Name, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return dir, fmt.Errorf("uninstall kernelspec %s: remove %s: %w", opts.Name, dir, err)
	}
	return dir, nil
}

// decodeKernelJSON parses kernel.json data.
func decodeKernelJSON(b []byte) (kernelJSON, error) {
	var spec kernelJSON
	if err := json.Unmarshal(b, &spec); err != nil {
		return spec, fmt.Errorf("parse kernel.json: %w", err)
	}
	return spec, nil
}

// notInstalledError reports a kernelspec that Uninstall did not find. It
// unwraps to fs.ErrNotExist so callers can test for it with errors.Is,
// while its text stays a plain sentence without the "file does not exist"
// tail that wrapping with %w would add.
type notInstalledError struct {
	name    string // kernelspec name
	kernels string // the kernels directory that was searched
}

func (e *notInstalledError) Error() string {
	return fmt.Sprintf("kernelspec %s is not installed in %s", e.name, e.kernels)
}

func (e *notInstalledError) Unwrap() error { return fs.ErrNotExist }
