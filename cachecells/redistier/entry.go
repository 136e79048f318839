package redistier

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/cespare/xxhash/v2"
	"github.com/redis/go-redis/v9"
)

// manifestVersion changes when the layout of entries changes; other
// versions are refused (a miss), never misread.
const manifestVersion = "1"

// chunkGrace is how long the chunks of a replaced or expired entry outlive
// its manifest, so that a reader that already has the manifest can finish.
const chunkGrace = 30 * time.Second

var manifestFields = []string{"v", "gen", "size", "n", "cs", "sum", "fence", "ms", "d"}

// keys are the Redis keys of one entry.
type keys struct {
	prefix   string // ns:{fn}
	member   string // the escaped key, as stored in the index
	manifest string
	lock     string
	idx, exp string
	fence    string
}

func (t *Tier) keys(fn, key string) (keys, error) {
	if fn == "" || key == "" {
		return keys{}, errors.New("shared cache: empty function name or key")
	}
	if len(key) > 1024 {
		return keys{}, fmt.Errorf("shared cache: key of %s is %d bytes, over 1024", fn, len(key))
	}
	p := t.ns + ":{" + escape(fn) + "}"
	m := escape(key)
	return keys{
		prefix:   p,
		member:   m,
		manifest: p + ":m:" + m,
		lock:     p + ":l:" + m,
		idx:      p + ":idx",
		exp:      p + ":exp",
		fence:    t.ns + ":fence:{" + escape(fn) + "}",
	}, nil
}

func (k keys) chunk(gen string, i int) string {
	return k.prefix + ":c:" + k.member + ":" + gen + ":" + strconv.Itoa(i)
}

