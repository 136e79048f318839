package cachecells

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/gocell/gocell/display"
)

// sumSpec is the function an attacker of the cache folder targets.
func sumSpec() Spec { return spec[int]("Sum", persistOpts, false, "n") }

func sum(n int) int {
	s := 0
	for i := 1; i <= n; i++ {
		s += i
	}
	return s
}

// forged builds the entry a writer of the cache folder would plant for
// Sum(1000): the value 12345 and a script display.
func forged(t *testing.T, key uint64) (hdr []byte, sections [][]byte) {
	t.Helper()
	h := entryHeader{
		Func: "Sum", Key: keyText64(key), Created: time.Now().UnixNano(), LittleEndian: littleEndian,
		Results: []entryResult{{Enc: "raw"}},
		Outputs: []display.Output{{Kind: display.DisplayData, Data: display.MIMEBundle{"text/html": "<script>steal()</script>"}}},
	}
	// An int result is gob-encoded by the real writer; the attacker can
	// write any encoding the reader accepts.
	var v bytes.Buffer
	encs, err := encodeResults(mustCompile(t, sumSpec()), []any{12345})
	if err != nil {
		t.Fatal(err)
	}
	h.Results = []entryResult{encs[0].meta}
	v.Write(encs[0].data)
	hdr, _ = json.Marshal(h)
	return hdr, [][]byte{v.Bytes()}
}

func keyText64(k uint64) string {
	const hexd = "0123456789abcdef"
	b := make([]byte, 16)
	for i := 15; i >= 0; i-- {
		b[i] = hexd[k&15]
		k >>= 4
	}
	return string(b)
}

func mustCompile(t *testing.T, s Spec) *compiled {
	t.Helper()
	cs, err := compile(s)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func sumKey(t *testing.T) uint64 {
	var buf [8]uint64
	ck, err := mustCompile(t, sumSpec()).keyOf([]any{1000}, buf[:], nil)
	if err != nil {
		t.Fatal(err)
	}
	return ck.key
}

// Rule 12: a planted entry for Sum(1000) is never served, however it was
// made without the secret: the old format with valid plain checksums, the
// current frame with unkeyed SHA-256 sums where the MAC and the chunk tags
// go, or a MAC and tags under another secret. Each is a miss with one warning naming the file, the
// right value comes back, and the planted script is not replayed.
func TestDiskForgedEntryIsNotServed(t *testing.T) {
	forgeries := map[string]func(hdr []byte, secs [][]byte) []byte{
		"old format, valid checksums": func(hdr []byte, secs [][]byte) []byte {
			var b bytes.Buffer
			word := func(x uint64) { binary.Write(&b, binary.LittleEndian, x) }
			b.WriteString("GOCELLC\x01")
			word(uint64(len(hdr)))
			b.Write(hdr)
			word(xxhash.Sum64(hdr))
			b.Write(secs[0])
			word(xxhash.Sum64(secs[0]))
			return b.Bytes()
		},
		"unkeyed sha256 in place of the mac and tags": func(hdr []byte, secs [][]byte) []byte {
			b := mustSeal(t, testSecret, hdr, secs)
			f, err := parseFrame(b[:prefixSize], int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			for i := range f.chunks() {
				start, end := f.chunkRange(i)
				sum := sha256.Sum256(b[f.bodyOff()+start : f.bodyOff()+end])
				copy(b[f.tagsOff()+i*tagSize:], sum[:tagSize])
			}
			sum := sha256.Sum256(b[:f.macOff()])
			copy(b[f.macOff():], sum[:])
			return b
		},
		"mac under another secret": func(hdr []byte, secs [][]byte) []byte {
			return mustSeal(t, []byte("the attacker's own secret, 32 b"), hdr, secs)
		},
	}
	for name, forge := range forgeries {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			h := newHarness(t, dir)
			path := h.c.entryPath("Sum", sumKey(t))
			hdr, secs := forged(t, sumKey(t))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, forge(hdr, secs), 0o644); err != nil {
				t.Fatal(err)
			}
			f := h.register(sumSpec())
			got := h.call(f, []any{1000}, func() []any { return []any{sum(1000)} })[0]
			if got != 500500 {
				t.Fatalf("Sum(1000) = %v, want 500500", got)
			}
			for _, o := range h.outputs() {
				if strings.Contains(o.Data["text/html"].(string), "script") {
					t.Fatalf("planted output replayed: %+v", o)
				}
			}
			w := h.warnings()
			if len(w) != 1 || !strings.Contains(w[0], path) {
				t.Fatalf("warnings %q, want one naming %s", w, path)
			}
			// The recomputed entry replaced the planted file and is served.
			h2 := newHarness(t, dir)
			if v := h2.call(h2.register(sumSpec()), []any{1000}, func() []any { t.Fatal("recomputed"); return nil })[0]; v != 500500 {
				t.Fatalf("after rewrite: %v", v)
			}
		})
	}
}

// The honest path of the same forgery: sealed with the right secret, the
// entry is served. This keeps the forgery test honest: it fails only for
// want of the secret.
func TestDiskEntryWithTheSecretIsServed(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, dir)
	path := h.c.entryPath("Sum", sumKey(t))
	hdr, secs := forged(t, sumKey(t))
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, mustSeal(t, testSecret, hdr, secs), 0o600)
	if v := h.call(h.register(sumSpec()), []any{1000}, func() []any { return []any{sum(1000)} })[0]; v != 12345 {
		t.Fatalf("an entry sealed with the secret was not served: %v", v)
	}
}

