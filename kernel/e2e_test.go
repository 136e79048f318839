package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// buildGocell builds the gocell binary from the repository root.
func buildGocell(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("GOCELL_BIN"); bin != "" {
		return bin
	}
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(file))
	bin := filepath.Join(t.TempDir(), "gocell")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building gocell: %v\n%s", err, out)
	}
	return bin
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// testClient is a minimal Jupyter client on zmq4 sockets.
type testClient struct {
	t       *testing.T
	codec   *Codec
	session string
	shell   zmq4.Socket
	control zmq4.Socket
	iopub   zmq4.Socket
	// published receives every IOPub message, from one reader goroutine:
	// readers that each call Recv and give up on a timeout would leave a
	// blocked Recv behind to swallow a later message.
	published chan *Message
}

func startKernel(t *testing.T) (*testClient, *exec.Cmd) {
	t.Helper()
	bin := buildGocell(t)
	info := ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", ShellPort: freePort(t), ControlPort: freePort(t),
		StdinPort: freePort(t), IOPubPort: freePort(t), HBPort: freePort(t), SignatureScheme: "hmac-sha256", Key: "e2e-secret"}
	data, _ := json.Marshal(info)
	conn := filepath.Join(t.TempDir(), "kernel.json")
	if err := os.WriteFile(conn, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "kernel", conn)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	codec, _ := NewCodec("hmac-sha256", info.Key)
	c := &testClient{t: t, codec: codec, session: "e2e-client",
		shell:   zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("e2e-shell"))),
		control: zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("e2e-control"))),
		iopub:   zmq4.NewSub(ctx)}
	deadline := time.Now().Add(20 * time.Second)
	for _, d := range []struct {
		s    zmq4.Socket
		port int
	}{{c.shell, info.ShellPort}, {c.control, info.ControlPort}, {c.iopub, info.IOPubPort}} {
		for {
			err := d.s.Dial(info.Endpoint(d.port))
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("connecting to the kernel: %v", err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if err := c.iopub.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	c.published = make(chan *Message, 1024)
	go func() {
		for {
			m, err := c.iopub.Recv()
			if err != nil {
				close(c.published)
				return
			}
			if msg, err := c.codec.Decode(m.Frames); err == nil {
				c.published <- msg
			}
		}
	}()
	return c, cmd
}

// nextPublished returns the next IOPub message, or nil after timeout.
func (c *testClient) nextPublished(timeout time.Duration) *Message {
	select {
	case msg := <-c.published:
		return msg
	case <-time.After(timeout):
		return nil
	}
}

func (c *testClient) request(sock zmq4.Socket, msgType string, content any) *Message {
	c.t.Helper()
	msg, err := NewMessage(msgType, c.session, nil, content)
	if err != nil {
		c.t.Fatal(err)
	}
	frames, err := c.codec.Encode(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatal(err)
	}
	return msg
}

func (c *testClient) recv(sock zmq4.Socket) *Message {
	c.t.Helper()
	type result struct {
		m   zmq4.Msg
		err error
	}
	ch := make(chan result, 1)
	go func() {
		m, err := sock.Recv()
		ch <- result{m, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			c.t.Fatal(r.err)
		}
		msg, err := c.codec.Decode(r.m.Frames)
		if err != nil {
			c.t.Fatalf("decoding a kernel message: %v", err)
		}
		return msg
	case <-time.After(30 * time.Second):
		c.t.Fatal("timed out waiting for the kernel")
	}
	return nil
}

// iopubUntilIdle returns the IOPub messages whose parent is req, up to and
// including its idle status.
func (c *testClient) iopubUntilIdle(req *Message) []*Message {
	c.t.Helper()
	var out []*Message
	for {
		msg := c.nextPublished(30 * time.Second)
		if msg == nil {
			c.t.Fatal("timed out waiting for IOPub")
		}
		var parent Header
		_ = json.Unmarshal(msg.ParentHeader, &parent)
		if parent.MsgID != req.Header.MsgID {
			continue
		}
		out = append(out, msg)
		if msg.Header.MsgType == "status" && strings.Contains(string(msg.Content), `"idle"`) {
			return out
		}
	}
}

func TestKernelEndToEnd(t *testing.T) {
	c, cmd := startKernel(t)

	// kernel_info until IOPub is connected (PUB drops messages sent before
	// the subscription is in place).
	var info *Message
	sent := map[string]bool{}
	deadline := time.Now().Add(30 * time.Second)
connected:
	for {
		req := c.request(c.shell, "kernel_info_request", nil)
		sent[req.Header.MsgID] = true
		info = c.recv(c.shell)
		if info.Header.MsgType != "kernel_info_reply" {
			t.Fatalf("got %s, want kernel_info_reply", info.Header.MsgType)
		}
		// Any status of any kernel_info sent so far shows IOPub is connected.
		for wait := time.Now().Add(time.Second); time.Now().Before(wait); {
			msg := c.nextPublished(time.Until(wait))
			if msg == nil {
				break
			}
			var parent Header
			_ = json.Unmarshal(msg.ParentHeader, &parent)
			if sent[parent.MsgID] {
				break connected
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("no IOPub status for kernel_info")
		}
	}
	var ki struct {
		ProtocolVersion string `json:"protocol_version"`
		LanguageInfo    struct {
			Name string `json:"name"`
		} `json:"language_info"`
	}
	_ = json.Unmarshal(info.Content, &ki)
	if ki.ProtocolVersion != ProtocolVersion || ki.LanguageInfo.Name != "go" {
		t.Fatalf("kernel_info: %s", info.Content)
	}

	req := c.request(c.shell, "execute_request", map[string]any{
		"code": "import \"fmt\"\nx := 6\nfmt.Println(\"hello\", x)\nx * 7", "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true})
	reply := c.recv(c.shell)
	if reply.Header.MsgType != "execute_reply" || !strings.Contains(string(reply.Content), `"status":"ok"`) {
		t.Fatalf("execute reply: %s %s", reply.Header.MsgType, reply.Content)
	}
	var kinds []string
	var stdout, result string
	for _, m := range c.iopubUntilIdle(req) {
		kinds = append(kinds, m.Header.MsgType)
		var content struct {
			Text string            `json:"text"`
			Data map[string]string `json:"data"`
		}
		_ = json.Unmarshal(m.Content, &content)
		switch m.Header.MsgType {
		case "stream":
			stdout += content.Text
		case "execute_result":
			result = content.Data["text/plain"]
		}
	}
	if kinds[0] != "status" || kinds[1] != "execute_input" || kinds[len(kinds)-1] != "status" {
		t.Fatalf("IOPub order: %v", kinds)
	}
	if stdout != "hello 6\n" || result != "42" {
		t.Fatalf("stdout %q, result %q", stdout, result)
	}

	// Shutdown on control: a reply, then the process exits.
	c.request(c.control, "shutdown_request", map[string]any{"restart": false})
	if r := c.recv(c.control); r.Header.MsgType != "shutdown_reply" {
		t.Fatalf("got %s, want shutdown_reply", r.Header.MsgType)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("kernel exited with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the kernel did not exit after shutdown")
	}
}

func TestKernelRejectsBadConnectionFile(t *testing.T) {
	bin := buildGocell(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	_ = os.WriteFile(bad, []byte(`{"transport": "tcp", "signature_scheme": "hmac-md5", "key": "k"}`), 0o600)
	for _, path := range []string{filepath.Join(t.TempDir(), "missing.json"), bad} {
		out, err := exec.Command(bin, "kernel", path).CombinedOutput()
		if err == nil {
			t.Fatalf("kernel with %s: exit 0, want an error", path)
		}
		if !strings.Contains(string(out), "gocell kernel:") || len(out) < 30 {
			t.Fatalf("unclear error for %s: %s", path, out)
		}
		fmt.Println(strings.TrimSpace(string(out)))
	}
}