// escape keeps letters, digits, '_', '.' and '-' and writes every other
// byte as %XX, so names never contain Redis glob characters, braces or ':'.
func escape(s string) string {
	plain := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !plain(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := 0; i < len(s); i++ {
		if c := s[i]; plain(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// manifest describes one stored entry.
type manifest struct {
	gen    string // random, names this write's chunks
	size   int64
	n      int // chunks; 0: the entry is inline
	cs     int // chunk size
	sum    uint64
	fence  int64
	inline string
}

// check is the manifest's own checksum. It binds the fields to the entry's
// keys, so a manifest edited by hand or copied to another key is refused.
func (m *manifest) check(k keys) uint64 {
	d := xxhash.New()
	fmt.Fprintf(d, "%s\x00%s\x00%s\x00%s\x00%d\x00%d\x00%d\x00%016x\x00%d",
		manifestVersion, k.prefix, k.member, m.gen, m.size, m.n, m.cs, m.sum, m.fence)
	return d.Sum64()
}

// parseManifest reads HMGET's answer (in manifestFields order); the reason
// says what does not add up.
func parseManifest(k keys, vals []any) (*manifest, string) {
	s := make([]string, len(manifestFields))
	for i, v := range vals {
		if i >= len(s) {
			break
		}
		if v != nil {
			str, ok := v.(string)
			if !ok {
				return nil, fmt.Sprintf("manifest field %s has type %T", manifestFields[i], v)
			}
			s[i] = str
		}
	}
	if s[0] != manifestVersion {
		return nil, fmt.Sprintf("manifest version %q, expected %s", s[0], manifestVersion)
	}
	m := &manifest{gen: s[1], inline: s[8]}
	var err error
	num := func(name, v string) int64 {
		if err != nil {
			return 0
		}
		var x int64
		x, err = strconv.ParseInt(v, 10, 64)
		if err == nil && x < 0 {
			err = errors.New("negative")
		}
		if err != nil {
			err = fmt.Errorf("manifest field %s=%q is not a size", name, v)
		}
		return x
	}
	m.size = num("size", s[2])
	m.n = int(num("n", s[3]))
	m.cs = int(num("cs", s[4]))
	m.fence = num("fence", s[6])
	if err != nil {
		return nil, err.Error()
	}
	if m.sum, err = strconv.ParseUint(s[5], 16, 64); err != nil {
		return nil, fmt.Sprintf("manifest checksum %q is not hex", s[5])
	}
	ms, err := strconv.ParseUint(s[7], 16, 64)
	if err != nil || ms != m.check(k) {
		return nil, "the manifest's own checksum does not match its fields"
	}
	switch {
	case m.n == 0 && int64(len(m.inline)) != m.size:
		return nil, fmt.Sprintf("inline data is %d bytes, the manifest says %d", len(m.inline), m.size)
	case m.n > 0 && (m.cs <= 0 || int64(m.n) != (m.size+int64(m.cs)-1)/int64(m.cs)):
		return nil, fmt.Sprintf("%d chunks of %d bytes cannot hold %d bytes", m.n, m.cs, m.size)
	case m.n > 0 && m.inline != "":
		return nil, "a chunked entry with inline data"
	}
	return m, ""
}

// bodyTimeout is the bound for moving size bytes.
func (t *Tier) bodyTimeout(size int64) time.Duration {
	return t.cfg.MissTimeout + time.Duration(float64(size)/float64(t.cfg.MinThroughput)*float64(time.Second))
}

// Get fetches the entry of fn and key. A miss is (nil, false, nil). Errors:
// ErrUnavailable (compute locally), *CorruptError (a miss to warn about;
// the entry is deleted), ctx's error. A hit marks the entry as used for the
// max_entries bound. The bytes are the caller's; they still need the
// cache's authentication check.
func (t *Tier) Get(ctx context.Context, fn, key string) ([]byte, bool, error) {
	k, err := t.keys(fn, key)
	if err != nil {
		return nil, false, err
	}
	var vals []any
	err = t.do(ctx, fn, t.cfg.MissTimeout, func(ctx context.Context) error {
		pipe := t.rdb.Pipeline()
		hm := pipe.HMGet(ctx, k.manifest, manifestFields...)
		// Marking the use is a write: a full server refuses it, and the
		// read still counts.
		pipe.ZAddXX(ctx, k.idx, redis.Z{Score: float64(time.Now().UnixMilli()), Member: k.member})
		_, err := pipe.Exec(ctx)
		vals = hm.Val()
		if hm.Err() != nil || !isOOM(err) {
			// A failure before any reply (a refused login) is only
			// reported by Exec, not by the commands.
			return errors.Join(hm.Err(), err)
		}
		return nil
	})
	if isWrongType(err) {
		return nil, false, t.corrupt(ctx, fn, key, k, "the manifest key holds another kind of value")
	}
	if err != nil {
		return nil, false, err
	}
	if len(vals) == 0 || vals[0] == nil {
		t.count(fn, func(c *Counters) { c.Misses++ })
		return nil, false, nil
	}
	m, reason := parseManifest(k, vals)
	if m == nil {
		return nil, false, t.corrupt(ctx, fn, key, k, reason)
	}
	var data []byte
	if m.n == 0 {
		data = ownBytes(m.inline)
	} else {
		var reason string
		data, reason, err = t.fetchChunks(ctx, fn, k, m)
		if err != nil {
			return nil, false, err
		}
		if reason != "" {
			return nil, false, t.corrupt(ctx, fn, key, k, reason)
		}
	}
	if xxhash.Sum64(data) != m.sum {
		return nil, false, t.corrupt(ctx, fn, key, k, "the data does not match the manifest's checksum")
	}
	t.count(fn, func(c *Counters) { c.Hits++; c.BytesRead += int64(len(data)) })
	return data, true, nil
}

// fetchChunks reads a chunked entry's body in one pipeline and joins it.
func (t *Tier) fetchChunks(ctx context.Context, fn string, k keys, m *manifest) ([]byte, string, error) {
	var cmds []*redis.StringCmd
	err := t.do(ctx, fn, t.bodyTimeout(m.size), func(ctx context.Context) error {
		pipe := t.rdb.Pipeline()
		cmds = make([]*redis.StringCmd, m.n)
		for i := range cmds {
			cmds[i] = pipe.Get(ctx, k.chunk(m.gen, i))
		}
		_, err := pipe.Exec(ctx)
		return err
	})
	if err != nil && !errors.Is(err, redis.Nil) && !isWrongType(err) {
		return nil, "", err
	}
	data := make([]byte, m.size)
	off := 0
	for i, cmd := range cmds {
		b, err := cmd.Bytes()
		if err != nil {
			return nil, fmt.Sprintf("chunk %d of %d is missing (evicted, expired or replaced)", i+1, m.n), nil
		}
		want := min(m.cs, len(data)-off)
		if len(b) != want {
			return nil, fmt.Sprintf("chunk %d of %d is %d bytes, the manifest says %d", i+1, m.n, len(b), want), nil
		}
		off += copy(data[off:], b)
		cmds[i] = nil // let the chunk's buffer go while we copy the rest
	}
	return data, "", nil
}

// corrupt counts and deletes an entry that does not add up, so a good Put
// replaces it, and returns the error to report.
func (t *Tier) corrupt(ctx context.Context, fn, key string, k keys, reason string) error {
	t.count(fn, func(c *Counters) { c.Corrupt++ })
	t.do(ctx, fn, t.cfg.MissTimeout, func(ctx context.Context) error {
		return deleteScript.Run(ctx, t.rdb, []string{k.idx, k.exp}, k.prefix, k.member).Err()
	})
	return &CorruptError{Func: fn, Key: key, Reason: reason}
}

// ownBytes hands out the memory of a reply string without copying it.
// The client reads every bulk reply into a fresh buffer and makes the
// string from it without a copy (its own StringCmd.Bytes does the
// reverse), so nothing else refers to that memory once the reply is
// dropped. Copying instead costs about as much as the read itself for a
// megabyte (the new pages are faulted in).
func ownBytes(s string) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func isWrongType(err error) bool {
	var re redis.Error
	return errors.As(err, &re) && strings.HasPrefix(re.Error(), "WRONGTYPE")
}

// PutOptions are the per-function settings of a write.
type PutOptions struct {
	TTL        time.Duration // 0: no expiry
	MaxEntries int           // 0: no bound; else the least recently used entries of fn beyond it go
	Lease      *Lease        // the lock taken for this key, if any: a lost lease makes Put fail
}

// Put stores entry for fn and key, replacing any earlier one atomically.
// Errors: *TooLargeError (not sent), ErrStaleLease (another kernel took
// over; dropped), ErrUnavailable, ErrFull, ctx's error.
func (t *Tier) Put(ctx context.Context, fn, key string, entry []byte, opt PutOptions) error {
	k, err := t.keys(fn, key)
	if err != nil {
		return err
	}
	size := int64(len(entry))
	if size > t.cfg.MaxEntryBytes {
		t.count(fn, func(c *Counters) { c.TooLarge++ })
		return &TooLargeError{Func: fn, Size: size, Limit: t.cfg.MaxEntryBytes}
	}
	var fence int64
	var token string
	if l := opt.Lease; l != nil {
		if l.keys.lock != k.lock {
			return fmt.Errorf("shared cache: Put of %s with the lease of another key", fn)
		}
		if l.Lost() {
			t.count(fn, func(c *Counters) { c.Stale++ })
			return ErrStaleLease
		}
		fence, token = l.fence, l.token
	}
	var g [8]byte
	rand.Read(g[:])
	m := manifest{gen: hex.EncodeToString(g[:]), size: size, sum: xxhash.Sum64(entry), fence: fence}
	var chunkKeys []string
	if len(entry) > t.cfg.InlineBytes {
		m.cs = t.cfg.ChunkBytes
		m.n = int((size + int64(m.cs) - 1) / int64(m.cs))
		for i := 0; i < m.n; i++ {
			chunkKeys = append(chunkKeys, k.chunk(m.gen, i))
		}
		// Provisional expiry: chunks of a writer that dies before the
		// commit disappear by themselves.
		provisional := 2*t.bodyTimeout(size) + chunkGrace
		err := t.do(ctx, fn, t.bodyTimeout(size), func(ctx context.Context) error {
			pipe := t.rdb.Pipeline()
			for i, ck := range chunkKeys {
				end := min(len(entry), (i+1)*m.cs)
				pipe.Set(ctx, ck, entry[i*m.cs:end], provisional)
			}
			_, err := pipe.Exec(ctx)
			return err
		})
		if err != nil {
			return err
		}
	}
	var inline []byte
	if m.n == 0 {
		inline = entry
	}
	ttl := int64(0)
	if opt.TTL > 0 {
		ttl = max(1, opt.TTL.Milliseconds())
	}
	var res []any
	err = t.do(ctx, fn, t.bodyTimeout(int64(len(inline))), func(ctx context.Context) error {
		var err error
		res, err = commitScript.Run(ctx, t.rdb,
			append([]string{k.manifest, k.idx, k.exp, k.lock}, chunkKeys...),
			k.prefix, k.member, time.Now().UnixMilli(), ttl, chunkGrace.Milliseconds(), opt.MaxEntries, fence, token,
			manifestVersion, m.gen, m.size, m.n, m.cs, fmt.Sprintf("%016x", m.sum), m.fence,
			fmt.Sprintf("%016x", m.check(k)), inline).Slice()
		return err
	})
	if err != nil {
		return err
	}
	if len(res) != 2 {
		return fmt.Errorf("shared cache: unexpected answer %v to a write", res)
	}
	switch res[0] {
	case "ok":
		t.brk.written()
		evicted, _ := res[1].(int64)
		t.count(fn, func(c *Counters) { c.Puts++; c.BytesWritten += size; c.Evicted += evicted })
		return nil
	case "stale":
		t.count(fn, func(c *Counters) { c.Stale++ })
		return ErrStaleLease
	default:
		t.count(fn, func(c *Counters) { c.Errors++ })
		return fmt.Errorf("shared cache: the chunks of %s expired before the write completed", fn)
	}
}

// Delete removes one entry (after the cache refused its authentication).
func (t *Tier) Delete(ctx context.Context, fn, key string) error {
	k, err := t.keys(fn, key)
	if err != nil {
		return err
	}
	return t.do(ctx, fn, t.cfg.MissTimeout, func(ctx context.Context) error {
		return deleteScript.Run(ctx, t.rdb, []string{k.idx, k.exp}, k.prefix, k.member).Err()
	})
}

// Count returns how many live entries fn has on the server.
func (t *Tier) Count(ctx context.Context, fn string) (int64, error) {
	k, err := t.keys(fn, "-")
	if err != nil {
		return 0, err
	}
	var n int64
	err = t.do(ctx, fn, t.cfg.MissTimeout, func(ctx context.Context) error {
		var err error
		n, err = countScript.Run(ctx, t.rdb, []string{k.idx, k.exp}, time.Now().UnixMilli()).Int64()
		return err
	})
	return n, err
}

// Clear deletes every entry of fn on the server, for every kernel sharing
// it, and returns how many entries there were. Locks held by computations
// in progress are left alone. Each round trip is bounded by MissTimeout;
// ctx bounds the whole.
func (t *Tier) Clear(ctx context.Context, fn string) (int, error) {
	k, err := t.keys(fn, "-")
	if err != nil {
		return 0, err
	}
	pattern := globEscape(k.prefix) + ":*"
	lockPrefix := k.prefix + ":l:"
	entries := 0
	var cursor uint64
	for {
		var found []string
		err := t.do(ctx, fn, t.cfg.MissTimeout, func(ctx context.Context) error {
			var err error
			found, cursor, err = t.rdb.Scan(ctx, cursor, pattern, 1000).Result()
			if err != nil {
				return err
			}
			var del []string
			for _, key := range found {
				if strings.HasPrefix(key, lockPrefix) {
					continue
				}
				if strings.HasPrefix(key, k.prefix+":m:") {
					entries++
				}
				del = append(del, key)
			}
			if len(del) == 0 {
				return nil
			}
			return t.rdb.Unlink(ctx, del...).Err()
		})
		if err != nil {
			return entries, err
		}
		if cursor == 0 {
			return entries, nil
		}
	}
}

// globEscape quotes the characters Redis patterns treat specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
