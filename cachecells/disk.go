package cachecells

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/cespare/xxhash/v2"
	"github.com/gocell/gocell/display"
)

// On-disk entry (persist=disk, rule 12), one file per key:
//
//	magic "GOCELLC\x01"
//	u64   header length H (little endian)
//	[H]   header, JSON (diskHeader: names, times, result encodings, outputs)
//	u64   xxhash of the header
//	...   result sections, in order, sizes given by the header
//	u64   xxhash of all sections
//
// Files are written to a temporary name in the same folder and renamed, so a
// reader sees a whole file or none. Anything that does not check out (magic,
// sizes, checksums, names, types) is a miss plus a warning. Results are
// decoded with encoding/gob into values made by Spec.NewResults, so loading
// runs no notebook code; slices of plain numbers are stored as raw memory
// and read straight into a new slice.
const (
	diskMagic  = "GOCELLC\x01"
	diskSuffix = ".gcache"
)

type diskHeader struct {
	Func         string
	Key          string
	Code         string
	Created      int64 // unix nanoseconds
	Expires      int64 // unix nanoseconds; 0: never
	Duration     int64 // nanoseconds the computation took
	LittleEndian bool
	Results      []diskResult
	Outputs      []display.Output
}

type diskResult struct {
	Enc  string // "nil", "gob" or "raw"
	Type string
	Len  int64 // raw: number of elements
	Size int64 // bytes in the payload
}

func init() {
	// Parsed JSON is a common result; let gob carry it inside interfaces.
	gob.Register(map[string]any{})
	gob.Register([]any{})
}

var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// fileName makes a function name safe as a folder name; names that had to
// change get a hash suffix so two names never share a folder.
func fileName(name string) string {
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, name)
	if safe != name || strings.HasPrefix(safe, ".") {
		safe = strings.TrimLeft(safe, ".") + "-" + strconv.FormatUint(xxhash.Sum64String(name)&0xffffffff, 16)
	}
	return safe
}

func (c *Cache) entryPath(name string, key uint64) string {
	return filepath.Join(c.dir, fileName(name), fmt.Sprintf("%016x%s", key, diskSuffix))
}

// encoded is one result ready to be written.
type encoded struct {
	meta diskResult
	data []byte
}

// save writes e to disk; problems are warnings, never errors for the caller.
func (c *Cache) save(f *Func, cs *compiled, e *entry) {
	if c.dir == "" {
		f.warnOnce("nodir", fmt.Sprintf("%s: persist=disk but no cache directory is set; keeping entries in memory only", cs.Name))
		return
	}
	encs, err := encodeResults(cs, e.results)
	if err != nil {
		f.warnOnce("encode", fmt.Sprintf("%s: cannot persist this entry (%v); it stays in memory only", cs.Name, err))
		return
	}
	h := diskHeader{
		Func: cs.Name, Key: fmt.Sprintf("%016x", e.key), Code: fmt.Sprintf("%016x", cs.CodeHash),
		Created: e.created.UnixNano(), Duration: int64(e.dur), LittleEndian: littleEndian,
		Outputs: e.outputs,
	}
	if !e.expires.IsZero() {
		h.Expires = e.expires.UnixNano()
	}
	for _, x := range encs {
		h.Results = append(h.Results, x.meta)
	}
	hdr, err := json.Marshal(h)
	if err != nil {
		f.warnOnce("encode", fmt.Sprintf("%s: cannot persist the outputs of this entry (%v); it stays in memory only", cs.Name, err))
		return
	}
	if err := writeAtomic(c.entryPath(cs.Name, e.key), hdr, encs); err != nil {
		f.warnOnce("write", fmt.Sprintf("%s: cannot write cache file: %v", cs.Name, err))
	}
}

