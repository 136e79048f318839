package kernelspec

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run calls a command entry point and returns its exit code and output.
func run(f func([]string, io.Writer, io.Writer) int, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := f(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestRunInstallAndUninstall(t *testing.T) {
	isolate(t)
	prefix := t.TempDir()
	exe := fakeExe(t)
	code, out, errOut := run(RunInstall, "--prefix", prefix, "--executable", exe, "--env", "A=1", "--env", "B=x=y", "--display-name", "Go test", "--memory-limit", "3GiB")
	if code != 0 {
		t.Fatalf("install: exit %d, stderr %q", code, errOut)
	}
	dir := filepath.Join(prefix, "share", "jupyter", "kernels", "gocell")
	if want := "Installed kernelspec gocell in " + dir + "\n"; out != want {
		t.Errorf("install stdout = %q, want %q", out, want)
	}
	// A temporary prefix is not on Jupyter's path: say how to reach it.
	if !strings.Contains(errOut, "JUPYTER_PATH="+filepath.Join(prefix, "share", "jupyter")) {
		t.Errorf("install stderr %q should explain JUPYTER_PATH", errOut)
	}
	spec := readSpec(t, dir)
	if env, _ := spec["env"].(map[string]any); env["A"] != "1" || env["B"] != "x=y" || env["GOCELL_MEMORY_LIMIT"] != "3GiB" {
		t.Errorf("env = %v", spec["env"])
	}
	if spec["display_name"] != "Go test" || spec["argv"].([]any)[0] != exe {
		t.Errorf("spec = %v", spec)
	}

	code, out, errOut = run(RunUninstall, "--prefix", prefix)
	if code != 0 {
		t.Fatalf("uninstall: exit %d, stderr %q", code, errOut)
	}
	if want := "Removed kernelspec gocell from " + dir + "\n"; out != want {
		t.Errorf("uninstall stdout = %q, want %q", out, want)
	}

	code, _, errOut = run(RunUninstall, "--prefix", prefix)
	if code != 1 || !strings.Contains(errOut, "gocell is not installed in "+filepath.Dir(dir)) {
		t.Errorf("uninstall of a missing spec: exit %d, stderr %q; want 1 and a not-installed message", code, errOut)
	}
}

func TestRunInstallUserDefault(t *testing.T) {
	userData := isolate(t)
	code, out, errOut := run(RunInstall, "--executable", fakeExe(t), "--name", "gocell-x")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if want := "Installed kernelspec gocell-x in " + filepath.Join(userData, "kernels", "gocell-x") + "\n"; out != want {
		t.Errorf("stdout = %q, want %q", out, want)
	}
	if errOut != "" {
		t.Errorf("stderr = %q, want nothing for a plain user install", errOut)
	}
	// --user is the default, so saying it is fine.
	if code, _, errOut := run(RunInstall, "--user", "--executable", fakeExe(t)); code != 0 {
		t.Errorf("--user: exit %d, stderr %q", code, errOut)
	}
}

func TestRunUninstallPointsElsewhere(t *testing.T) {
	userData := isolate(t)
	if _, err := Install(Options{Executable: fakeExe(t)}); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(RunUninstall, "--prefix", t.TempDir())
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if out != "" {
		t.Errorf("stdout = %q, want nothing", out)
	}
	if !strings.Contains(errOut, filepath.Join(userData, "kernels", "gocell")) || !strings.Contains(errOut, "gocell uninstall --user") {
		t.Errorf("stderr %q should point at the user install and how to remove it", errOut)
	}
}

func TestRunBadFlags(t *testing.T) {
	isolate(t)
	prefix := t.TempDir()
	for _, c := range []struct {
		name string
		f    func([]string, io.Writer, io.Writer) int
		args []string
		want string
	}{
		{"install prefix+sys-prefix", RunInstall, []string{"--prefix", prefix, "--sys-prefix"}, "mutually exclusive"},
		{"uninstall prefix+sys-prefix", RunUninstall, []string{"--prefix", prefix, "--sys-prefix"}, "mutually exclusive"},
		{"install user+prefix", RunInstall, []string{"--user", "--prefix", prefix}, "--user cannot be combined"},
		{"uninstall user+sys-prefix", RunUninstall, []string{"--user", "--sys-prefix"}, "--user cannot be combined"},
		{"empty prefix", RunInstall, []string{"--prefix="}, "--prefix needs a directory"},
		{"unknown flag", RunInstall, []string{"--bogus"}, "flag provided but not defined"},
		{"bad env", RunInstall, []string{"--env", "NOVALUE"}, "KEY=VALUE"},
		{"bad memory limit", RunInstall, []string{"--memory-limit", "lots"}, "4GiB"},
		{"extra argument", RunUninstall, []string{"extra"}, `unexpected argument "extra"`},
	} {
		code, out, errOut := run(c.f, c.args...)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2", c.name, code)
		}
		if !strings.Contains(errOut, c.want) {
			t.Errorf("%s: stderr %q does not contain %q", c.name, errOut, c.want)
		}
		if out != "" {
			t.Errorf("%s: stdout = %q, want nothing", c.name, out)
		}
	}
	if entries, _ := os.ReadDir(prefix); len(entries) != 0 {
		t.Errorf("rejected commands wrote %v", entries)
	}
}

func TestRunHelp(t *testing.T) {
	for _, f := range []func([]string, io.Writer, io.Writer) int{RunInstall, RunUninstall} {
		code, out, errOut := run(f, "-h")
		if code != 0 || !strings.Contains(out, "usage: gocell ") || !strings.Contains(out, "-sys-prefix") || errOut != "" {
			t.Errorf("-h: exit %d, stdout %q, stderr %q", code, out, errOut)
		}
	}
}

func TestRunInstallFailure(t *testing.T) {
	isolate(t)
	// A prefix that is a file cannot hold a share/ directory.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(RunInstall, "--prefix", file, "--executable", fakeExe(t))
	if code != 1 || out != "" || !strings.Contains(errOut, "gocell install: install kernelspec gocell") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and the reason", code, out, errOut)
	}
}

func TestRunInstallWarnsAboutGoRun(t *testing.T) {
	isolate(t)
	exe := filepath.Join(t.TempDir(), "go-build1234", "b001", "exe", "gocell")
	code, _, errOut := run(RunInstall, "--executable", exe)
	if code != 0 || !strings.Contains(errOut, "warning") || !strings.Contains(errOut, "go install") {
		t.Errorf("exit %d, stderr %q; want 0 and a warning about go run", code, errOut)
	}
}
