package redistier

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// DefaultURL is the server used when no URL is configured.
const DefaultURL = "redis://localhost:6379/0"

// Endpoint is a parsed server URL.
type Endpoint struct {
	Addr     string // host:port
	Username string // empty: the default user
	Password string
	DB       int
	TLS      bool // rediss://
}

// URLError reports a server URL that cannot be used. Its message never
// contains the password.
type URLError struct {
	URL    string // with the password replaced by "xxxxx"
	Reason string
}

func (e *URLError) Error() string {
	return fmt.Sprintf("Redis URL %q: %s (expected redis://[user:password@]host:port/db, or rediss:// for TLS)", e.URL, e.Reason)
}

// ParseURL parses redis://[user:password@]host[:port][/db] and the same with
// rediss:// for TLS. An empty string means DefaultURL; a missing host means
// localhost, a missing port 6379, a missing db 0.
func ParseURL(raw string) (Endpoint, error) {
	if strings.TrimSpace(raw) == "" {
		raw = DefaultURL
	}
	bad := func(format string, args ...any) (Endpoint, error) {
		return Endpoint{}, &URLError{URL: redact(raw), Reason: fmt.Sprintf(format, args...)}
	}
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error quotes the whole URL, password included: keep only the reason.
		if ue, ok := err.(*url.Error); ok {
			err = ue.Err
		}
		return bad("%v", err)
	}
	var ep Endpoint
	switch strings.ToLower(u.Scheme) {
	case "redis":
	case "rediss":
		ep.TLS = true
	case "":
		return bad("no scheme")
	default:
		return bad("scheme %q is neither redis nor rediss", u.Scheme)
	}
	if u.Opaque != "" {
		return bad("missing // after %s:", u.Scheme)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return bad("options after ? or # are not supported")
	}
	host, port := u.Hostname(), u.Port()
	if host == "" {
		host = "localhost"
	}
	if port == "" {
		if strings.HasSuffix(u.Host, ":") {
			return bad("empty port")
		}
		port = "6379"
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return bad("port %q is not a number from 1 to 65535", port)
	}
	ep.Addr = net.JoinHostPort(host, port)
	if u.User != nil {
		ep.Username = u.User.Username()
		ep.Password, _ = u.User.Password()
		if _, hasPassword := u.User.Password(); !hasPassword {
			// redis://secret@host is the common way to give only a password.
			ep.Username, ep.Password = "", ep.Username
		}
	}
	switch db := strings.Trim(u.Path, "/"); {
	case db == "":
	case strings.Contains(db, "/"):
		return bad("path %q: only one database number may follow the host", u.Path)
	default:
		n, err := strconv.Atoi(db)
		if err != nil || n < 0 {
			return bad("database %q is not a number 0 or above", db)
		}
		ep.DB = n
	}
	return ep, nil
}

// tlsConfig is the client TLS setup for rediss://: the system's roots (and
// SSL_CERT_FILE), the host name checked.
func (ep Endpoint) tlsConfig() *tls.Config {
	host, _, _ := net.SplitHostPort(ep.Addr)
	return &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
}

// redact hides the password of a URL for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		if i, j := strings.Index(raw, "://"), strings.LastIndex(raw, "@"); i >= 0 && j > i {
			return raw[:i+3] + "xxxxx" + raw[j:]
		}
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	} else {
		u.User = url.User("xxxxx")
	}
	return u.String()
}