func encodeResults(cs *compiled, results []any) ([]encoded, error) {
	static := cs.NewResults()
	if len(static) != len(results) {
		return nil, fmt.Errorf("NewResults gives %d results, the function returns %d", len(static), len(results))
	}
	encs := make([]encoded, len(results))
	for i, r := range results {
		if r == nil {
			encs[i].meta.Enc = "nil"
			continue
		}
		st := reflect.TypeOf(static[i]).Elem()
		t := reflect.TypeOf(r)
		if t != st {
			return nil, fmt.Errorf("result %d holds a %s in a %s (gob needs concrete types)", i+1, typeName(t), typeName(st))
		}
		v := reflect.ValueOf(r)
		switch t.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice:
			if v.IsNil() {
				// gob cannot encode a nil at the top level; the type is
				// enough to rebuild it.
				encs[i].meta = diskResult{Enc: "nil", Type: t.String()}
				continue
			}
		}
		if t.Kind() == reflect.Slice && !v.IsNil() && infoOf(t.Elem()).plain {
			n := v.Len()
			size := n * int(t.Elem().Size())
			var data []byte
			if size > 0 {
				data = unsafe.Slice((*byte)(v.UnsafePointer()), size)
			}
			encs[i] = encoded{diskResult{Enc: "raw", Type: t.String(), Len: int64(n), Size: int64(size)}, data}
			continue
		}
		if why := gobProblem(t, map[reflect.Type]bool{}); why != "" {
			return nil, fmt.Errorf("result %d of type %s: %s", i+1, typeName(t), why)
		}
		if hasCycle(v, infoOf(t), nil) {
			return nil, fmt.Errorf("result %d has pointer cycles, which gob cannot encode", i+1)
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(r); err != nil {
			return nil, fmt.Errorf("result %d: %w", i+1, err)
		}
		encs[i] = encoded{diskResult{Enc: "gob", Type: t.String(), Size: int64(buf.Len())}, buf.Bytes()}
	}
	return encs, nil
}

func writeAtomic(path string, hdr []byte, encs []encoded) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	var word [8]byte
	put := func(x uint64) error {
		binary.LittleEndian.PutUint64(word[:], x)
		_, err := tmp.Write(word[:])
		return err
	}
	if _, err = tmp.WriteString(diskMagic); err != nil {
		return err
	}
	if err = put(uint64(len(hdr))); err != nil {
		return err
	}
	if _, err = tmp.Write(hdr); err != nil {
		return err
	}
	if err = put(xxhash.Sum64(hdr)); err != nil {
		return err
	}
	d := xxhash.New()
	for _, x := range encs {
		if _, err = tmp.Write(x.data); err != nil {
			return err
		}
		d.Write(x.data)
	}
	if err = put(d.Sum64()); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// load returns the persisted entry for key, or nil. A missing file is a
// silent miss; an expired one is deleted; anything else wrong is a warning.
func (c *Cache) load(f *Func, cs *compiled, key uint64, now time.Time) (e *entry) {
	if c.dir == "" {
		return nil
	}
	path := c.entryPath(cs.Name, key)
	file, err := os.Open(path)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			c.warn(fmt.Sprintf("%s: cannot read cache file %s: %v; computing instead", cs.Name, path, err))
		}
		return nil
	}
	defer file.Close()
	defer func() {
		if p := recover(); p != nil {
			c.warn(fmt.Sprintf("%s: cache file %s could not be decoded (%v); computing instead", cs.Name, path, p))
			e = nil
		}
	}()
	e, expired, err := readEntry(file, cs, key, now)
	if err != nil {
		c.warn(fmt.Sprintf("%s: ignoring cache file %s: %v; computing instead", cs.Name, path, err))
		return nil
	}
	if expired {
		file.Close()
		os.Remove(path)
		return nil
	}
	return e
}

