package kernel

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jupyterFile is a connection file as jupyter_client writes it.
const jupyterFile = `{
  "shell_port": 53001,
  "iopub_port": 53002,
  "stdin_port": 53003,
  "control_port": 53004,
  "hb_port": 53005,
  "ip": "127.0.0.1",
  "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84",
  "transport": "tcp",
  "signature_scheme": "hmac-sha256",
  "kernel_name": "gocell"
}`

func writeConnFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadConnectionFile(t *testing.T) {
	info, err := LoadConnectionFile(writeConnFile(t, "kernel-1.json", jupyterFile))
	if err != nil {
		t.Fatal(err)
	}
	want := ConnectionInfo{
		Transport: "tcp", IP: "127.0.0.1",
		ShellPort: 53001, ControlPort: 53004, StdinPort: 53003, IOPubPort: 53002, HBPort: 53005,
		SignatureScheme: "hmac-sha256", Key: "a0436f6c-1916-498b-8eb9-e81ab9368e84", KernelName: "gocell",
	}
	if *info != want {
		t.Errorf("got %+v\nwant %+v", *info, want)
	}
	if got := info.Endpoint(info.ShellPort); got != "tcp://127.0.0.1:53001" {
		t.Errorf("Endpoint = %q", got)
	}
	// The codec accepts what the loader accepts.
	if _, err := NewCodec(info.SignatureScheme, info.Key); err != nil {
		t.Errorf("NewCodec: %v", err)
	}
}

// connPorts holds the five ports, to build files for the cases below.
const connPorts = `"shell_port": 1001, "iopub_port": 1002, "stdin_port": 1003, "control_port": 1004, "hb_port": 1005`

func TestLoadConnectionFileDefaults(t *testing.T) {
	tests := []struct {
		name, content string
		check         func(t *testing.T, info *ConnectionInfo, path string)
	}{
		{"no transport or ip", `{` + connPorts + `, "key": "k"}`, func(t *testing.T, info *ConnectionInfo, _ string) {
			if info.Transport != "tcp" || info.IP != "127.0.0.1" {
				t.Errorf("transport %q ip %q", info.Transport, info.IP)
			}
			if info.SignatureScheme != "hmac-sha256" {
				t.Errorf("scheme %q, want jupyter_client's default hmac-sha256 when a key is given", info.SignatureScheme)
			}
		}},
		{"no key", `{` + connPorts + `, "key": ""}`, func(t *testing.T, info *ConnectionInfo, _ string) {
			if info.SignatureScheme != "" || info.Key != "" {
				t.Errorf("scheme %q key %q", info.SignatureScheme, info.Key)
			}
			c, err := NewCodec(info.SignatureScheme, info.Key)
			if err != nil || c.signs() {
				t.Errorf("codec for no key: signs=%v err=%v", c.signs(), err)
			}
		}},
		{"ipc with ip", `{"transport": "ipc", "ip": "/run/user/1000/kernel-7", ` + connPorts + `}`, func(t *testing.T, info *ConnectionInfo, _ string) {
			if got := info.Endpoint(info.HBPort); got != "ipc:///run/user/1000/kernel-7-1005" {
				t.Errorf("Endpoint = %q", got)
			}
		}},
		{"ipc without ip", `{"transport": "ipc", ` + connPorts + `}`, func(t *testing.T, info *ConnectionInfo, path string) {
			want := strings.TrimSuffix(path, ".json") + "-ipc"
			if info.IP != want {
				t.Errorf("ip %q, want %q (jupyter_client's default)", info.IP, want)
			}
		}},
		{"ipc ports above 65535", `{"transport": "ipc", "ip": "k", "shell_port": 70001, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}`, func(t *testing.T, info *ConnectionInfo, _ string) {
			if got := info.Endpoint(info.ShellPort); got != "ipc://k-70001" {
				t.Errorf("Endpoint = %q", got)
			}
		}},
		{"unknown fields ignored", `{` + connPorts + `, "jupyter_session": "x", "extra": [1]}`, func(t *testing.T, info *ConnectionInfo, _ string) {}},
		{"IPv6", `{"ip": "::1", ` + connPorts + `}`, func(t *testing.T, info *ConnectionInfo, _ string) {
			if got := info.Endpoint(info.ShellPort); got != "tcp://[::1]:1001" {
				t.Errorf("Endpoint = %q", got)
			}
		}},
		{"all interfaces", `{"ip": "0.0.0.0", ` + connPorts + `}`, func(t *testing.T, info *ConnectionInfo, _ string) {
			if got := info.Endpoint(info.ControlPort); got != "tcp://0.0.0.0:1004" {
				t.Errorf("Endpoint = %q", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConnFile(t, "kernel-abc.json", tt.content)
			info, err := LoadConnectionFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, info, path)
		})
	}
}

func TestLoadConnectionFileErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []string // every substring must be in the error
	}{
		{"empty file", "", []string{"empty"}},
		{"only whitespace", " \n\t", []string{"empty"}},
		{"trailing comma", "{\n  \"shell_port\": 1,\n  \"hb_port\": 2,\n}", []string{"invalid JSON at line 4, column 1", "invalid character '}'"}},
		{"truncated", "{\n  \"shell_port\": 1", []string{"invalid JSON at line 2", "unexpected end"}},
		{"column counts characters", `{"ip": "日本", x}`, []string{"line 1, column 14"}},
		{"not JSON at all", "shell_port=1", []string{"invalid JSON at line 1, column 1"}},
		{"top-level array", `[1, 2]`, []string{"want a JSON object, got a JSON array"}},
		{"port as string", "{\n\"shell_port\": \"53001\"}", []string{`"shell_port"`, "line 2", "must be an integer", "got a JSON string"}},
		{"port as float", `{"hb_port": 5.5}`, []string{`"hb_port"`, "must be an integer", "number 5.5"}},
		{"key as number", `{"key": 12}`, []string{`"key"`, "must be a string", "got a JSON number"}},
		{"all ports missing", `{"ip": "127.0.0.1", "key": "k"}`, []string{"missing or zero shell_port, control_port, stdin_port, iopub_port, hb_port", "Jupyter"}},
		{"one port missing", `{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4}`, []string{"missing or zero hb_port"}},
		{"zero port", `{"shell_port": 0, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}`, []string{"missing or zero shell_port"}},
		{"negative port", `{"shell_port": -1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}`, []string{"shell_port is -1", "between 1 and 65535"}},
		{"port too high", `{"shell_port": 1, "iopub_port": 65536, "stdin_port": 3, "control_port": 4, "hb_port": 5}`, []string{"iopub_port is 65536", "between 1 and 65535"}},
		{"duplicate ports", `{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 2, "hb_port": 5}`, []string{"control_port and iopub_port are both 2", "own port"}},
		{"unsupported transport", `{"transport": "udp", ` + connPorts + `}`, []string{`unsupported transport "udp"`, `"tcp" or "ipc"`}},
		{"unsupported scheme", `{"signature_scheme": "hmac-sha1", "key": "k", ` + connPorts + `}`, []string{`unsupported signature_scheme "hmac-sha1"`, `only "hmac-sha256"`, `set "signature_scheme": "hmac-sha256"`}},
		{"scheme wrong case", `{"signature_scheme": "HMAC-SHA256", "key": "k", ` + connPorts + `}`, []string{`"HMAC-SHA256"`, "only"}},
		{"tcp ip with a slash", `{"ip": "/tmp/x", ` + connPorts + `}`, []string{`invalid ip "/tmp/x"`, "127.0.0.1"}},
		{"tcp ip with a space", `{"ip": "127.0.0.1 ", ` + connPorts + `}`, []string{`invalid ip`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConnFile(t, "kernel.json", tt.content)
			info, err := LoadConnectionFile(path)
			if err == nil {
				t.Fatalf("loaded %+v, want an error", info)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) {
				t.Errorf("error %q does not name the file", msg)
			}
			for _, s := range tt.want {
				if !strings.Contains(msg, s) {
					t.Errorf("error %q does not say %q", msg, s)
				}
			}
		})
	}
}

