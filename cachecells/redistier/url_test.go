package redistier

import (
	"errors"
	"strings"
	"testing"
)

func TestParseURL(t *testing.T) {
	good := []struct {
		in   string
		want Endpoint
	}{
		{"", Endpoint{Addr: "localhost:6379"}},
		{"redis://localhost:6379/0", Endpoint{Addr: "localhost:6379"}},
		{"redis://cache.example.com", Endpoint{Addr: "cache.example.com:6379"}},
		{"redis://10.0.0.5:7000/3", Endpoint{Addr: "10.0.0.5:7000", DB: 3}},
		{"redis://:s3cret@host:6380/1", Endpoint{Addr: "host:6380", Password: "s3cret", DB: 1}},
		{"redis://alice:p%40ss@host/2", Endpoint{Addr: "host:6379", Username: "alice", Password: "p@ss", DB: 2}},
		{"redis://onlypassword@host", Endpoint{Addr: "host:6379", Password: "onlypassword"}},
		{"rediss://host:6390/0", Endpoint{Addr: "host:6390", TLS: true}},
		{"REDIS://[::1]:6379/", Endpoint{Addr: "[::1]:6379"}},
	}
	for _, c := range good {
		got, err := ParseURL(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseURL(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, reason string }{
		{"http://host:6379", `scheme "http" is neither redis nor rediss`},
		{"localhost:6379", `scheme "localhost" is neither redis nor rediss`},
		{"redis:host", "missing //"},
		{"redis://host:port/0", "invalid port"},
		{"redis://host:99999/0", `port "99999" is not a number from 1 to 65535`},
		{"redis://host:/0", "empty port"},
		{"redis://host/db", `database "db" is not a number`},
		{"redis://host/-1", `database "-1" is not a number`},
		{"redis://host/0/1", "only one database number"},
		{"redis://host/0?timeout=3", "options after ? or # are not supported"},
		{"redis://:hunter2@host:6379/x", `database "x"`},
	}
	for _, c := range bad {
		_, err := ParseURL(c.in)
		var ue *URLError
		if !errors.As(err, &ue) {
			t.Errorf("ParseURL(%q): error %v, want a *URLError", c.in, err)
			continue
		}
		if !strings.Contains(err.Error(), c.reason) || !strings.Contains(err.Error(), "redis://[user:password@]host:port/db") {
			t.Errorf("ParseURL(%q): %q does not say %q and how to write a URL", c.in, err, c.reason)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("ParseURL(%q): the message shows the password: %q", c.in, err)
		}
	}
	if _, err := Open(Config{URL: "redis://u:hunter2@host:0/0"}); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("Open with port 0: %v", err)
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"LoadSales":  "LoadSales",
		"(*T).M":     "%28%2AT%29.M",
		"a:b{c}[d]?": "a%3Ab%7Bc%7D%5Bd%5D%3F",
		"héllo":      "h%C3%A9llo",
	} {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}
