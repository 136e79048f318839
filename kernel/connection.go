// Loading and checking the connection file Jupyter hands to a kernel.

package kernel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ConnectionInfo is the content of a Jupyter connection file: where to bind
// the five sockets and how to sign messages.
type ConnectionInfo struct {
	Transport       string `json:"transport"` // "tcp" or "ipc"
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	ControlPort     int    `json:"control_port"`
	StdinPort       int    `json:"stdin_port"`
	IOPubPort       int    `json:"iopub_port"`
	HBPort          int    `json:"hb_port"`
	SignatureScheme string `json:"signature_scheme"`
	Key             string `json:"key"`
	KernelName      string `json:"kernel_name"`
}

// maxConnectionFileBytes bounds the file read: a real one is a few hundred
// bytes, and a wrong path (a log, a device) must not be slurped whole.
const maxConnectionFileBytes = 1 << 20

// LoadConnectionFile reads and checks a connection file. It fills in the
// defaults Jupyter assumes (transport "tcp"; ip "127.0.0.1", or for ipc the
// file's path without extension plus "-ipc", as jupyter_client does; scheme
// hmac-sha256 when a key is present) and returns an error that says what is
// wrong and how to fix it for a missing or unreadable file, invalid JSON (with
// line and column), missing or invalid ports, an unsupported transport, or an
// unsupported signature scheme.
func LoadConnectionFile(path string) (*ConnectionInfo, error) {
	if path == "" {
		return nil, errors.New("no connection file given: run the kernel as `gocell kernel CONNECTION_FILE` (Jupyter fills in {connection_file} from kernel.json)")
	}
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	info, err := parseConnectionInfo(data, ipcPrefix(path))
	if err != nil {
		return nil, fmt.Errorf("connection file %s: %w", path, err)
	}
	return info, nil
}

// readLimited reads path, turning the common failures into advice.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("connection file %s does not exist: Jupyter writes it just before starting the kernel; check the path, or start the kernel from Jupyter: %w", path, err)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("connection file %s is not readable by this user: fix its permissions or run the kernel as its owner: %w", path, err)
	case err != nil:
		return nil, fmt.Errorf("cannot open connection file %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("connection file %s is a directory: pass the path of the JSON file inside it", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConnectionFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read connection file %s: %w", path, err)
	}
	if len(data) > maxConnectionFileBytes {
		return nil, fmt.Errorf("connection file %s is larger than %d bytes: it is not a Jupyter connection file, check the path", path, maxConnectionFileBytes)
	}
	return data, nil
}

// ipcPrefix is jupyter_client's default ip for the ipc transport: the
// connection file's path without extension, plus "-ipc".
func ipcPrefix(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + "-ipc"
}

// parseConnectionInfo decodes and validates the file content. defaultIPC is
// the ip to use when the transport is ipc and the file gives none.
func parseConnectionInfo(data []byte, defaultIPC string) (*ConnectionInfo, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("file is empty: Jupyter writes a JSON object with the ports and key here; the kernel may have been started before it was written")
	}
	var info ConnectionInfo
	if err := json.Unmarshal(data, &info); err != nil {
		return nil, describeJSONError(data, err)
	}

	switch info.Transport {
	case "":
		info.Transport = "tcp"
	case "tcp", "ipc":
	default:
		return nil, fmt.Errorf("unsupported transport %q: set \"transport\" to \"tcp\" or \"ipc\"", info.Transport)
	}
	switch {
	case info.IP == "" && info.Transport == "ipc":
		info.IP = defaultIPC
	case info.IP == "":
		info.IP = "127.0.0.1"
	case info.Transport == "tcp" && strings.ContainsAny(info.IP, " \t\r\n/"):
		return nil, fmt.Errorf("invalid ip %q: for tcp give the address to bind, such as \"127.0.0.1\"", info.IP)
	}

	if err := checkPorts(&info); err != nil {
		return nil, err
	}

	switch info.SignatureScheme {
	case SignatureScheme:
	case "":
		// jupyter_client signs with hmac-sha256 unless told otherwise.
		if info.Key != "" {
			info.SignatureScheme = SignatureScheme
		}
	default:
		return nil, fmt.Errorf("unsupported signature_scheme %q: gocell supports only %q; set \"signature_scheme\": %q (the default of jupyter_client)",
			info.SignatureScheme, SignatureScheme, SignatureScheme)
	}
	return &info, nil
}

// checkPorts requires all five ports, in range and distinct: a zero port
// would bind a random one the front end does not know, and a duplicate
// fails at bind time with a far less helpful message.
func checkPorts(info *ConnectionInfo) error {
	ports := []struct {
		name string
		port int
	}{
		{"shell_port", info.ShellPort},
		{"control_port", info.ControlPort},
		{"stdin_port", info.StdinPort},
		{"iopub_port", info.IOPubPort},
		{"hb_port", info.HBPort},
	}
	var missing []string
	for _, p := range ports {
		if p.port == 0 {
			missing = append(missing, p.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing or zero %s: a connection file needs shell_port, control_port, stdin_port, iopub_port and hb_port; let Jupyter write the file, or fill in free ports",
			strings.Join(missing, ", "))
	}
	seen := make(map[int]string, len(ports))
	for _, p := range ports {
		// ipc "ports" are only file name suffixes, so only tcp has a ceiling.
		if p.port < 0 || (info.Transport == "tcp" && p.port > 65535) {
			return fmt.Errorf("%s is %d: a tcp port must be between 1 and 65535", p.name, p.port)
		}
		if other, dup := seen[p.port]; dup {
			return fmt.Errorf("%s and %s are both %d: each socket needs its own port", other, p.name, p.port)
		}
		seen[p.port] = p.name
	}
	return nil
}

// describeJSONError turns an encoding/json error into a message with the line
// and column, which is what a person editing the file needs.
func describeJSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset counts the bytes read, including the offending one.
		line, col := lineCol(data, syn.Offset-1)
		return fmt.Errorf("invalid JSON at line %d, column %d: %v; the file must be one JSON object as written by Jupyter", line, col, syn)
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset)
		field := typ.Field
		if field == "" {
			return fmt.Errorf("invalid content at line %d, column %d: want a JSON object, got a JSON %s", line, col, typ.Value)
		}
		want := "a string"
		if typ.Type != nil && strings.HasPrefix(typ.Type.Kind().String(), "int") {
			want = "an integer"
		}
		return fmt.Errorf("field %q at line %d, column %d must be %s, got a JSON %s", field, line, col, want, typ.Value)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// lineCol converts a byte offset into a 1-based line and column; the column
// counts characters, as editors do.
func lineCol(data []byte, offset int64) (line, col int) {
	offset = max(0, min(offset, int64(len(data))))
	before := data[:offset]
	start := bytes.LastIndexByte(before, '\n') + 1
	return 1 + bytes.Count(before, []byte("\n")), 1 + utf8.RuneCount(before[start:])
}

// Endpoint returns the ZeroMQ address for one of the ports: "tcp://IP:PORT"
// (IPv6 addresses in brackets), or "ipc://IP-PORT" for the ipc transport,
// where Jupyter uses ip as a path prefix.
func (c *ConnectionInfo) Endpoint(port int) string {
	if c.Transport == "ipc" {
		return "ipc://" + c.IP + "-" + strconv.Itoa(port)
	}
	ip := c.IP
	if ip == "" {
		ip = "127.0.0.1"
	}
	return "tcp://" + net.JoinHostPort(ip, strconv.Itoa(port))
}
