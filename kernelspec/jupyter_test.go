package kernelspec

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// listedSpec is one entry of `jupyter kernelspec list --json`.
type listedSpec struct {
	ResourceDir string         `json:"resource_dir"`
	Spec        map[string]any `json:"spec"`
}

// jupyterSpecs runs `jupyter kernelspec list --json` with the given
// JUPYTER_PATH and JUPYTER_DATA_DIR and returns what it reports, keyed by
// kernel name.
func jupyterSpecs(t *testing.T, jupyter, jupyterPath, dataDir string) map[string]listedSpec {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, jupyter, "kernelspec", "list", "--json")
	cmd.Env = append(os.Environ(), "JUPYTER_PATH="+jupyterPath, "JUPYTER_DATA_DIR="+dataDir)
	// stderr is left out of the parse: Jupyter may print unrelated
	// warnings there (debugger, deprecations).
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("jupyter kernelspec list --json: %v\n%s", err, out)
	}
	var list struct {
		Kernelspecs map[string]listedSpec `json:"kernelspecs"`
	}
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatalf("jupyter kernelspec list --json printed non-JSON: %v\n%s", err, out)
	}
	return list.Kernelspecs
}

// sameDir compares directories after resolving symlinks (a temporary
// directory may be reached through one, as on macOS).
func sameDir(a, b string) bool {
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	return err1 == nil && err2 == nil && ra == rb
}

// TestJupyterFindsInstalledSpec checks the real consumer: Jupyter itself
// must list what Install wrote, with the fields we set, and stop listing
// it after Uninstall. It needs the jupyter command (jupyter-client); CI
// installs it, so the skip only helps machines without it.
func TestJupyterFindsInstalledSpec(t *testing.T) {
	jupyter, err := exec.LookPath("jupyter")
	if err != nil {
		t.Skip("jupyter command not found; install jupyter-client to run this test")
	}
	isolate(t)
	prefix := t.TempDir()
	emptyData := t.TempDir() // keeps the user's own kernelspecs out of the listing
	exe := fakeExe(t)
	const name = "gocell-test"
	dir, err := Install(Options{Prefix: prefix, Name: name, Executable: exe, Env: map[string]string{"GOCELL_TEST": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	jpath := filepath.Join(prefix, "share", "jupyter")

	specs := jupyterSpecs(t, jupyter, jpath, emptyData)
	ks, ok := specs[name]
	if !ok {
		t.Fatalf("jupyter does not list %s; it lists %v", name, specs)
	}
	if !sameDir(ks.ResourceDir, dir) {
		t.Errorf("resource_dir = %q, want %q", ks.ResourceDir, dir)
	}
	argv, _ := ks.Spec["argv"].([]any)
	if len(argv) != 3 || argv[0] != exe || argv[1] != "kernel" || argv[2] != "{connection_file}" {
		t.Errorf("argv = %v", ks.Spec["argv"])
	}
	for key, want := range map[string]string{"display_name": DefaultDisplayName, "language": "go", "interrupt_mode": "message"} {
		if ks.Spec[key] != want {
			t.Errorf("%s = %v, want %q", key, ks.Spec[key], want)
		}
	}
	if env, _ := ks.Spec["env"].(map[string]any); env["GOCELL_TEST"] != "1" {
		t.Errorf("env = %v", ks.Spec["env"])
	}

	// The default location: the user data directory.
	userDir, err := Install(Options{Executable: exe})
	if err != nil {
		t.Fatal(err)
	}
	userData := os.Getenv("JUPYTER_DATA_DIR")
	if ks, ok := jupyterSpecs(t, jupyter, "", userData)["gocell"]; !ok || !sameDir(ks.ResourceDir, userDir) {
		t.Errorf("jupyter does not list the user install at %s (got %+v, listed %v)", userDir, ks, ok)
	}

	if _, err := Uninstall(Options{Prefix: prefix, Name: name}); err != nil {
		t.Fatal(err)
	}
	if _, ok := jupyterSpecs(t, jupyter, jpath, emptyData)[name]; ok {
		t.Errorf("jupyter still lists %s after Uninstall", name)
	}
}
