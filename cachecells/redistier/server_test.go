package redistier

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// redisServer is a redis-server the test starts on 127.0.0.1 and a free
// port, without persistence, and stops at the end.
type redisServer struct {
	tb    testing.TB
	bin   string
	port  int
	extra []string
	cmd   *exec.Cmd
	log   string
}

// startRedis starts a server or skips the test when the binary is missing.
func startRedis(tb testing.TB, extra ...string) *redisServer {
	tb.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		tb.Skip("redis-server is not installed (Debian package redis-server); the shared-cache tests need a real server")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &redisServer{tb: tb, bin: bin, port: port, extra: extra, log: tb.TempDir() + "/redis.log"}
	s.start()
	tb.Cleanup(s.stop)
	return s
}

func (s *redisServer) url() string { return fmt.Sprintf("redis://127.0.0.1:%d/0", s.port) }

func (s *redisServer) start() {
	s.tb.Helper()
	args := append([]string{"--port", strconv.Itoa(s.port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--dir", s.tb.TempDir(), "--logfile", s.log}, s.extra...)
	s.cmd = exec.Command(s.bin, args...)
	if err := s.cmd.Start(); err != nil {
		s.tb.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", s.port), time.Second); err == nil {
			c.SetDeadline(time.Now().Add(time.Second))
			c.Write([]byte("PING\r\n"))
			buf := make([]byte, 7)
			n, _ := c.Read(buf)
			c.Close()
			// +PONG, or -NOAUTH from a server with a password: it answers.
			if n > 0 && (buf[0] == '+' || buf[0] == '-') {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	log, _ := os.ReadFile(s.log)
	s.stop()
	s.tb.Fatalf("redis-server did not answer on port %d:\n%s", s.port, log)
}

// stop kills the server (as a crash would) and waits for it.
func (s *redisServer) stop() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGCONT)
	s.cmd.Process.Kill()
	s.cmd.Wait()
	s.cmd = nil
}

// pause freezes the server: connections stay open but nothing answers, as
// with an overloaded server or a dropped network.
func (s *redisServer) pause()  { s.cmd.Process.Signal(syscall.SIGSTOP) }
func (s *redisServer) resume() { s.cmd.Process.Signal(syscall.SIGCONT) }