func TestLoadConnectionFileFilesystemErrors(t *testing.T) {
	dir := t.TempDir()

	missing := filepath.Join(dir, "kernel-gone.json")
	_, err := LoadConnectionFile(missing)
	if err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "does not exist") || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}

	_, err = LoadConnectionFile(dir)
	if err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v", err)
	}

	_, err = LoadConnectionFile("")
	if err == nil || !strings.Contains(err.Error(), "no connection file given") {
		t.Errorf("empty path: %v", err)
	}

	huge := writeConnFile(t, "huge.json", `{"pad": "`+strings.Repeat("x", maxConnectionFileBytes)+`"}`)
	_, err = LoadConnectionFile(huge)
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge file: %v", err)
	}

	if os.Geteuid() == 0 {
		t.Log("running as root: cannot test an unreadable file")
		return
	}
	locked := writeConnFile(t, "locked.json", jupyterFile)
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	_, err = LoadConnectionFile(locked)
	if err == nil || !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "permissions") {
		t.Errorf("unreadable file: %v", err)
	}
}

func TestEndpoint(t *testing.T) {
	tests := []struct {
		info ConnectionInfo
		port int
		want string
	}{
		{ConnectionInfo{Transport: "tcp", IP: "127.0.0.1"}, 5555, "tcp://127.0.0.1:5555"},
		{ConnectionInfo{Transport: "tcp", IP: "10.0.0.7"}, 1, "tcp://10.0.0.7:1"},
		{ConnectionInfo{Transport: "tcp", IP: "fe80::1"}, 80, "tcp://[fe80::1]:80"},
		{ConnectionInfo{Transport: "tcp", IP: "*"}, 9, "tcp://*:9"},
		{ConnectionInfo{}, 7, "tcp://127.0.0.1:7"}, // a zero value still names a sane address
		{ConnectionInfo{Transport: "ipc", IP: "kernel-ipc"}, 3, "ipc://kernel-ipc-3"},
	}
	for _, tt := range tests {
		if got := tt.info.Endpoint(tt.port); got != tt.want {
			t.Errorf("%+v.Endpoint(%d) = %q, want %q", tt.info, tt.port, got, tt.want)
		}
	}
}