func readEntry(file *os.File, cs *compiled, key uint64, now time.Time) (*entry, bool, error) {
	st, err := file.Stat()
	if err != nil {
		return nil, false, err
	}
	size := st.Size()
	var word [8]byte
	get := func() (uint64, error) {
		if _, err := io.ReadFull(file, word[:]); err != nil {
			return 0, fmt.Errorf("truncated file")
		}
		return binary.LittleEndian.Uint64(word[:]), nil
	}
	magic := make([]byte, len(diskMagic))
	if _, err := io.ReadFull(file, magic); err != nil || string(magic) != diskMagic {
		return nil, false, fmt.Errorf("not a gocell cache file (bad magic)")
	}
	hlen, err := get()
	if err != nil {
		return nil, false, err
	}
	if hlen > uint64(size) {
		return nil, false, fmt.Errorf("truncated file (header length %d, file size %d)", hlen, size)
	}
	hdr := make([]byte, hlen)
	if _, err := io.ReadFull(file, hdr); err != nil {
		return nil, false, fmt.Errorf("truncated file")
	}
	hsum, err := get()
	if err != nil {
		return nil, false, err
	}
	if hsum != xxhash.Sum64(hdr) {
		return nil, false, fmt.Errorf("header checksum mismatch (corrupt file)")
	}
	var h diskHeader
	if err := json.Unmarshal(hdr, &h); err != nil {
		return nil, false, fmt.Errorf("bad header: %w", err)
	}
	switch {
	case h.Func != cs.Name || h.Key != fmt.Sprintf("%016x", key):
		return nil, false, fmt.Errorf("file belongs to %s key %s, not %s key %016x", h.Func, h.Key, cs.Name, key)
	case h.LittleEndian != littleEndian:
		return nil, false, fmt.Errorf("file was written on a machine of the other byte order")
	case len(h.Results) != cs.NumResults:
		return nil, false, fmt.Errorf("file has %d results, the function has %d", len(h.Results), cs.NumResults)
	}
	want := int64(len(diskMagic)) + 8 + int64(hlen) + 8 + 8
	for _, r := range h.Results {
		if r.Size < 0 || r.Len < 0 {
			return nil, false, fmt.Errorf("bad header: negative size")
		}
		want += r.Size
	}
	if want != size {
		return nil, false, fmt.Errorf("file is %d bytes, its header describes %d (truncated or damaged)", size, want)
	}

	created := time.Unix(0, h.Created)
	var expires time.Time
	if h.Expires != 0 {
		expires = time.Unix(0, h.Expires)
	}
	if ttl := cs.Options.TTL; ttl > 0 {
		// A shorter ttl in the current directive applies to old files too.
		if lim := created.Add(ttl); expires.IsZero() || lim.Before(expires) {
			expires = lim
		}
	}
	if !expires.IsZero() && !now.Before(expires) {
		return nil, true, nil
	}

	targets := cs.NewResults()
	if len(targets) != cs.NumResults {
		return nil, false, fmt.Errorf("NewResults gives %d values, the function has %d results", len(targets), cs.NumResults)
	}
	d := xxhash.New()
	gobData := make([][]byte, len(h.Results))
	results := make([]any, len(h.Results))
	for i, r := range h.Results {
		pv := reflect.ValueOf(targets[i])
		if pv.Kind() != reflect.Pointer || pv.IsNil() {
			return nil, false, fmt.Errorf("NewResults()[%d] is not a pointer", i)
		}
		t := pv.Type().Elem()
		if (r.Enc != "nil" || r.Type != "") && r.Type != t.String() {
			return nil, false, fmt.Errorf("result %d has type %s in the file, %s now", i+1, r.Type, t)
		}
		switch r.Enc {
		case "nil":
			if r.Size != 0 {
				return nil, false, fmt.Errorf("bad header: nil result with data")
			}
			if r.Type != "" { // a typed nil: pointer, map or slice
				results[i] = reflect.Zero(t).Interface()
			}
		case "raw":
			es := int64(0)
			if t.Kind() == reflect.Slice && infoOf(t.Elem()).plain {
				es = int64(t.Elem().Size())
			}
			if es == 0 && r.Len > 0 || r.Len*es != r.Size {
				return nil, false, fmt.Errorf("result %d: raw section does not fit type %s", i+1, t)
			}
			s := reflect.MakeSlice(t, int(r.Len), int(r.Len))
			if r.Size > 0 {
				b := unsafe.Slice((*byte)(s.UnsafePointer()), r.Size)
				// Hash each chunk right after reading it, while it is
				// still in the CPU cache.
				for len(b) > 0 {
					chunk := b[:min(len(b), 1<<20)]
					if _, err := io.ReadFull(file, chunk); err != nil {
						return nil, false, fmt.Errorf("truncated file")
					}
					d.Write(chunk)
					b = b[len(chunk):]
				}
			}
			pv.Elem().Set(s)
			results[i] = s.Interface()
		case "gob":
			b := make([]byte, r.Size)
			if _, err := io.ReadFull(file, b); err != nil {
				return nil, false, fmt.Errorf("truncated file")
			}
			d.Write(b)
			gobData[i] = b
		default:
			return nil, false, fmt.Errorf("bad header: unknown encoding %q", r.Enc)
		}
	}
	psum, err := get()
	if err != nil {
		return nil, false, err
	}
	if psum != d.Sum64() {
		return nil, false, fmt.Errorf("data checksum mismatch (corrupt file)")
	}
	// Decode only data whose checksum matched.
	for i, b := range gobData {
		if b == nil {
			continue
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(targets[i]); err != nil {
			return nil, false, fmt.Errorf("result %d: %w", i+1, err)
		}
		results[i] = reflect.ValueOf(targets[i]).Elem().Interface()
	}
	e := &entry{
		key: key, results: results, outputs: h.Outputs, replay: prepareReplay(h.Outputs),
		created: created, expires: expires, dur: time.Duration(h.Duration),
	}
	e.size = approxSize(results) + outputsSize(h.Outputs)
	return e, false, nil
}

// gobProblem says why gob would lose or reject values of type t ("" if it
// would not): gob silently drops unexported, chan and func fields.
func gobProblem(t reflect.Type, seen map[reflect.Type]bool) string {
	if seen[t] {
		return ""
	}
	seen[t] = true
	gobEnc := reflect.TypeFor[gob.GobEncoder]()
	binEnc := reflect.TypeFor[interface{ MarshalBinary() ([]byte, error) }]()
	if t.Implements(gobEnc) || reflect.PointerTo(t).Implements(gobEnc) || t.Implements(binEnc) || reflect.PointerTo(t).Implements(binEnc) {
		return ""
	}
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return "it holds a " + t.Kind().String() + ", which gob cannot store"
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return gobProblem(t.Elem(), seen)
	case reflect.Map:
		if p := gobProblem(t.Key(), seen); p != "" {
			return p
		}
		return gobProblem(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			if !sf.IsExported() {
				return fmt.Sprintf("field %s of %s is unexported, so gob would drop it", sf.Name, typeName(t))
			}
			if p := gobProblem(sf.Type, seen); p != "" {
				return p
			}
		}
	}
	return ""
}

