package kernelspec

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// userDataDir is Jupyter's per-user data directory, computed the way
// jupyter_core does it, so that what we install is where Jupyter looks.
func userDataDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return absDir(d, "JUPYTER_DATA_DIR")
	}
	home, err := os.UserHomeDir()
	if err != nil && runtime.GOOS != "windows" {
		return "", fmt.Errorf("find the Jupyter user data directory: %w (set JUPYTER_DATA_DIR or use --prefix)", err)
	}
	switch runtime.GOOS {
	case "darwin", "ios":
		return filepath.Join(home, "Library", "Jupyter"), nil
	case "windows":
		if appdata := os.Getenv("APPDATA"); appdata != "" {
			return filepath.Join(appdata, "jupyter"), nil
		}
		// Without %APPDATA% Jupyter falls back to data/ inside its config
		// directory.
		if cfg := os.Getenv("JUPYTER_CONFIG_DIR"); cfg != "" {
			return absDir(filepath.Join(cfg, "data"), "JUPYTER_CONFIG_DIR")
		}
		if err != nil {
			return "", fmt.Errorf("find the Jupyter user data directory: %w (set JUPYTER_DATA_DIR or use --prefix)", err)
		}
		return filepath.Join(home, ".jupyter", "data"), nil
	default:
		if xdg := os.Getenv("XDG_DATA_HOME"); xdg != "" {
			return absDir(filepath.Join(xdg, "jupyter"), "XDG_DATA_HOME")
		}
		return filepath.Join(home, ".local", "share", "jupyter"), nil
	}
}

// absDir makes a directory taken from the environment variable env
// absolute, so the path we report is the one we wrote to.
func absDir(dir, env string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("resolve $%s (%q): %w", env, dir, err)
	}
	return abs, nil
}

// pythonTimeout bounds each attempt to ask a Python for its sys.prefix; an
// interpreter that hangs at startup must not hang the install.
const pythonTimeout = 20 * time.Second

// sysPrefix finds the prefix of the Python environment Jupyter runs in,
// whose share/jupyter is on Jupyter's search path (jupyter_core puts
// sys.prefix/share/jupyter there).
//
// An activated conda or virtual environment says so in the environment.
// Otherwise we ask Python, starting with the interpreter named on the first
// line of the `jupyter` script in PATH: that is the Python whose sys.prefix
// Jupyter will search, which may differ from the first python3 in PATH
// (a distribution's Jupyter under /usr/bin/python3 next to a pyenv or
// Homebrew python3, say).
func sysPrefix() (string, error) {
	for _, env := range []string{"CONDA_PREFIX", "VIRTUAL_ENV"} {
		if p := os.Getenv(env); p != "" {
			return absDir(p, env)
		}
	}
	var tried []string
	var errs []error
	for _, py := range pythonCandidates() {
		tried = append(tried, py)
		p, err := askPythonPrefix(py)
		if err == nil {
			return p, nil
		}
		errs = append(errs, err)
	}
	return "", fmt.Errorf("cannot determine the Python environment prefix for --sys-prefix: $CONDA_PREFIX and $VIRTUAL_ENV are unset and no Python answered (tried %s): %w; use --prefix or --user instead",
		strings.Join(tried, ", "), errors.Join(errs...))
}

// systemPython is the distribution's Python, asked even when PATH does not
// lead to it (a service or IDE with a minimal PATH). A variable so tests
// can take it away.
var systemPython = func() string {
	if runtime.GOOS == "windows" {
		return ""
	}
	return "/usr/bin/python3"
}()

// pythonCandidates lists the interpreters to ask for sys.prefix, best
// first, without duplicates.
func pythonCandidates() []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	if j, err := exec.LookPath("jupyter"); err == nil {
		add(shebangPython(j))
	}
	add("python3")
	add(systemPython)
	add("python")
	return out
}

// shebangPython returns the Python interpreter that the script at path
// names on its "#!" line, or "" when it names none we can use (a
// compiled launcher, a shell wrapper, an unreadable file).
func shebangPython(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	// Only the first line matters; cap it so a binary launcher with no
	// newline in sight is not read whole.
	line, err := bufio.NewReaderSize(f, 512).ReadSlice('\n')
	if err != nil && len(line) == 0 {
		return ""
	}
	s, ok := strings.CutPrefix(strings.TrimSpace(string(line)), "#!")
	if !ok {
		return ""
	}
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return ""
	}
	interp := fields[0]
	if filepath.Base(interp) == "env" {
		// "#!/usr/bin/env [-S] python3": the interpreter is the first
		// argument that is not an option, found through PATH.
		interp = ""
		for _, f := range fields[1:] {
			if !strings.HasPrefix(f, "-") {
				interp = f
				break
			}
		}
	}
	if !strings.HasPrefix(filepath.Base(interp), "python") {
		return ""
	}
	return interp
}

// askPythonPrefix runs python and returns its sys.prefix.
func askPythonPrefix(python string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), pythonTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, "-c", "import sys; print(sys.prefix)")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s: %w", python, err)
	}
	p := strings.TrimSpace(string(out))
	if !filepath.IsAbs(p) {
		return "", fmt.Errorf("%s: sys.prefix %q is not an absolute path", python, p)
	}
	return p, nil
}

// searchDataDirs lists data directories Jupyter searches that can be known
// without running Python: $JUPYTER_DATA_DIR or the user directory,
// $JUPYTER_PATH, an active environment, and the system-wide directories.
// It is used to point at a kernelspec installed somewhere other than where
// the user looked.
func searchDataDirs() []string {
	var dirs []string
	seen := map[string]bool{}
	add := func(d string) {
		if d == "" {
			return
		}
		if abs, err := filepath.Abs(d); err == nil {
			d = abs
		}
		if !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	if d, err := userDataDir(); err == nil {
		add(d)
	}
	for _, d := range filepath.SplitList(os.Getenv("JUPYTER_PATH")) {
		add(d)
	}
	for _, env := range []string{"CONDA_PREFIX", "VIRTUAL_ENV"} {
		if p := os.Getenv(env); p != "" {
			add(filepath.Join(p, "share", "jupyter"))
		}
	}
	if runtime.GOOS == "windows" {
		if p := os.Getenv("PROGRAMDATA"); p != "" {
			add(filepath.Join(p, "jupyter"))
		}
	} else {
		add("/usr/local/share/jupyter")
		add("/usr/share/jupyter")
	}
	return dirs
}