// A cache folder written under one secret, read under another (another
// user, or a copied folder): misses, each with a warning.
func TestDiskForeignSecret(t *testing.T) {
	dir := t.TempDir()
	h1 := newHarness(t, dir)
	f := h1.register(sumSpec())
	h1.call(f, []any{10}, func() []any { return []any{sum(10)} })
	if files := diskFiles(t, dir); len(files) != 1 {
		t.Fatalf("files %v", files)
	} else if fi, _ := os.Stat(files[0]); fi.Mode().Perm() != 0o600 {
		t.Errorf("cache file mode %v, want 0600", fi.Mode().Perm())
	}
	h2 := newHarness(t, dir)
	h2.c.secretKey = []byte("somebody else's secret, 32 bytes")
	runs := 0
	h2.call(h2.register(sumSpec()), []any{10}, func() []any { runs++; return []any{sum(10)} })
	if w := h2.warnings(); runs != 1 || len(w) != 1 || !strings.Contains(w[0], "not authenticated") {
		t.Fatalf("runs %d, warnings %q", runs, w)
	}
}

// Only regular files are opened, and nothing blocks: a FIFO or a symlink
// to a device in place of an entry is a prompt miss with a warning.
func TestDiskNonRegularFiles(t *testing.T) {
	for name, plant := range map[string]func(path string) error{
		"fifo":                 func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"symlink to /dev/zero": func(p string) error { return os.Symlink("/dev/zero", p) },
		"symlink to a fifo":    func(p string) error { syscall.Mkfifo(p+".fifo", 0o644); return os.Symlink(p+".fifo", p) },
		"directory":            func(p string) error { return os.Mkdir(p, 0o755) },
		"dangling symlink":     func(p string) error { return os.Symlink(p+".nothing", p) },
		"symlink to a stale file": func(p string) error {
			os.WriteFile(p+".x", []byte("GOCELLC\x02junk"), 0o644)
			return os.Symlink(p+".x", p)
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			h := newHarness(t, dir)
			path := h.c.entryPath("Sum", sumKey(t))
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := plant(path); err != nil {
				t.Skip("cannot make one here:", err)
			}
			done := make(chan any, 1)
			go func() {
				f := h.register(sumSpec())
				out, err := f.Call([]any{1000}, func() []any { return []any{sum(1000)} })
				if err != nil {
					done <- err
					return
				}
				done <- out[0]
			}()
			select {
			case v := <-done:
				if v != 500500 {
					t.Fatalf("got %v", v)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("loading the planted file blocked the call")
			}
			// (A directory cannot be replaced, which a second warning says.)
			if w := h.warnings(); len(w) == 0 || !strings.Contains(w[0], path) {
				t.Errorf("warnings %q, want one naming the file", w)
			}
		})
	}
}

// The per-user secret: created on first use (32 bytes, mode 0600) under the
// user's config folder, the same on every later use; the environment
// overrides it.
func TestLoadSecret(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	t.Setenv(SecretEnv, "")
	t.Setenv(SecretFileEnv, "")
	a, err := LoadSecret()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(cfg, "gocell", "cache-secret")
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 || len(a) != 32 {
		t.Fatalf("secret file %v (%v), %d bytes", fi, err, len(a))
	}
	if b, _ := LoadSecret(); !bytes.Equal(a, b) {
		t.Fatal("the secret changed between uses")
	}
	team := filepath.Join(t.TempDir(), "team")
	os.WriteFile(team, []byte("a team secret shared by everyone\n"), 0o600)
	t.Setenv(SecretFileEnv, team)
	if b, _ := LoadSecret(); string(b) != "a team secret shared by everyone" {
		t.Fatalf("secret file: %q", b)
	}
	t.Setenv(SecretEnv, "short")
	if _, err := LoadSecret(); err == nil || !strings.Contains(err.Error(), SecretEnv) {
		t.Fatalf("short secret: %v", err)
	}
	t.Setenv(SecretEnv, "0123456789abcdef0123456789abcdef")
	if b, _ := LoadSecret(); string(b) != "0123456789abcdef0123456789abcdef" {
		t.Fatalf("env secret: %q", b)
	}
}

// encodeEntry/decodeEntry are a pair on bytes alone (a shared store uses
// them without files).
func TestEntryCodecRoundTrip(t *testing.T) {
	cs := mustCompile(t, spec[[]float64]("F", persistOpts, false))
	now := time.Unix(1000, 0)
	e := &entry{key: 7, results: []any{[]float64{1, 2, 3}}, created: now,
		outputs: []display.Output{{Kind: display.Stream, Name: "stdout", Text: "log"}}}
	b, err := encodeEntry(testSecret, cs, e)
	if err != nil {
		t.Fatal(err)
	}
	got, expired, err := decodeEntry(testSecret, b, cs, 7, now)
	if err != nil || expired || !equal(got.results, e.results) || got.outputs[0].Text != "log" {
		t.Fatalf("round trip: %+v %v %v", got, expired, err)
	}
	// Every single-byte change and every truncation is rejected.
	for i := 0; i < len(b); i += 7 {
		c := append([]byte(nil), b...)
		c[i] ^= 0x40
		if _, _, err := decodeEntry(testSecret, c, cs, 7, now); err == nil {
			t.Fatalf("byte %d changed: accepted", i)
		}
		if _, _, err := decodeEntry(testSecret, b[:i], cs, 7, now); err == nil {
			t.Fatalf("truncated to %d: accepted", i)
		}
	}
}