// hasCycle reports whether v reaches itself through pointers or maps (gob
// would recurse forever on such a value).
func hasCycle(v reflect.Value, ti *typeInfo, path map[uintptr]bool) bool {
	if ti.flat || ti.share {
		return false
	}
	enter := func(p uintptr) (bool, func()) {
		if path[p] {
			return true, nil
		}
		path[p] = true
		return false, func() { delete(path, p) }
	}
	if path == nil {
		path = map[uintptr]bool{}
	}
	switch ti.kind {
	case reflect.Pointer, reflect.Map:
		if v.IsNil() {
			return false
		}
		cyc, leave := enter(v.Pointer())
		if cyc {
			return true
		}
		defer leave()
		if ti.kind == reflect.Pointer {
			return hasCycle(v.Elem(), infoOf(ti.t.Elem()), path)
		}
		ki, ei := infoOf(ti.t.Key()), infoOf(ti.t.Elem())
		it := v.MapRange()
		for it.Next() {
			if hasCycle(it.Key(), ki, path) || hasCycle(it.Value(), ei, path) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		e := infoOf(ti.t.Elem())
		for i := 0; i < v.Len(); i++ {
			if hasCycle(v.Index(i), e, path) {
				return true
			}
		}
	case reflect.Interface:
		if !v.IsNil() {
			return hasCycle(v.Elem(), infoOf(v.Elem().Type()), path)
		}
	case reflect.Struct:
		v = addressable(v)
		for i := 0; i < v.NumField(); i++ {
			f := field(v, i)
			if hasCycle(f, infoOf(f.Type()), path) {
				return true
			}
		}
	}
	return false
}

// removeFiles deletes the persisted entries of one function.
func (c *Cache) removeFiles(name string) error {
	return removeEntryFiles(filepath.Join(c.dir, fileName(name)))
}

// removeAllFiles deletes every persisted entry; only files this package
// writes are touched.
func (c *Cache) removeAllFiles() error {
	ds, err := os.ReadDir(c.dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("cache: clearing %s: %w", c.dir, err)
	}
	var first error
	for _, d := range ds {
		if d.IsDir() {
			if err := removeEntryFiles(filepath.Join(c.dir, d.Name())); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

func removeEntryFiles(dir string) error {
	ds, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("cache: clearing %s: %w", dir, err)
	}
	for _, d := range ds {
		if n := d.Name(); !d.IsDir() && (strings.HasSuffix(n, diskSuffix) || strings.HasPrefix(n, ".tmp-")) {
			if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("cache: clearing %s: %w", dir, err)
			}
		}
	}
	os.Remove(dir) // only succeeds when empty
	return nil
}
