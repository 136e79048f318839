package cachecells

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The cache secret keys the MAC of every persisted entry (rule 12). It lives
// outside the cache folder, so a folder that is shared, committed or copied
// carries no way to forge entries: whoever can write to the folder, but
// does not hold the secret, can only cause misses.
//
// Where it comes from, first match wins:
//
//	GOCELL_CACHE_SECRET       the secret itself (a team shares one)
//	GOCELL_CACHE_SECRET_FILE  a file holding it
//	<user config dir>/gocell/cache-secret, created on first use with 32
//	random bytes and mode 0600
const (
	SecretEnv     = "GOCELL_CACHE_SECRET"
	SecretFileEnv = "GOCELL_CACHE_SECRET_FILE"
	minSecret     = 16
)

// secret returns the cache's secret, resolving it on first use.
func (c *Cache) secret() ([]byte, error) {
	c.secretOnce.Do(func() {
		if c.secretKey == nil {
			c.secretKey, c.secretErr = LoadSecret()
		}
	})
	return c.secretKey, c.secretErr
}

// LoadSecret returns the per-user (or team) cache secret as the
// environment says, creating the per-user one if it does not exist yet.
func LoadSecret() ([]byte, error) {
	if s := os.Getenv(SecretEnv); s != "" {
		if len(s) < minSecret {
			return nil, fmt.Errorf("%s is %d bytes long; use at least %d random bytes (e.g. the output of `openssl rand -hex 32`)", SecretEnv, len(s), minSecret)
		}
		return []byte(s), nil
	}
	if p := os.Getenv(SecretFileEnv); p != "" {
		return readSecretFile(p, SecretFileEnv+"="+p)
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return nil, fmt.Errorf("no place for the cache secret (%v); set %s or %s", err, SecretEnv, SecretFileEnv)
	}
	return userSecret(filepath.Join(dir, "gocell", "cache-secret"))
}

func readSecretFile(path, what string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the cache secret (%s): %w", what, err)
	}
	// A secret typed into a file may end with a newline; it is not part of it.
	b = []byte(strings.TrimRight(string(b), "\r\n"))
	if len(b) < minSecret {
		return nil, fmt.Errorf("the cache secret in %s is %d bytes long; use at least %d random bytes", path, len(b), minSecret)
	}
	return b, nil
}

// userSecret reads the per-user secret at path, creating it first if need
// be. Two kernels starting at once agree: only one creation succeeds (the
// file is made under a temporary name and linked into place), and the
// other reads what the first wrote.
func userSecret(path string) ([]byte, error) {
	if b, err := readSecretFile(path, path); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return b, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating the cache secret: %w", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("creating the cache secret: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cache-secret-*") // mode 0600
	if err != nil {
		return nil, fmt.Errorf("creating the cache secret: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(key)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("creating the cache secret: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("creating the cache secret: %w", err)
	}
	return readSecretFile(path, path)
}
