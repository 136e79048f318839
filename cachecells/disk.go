package cachecells

import (
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/cespare/xxhash/v2"
)

// Persisted entries (persist=disk, rule 12) are files of one folder per
// function, one file per key, each holding the authenticated bytes of
// encodeEntry. Files are written to a temporary name in the same folder and
// renamed, so a reader sees a whole file or none, with mode 0600. Reading
// opens only regular files and never blocks (a FIFO or a device planted in
// the folder is refused before it is read). Anything that does not check
// out is a miss plus a warning that names the file.
const diskSuffix = ".gcache"

// maxEntryFile bounds what is read for one entry.
const maxEntryFile = 1 << 40

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

// save writes e to disk; problems are warnings, never errors for the caller.
func (c *Cache) save(f *Func, cs *compiled, e *entry) {
	if c.dir == "" {
		f.warnOnce("nodir", fmt.Sprintf("%s: persist=disk but no cache directory is set; keeping entries in memory only", cs.Name))
		return
	}
	secret, err := c.secret()
	if err != nil {
		f.warnOnce("secret", fmt.Sprintf("%s: persist=disk is off: %v; keeping entries in memory only", cs.Name, err))
		return
	}
	data, err := encodeEntry(secret, cs, e)
	if err != nil {
		f.warnOnce("encode", fmt.Sprintf("%s: cannot persist this entry (%v); it stays in memory only", cs.Name, err))
		return
	}
	if err := writeAtomic(c.entryPath(cs.Name, e.key), data); err != nil {
		f.warnOnce("write", fmt.Sprintf("%s: cannot write cache file: %v", cs.Name, err))
	}
}

func writeAtomic(path string, data []byte) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*") // mode 0600
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// load returns the persisted entry for key, or nil. A missing file is a
// silent miss; an expired one is deleted; anything else wrong is a warning.
// fresh, when not nil, is the caller's own copy of the results, made while
// the file was read (rule 8).
func (c *Cache) load(f *Func, cs *compiled, key uint64, now time.Time) (e *entry, fresh []any) {
	if c.dir == "" {
		return nil, nil
	}
	path := c.entryPath(cs.Name, key)
	file, size, err := openRegular(path)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			c.warn(fmt.Sprintf("%s: ignoring cache file %s: %v; computing instead", cs.Name, path, err))
		}
		return nil, nil
	}
	defer file.Close()
	secret, err := c.secret()
	if err != nil {
		f.warnOnce("secret", fmt.Sprintf("%s: persist=disk is off: %v; keeping entries in memory only", cs.Name, err))
		return nil, nil
	}
	copyOut := cs.Options.Kind == Data && cs.Options.Copy == CopyDeep
	e, fresh, expired, err := readEntryFile(file, size, secret, cs, key, now, copyOut)
	if err != nil {
		c.warn(fmt.Sprintf("%s: ignoring cache file %s: %v; computing instead", cs.Name, path, err))
		return nil, nil
	}
	if expired {
		os.Remove(path)
		return nil, nil
	}
	return e, fresh
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
