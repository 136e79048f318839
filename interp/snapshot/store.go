package snapshot

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// The kernel hands the snapshot directory and its size bound to the
// executor through these environment variables.
const (
	EnvDir   = "GOCELL_SNAPSHOT_DIR"
	EnvLimit = "GOCELL_SNAPSHOT_LIMIT"
)

const (
	varExt      = ".var"
	notSavedExt = ".notsaved"
)

// Store is the kernel's side: a private directory that outlives every
// executor of one kernel and is removed with the kernel. The executor
// writes into it (Saver); a new executor reads it back (Load). The kernel
// never reads values, so keeping a snapshot costs it no memory.
type Store struct {
	dir string
}

// NewStore creates the directory.
func NewStore() (*Store, error) {
	dir, err := os.MkdirTemp("", "gocell-snapshot-")
	if err != nil {
		return nil, fmt.Errorf("creating the snapshot directory: %w", err)
	}
	return &Store{dir: dir}, nil
}

// Dir is the directory to pass to executors (EnvDir).
func (s *Store) Dir() string { return s.dir }

// Size is the number of bytes saved.
func (s *Store) Size() int64 {
	var n int64
	ents, _ := os.ReadDir(s.dir)
	for _, e := range ents {
		if fi, err := e.Info(); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// Clear forgets every saved value (the user restarted the kernel).
func (s *Store) Clear() error {
	ents, err := os.ReadDir(s.dir)
	for _, e := range ents {
		err = errors.Join(err, os.Remove(filepath.Join(s.dir, e.Name())))
	}
	return err
}

// Close removes the directory.
func (s *Store) Close() error { return os.RemoveAll(s.dir) }

// Saver is the executor's side: after each successful cell it writes the
// variables whose encoding changed, one file each (written whole, then
// renamed into place, so a crash mid-write leaves the previous version).
type Saver struct {
	Dir      string
	MaxBytes int64 // bound on all saved bytes together; 0 means no bound

	hashes map[string]uint64
	sizes  map[string]int64
	total  int64
}

// NewSaver returns a Saver for dir that knows what dir already holds, so
// that a restored executor adds to the snapshot it was restored from.
func NewSaver(dir string, maxBytes int64) *Saver {
	s := &Saver{Dir: dir, MaxBytes: maxBytes, hashes: map[string]uint64{}, sizes: map[string]int64{}}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), varExt); ok {
			if fi, err := e.Info(); err == nil {
				s.sizes[name] = fi.Size()
				s.total += fi.Size()
			}
		}
	}
	return s
}

// Report tells what one Save did.
type Report struct {
	Saved     []string    // written anew
	Unchanged int         // encoded, found equal to what was saved
	NotSaved  []*VarError // could not be saved; the previous version is removed too
	Bytes     int64       // bytes written
}

// Save encodes the variables names among globals (all of globals if names
// is nil) and writes those that changed. hints gives declared types by
// variable name (see Encoder.Encode).
func (s *Saver) Save(globals map[string]reflect.Value, names []string, hints map[string]string) Report {
	if s.hashes == nil {
		s.hashes, s.sizes = map[string]uint64{}, map[string]int64{}
	}
	if names == nil {
		for n := range globals {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	enc := NewEncoder(globals)
	var r Report
	for _, name := range names {
		v, ok := globals[name]
		if !ok || !v.IsValid() || !v.CanAddr() || name == "_" {
			continue // constants and blank names are not state
		}
		limit := int64(0)
		if s.MaxBytes > 0 {
			limit = s.MaxBytes - (s.total - s.sizes[name])
			if limit <= 0 {
				limit = 1
			}
		}
		ed, err := enc.Encode(name, hints[name], v, limit)
		if err != nil {
			ve := err.(*VarError)
			if strings.Contains(ve.Reason, "size bound") {
				ve.Reason = fmt.Sprintf("not saved: the snapshot would be over its size bound of %s; raise it with %s", FormatBytes(s.MaxBytes), EnvLimit)
			}
			r.NotSaved = append(r.NotSaved, ve)
			s.markNotSaved(name, ve)
			continue
		}
		if h, ok := s.hashes[name]; ok && h == ed.Hash {
			r.Unchanged++
			continue
		}
		if err := s.write(name, ed); err != nil {
			ve := &VarError{Var: name, Type: v.Type().String(), Reason: "not saved: " + err.Error()}
			r.NotSaved = append(r.NotSaved, ve)
			s.markNotSaved(name, ve)
			continue
		}
		r.Saved = append(r.Saved, name)
		r.Bytes += ed.Size
	}
	return r
}

func (s *Saver) write(name string, ed *Encoded) error {
	f, err := os.CreateTemp(s.Dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, err = ed.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(s.Dir, name+varExt))
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	os.Remove(filepath.Join(s.Dir, name+notSavedExt))
	s.total += ed.Size - s.sizes[name]
	s.sizes[name], s.hashes[name] = ed.Size, ed.Hash
	return nil
}

// markNotSaved drops the saved version of name, which no longer matches
// the variable, and leaves the reason for the next restore to report.
func (s *Saver) markNotSaved(name string, ve *VarError) {
	s.Forget(name)
	_ = os.WriteFile(filepath.Join(s.Dir, name+notSavedExt), []byte(ve.Path+"\n"+ve.Type+"\n"+ve.Reason), 0o600)
}

// Forget removes name from the snapshot (the variable no longer exists).
func (s *Saver) Forget(name string) {
	os.Remove(filepath.Join(s.Dir, name+varExt))
	os.Remove(filepath.Join(s.Dir, name+notSavedExt))
	s.total -= s.sizes[name]
	delete(s.sizes, name)
	delete(s.hashes, name)
}

// Snapshot is what a directory holds: the saved variables, and the
// variables that could not be saved, with the reason.
type Snapshot struct {
	Vars     []*Saved
	NotSaved []*VarError
}

// Load reads a snapshot directory. Files that cannot be read are reported
// in NotSaved under their variable's name.
func Load(dir string) (*Snapshot, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading the snapshot: %w", err)
	}
	snap := &Snapshot{}
	for _, e := range ents {
		file := filepath.Join(dir, e.Name())
		if name, ok := strings.CutSuffix(e.Name(), varExt); ok {
			data, err := os.ReadFile(file)
			var sv *Saved
			if err == nil {
				sv, err = Parse(data)
			}
			if err != nil {
				snap.NotSaved = append(snap.NotSaved, &VarError{Var: name, Reason: "not restored: " + err.Error()})
				continue
			}
			snap.Vars = append(snap.Vars, sv)
		} else if name, ok := strings.CutSuffix(e.Name(), notSavedExt); ok {
			b, _ := os.ReadFile(file)
			parts := strings.SplitN(string(b), "\n", 3)
			for len(parts) < 3 {
				parts = append(parts, "")
			}
			snap.NotSaved = append(snap.NotSaved, &VarError{Var: name, Path: parts[0], Type: parts[1], Reason: parts[2]})
		}
	}
	return snap, nil
}

// ParseBytes reads a size such as 4GiB, 512MiB, 2G, 1.5GB or 1048576.
// Binary and decimal units are both accepted (KB = 1000, KiB = 1024).
func ParseBytes(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := len(t)
	for i > 0 && (t[i-1] < '0' || t[i-1] > '9') && t[i-1] != '.' {
		i--
	}
	num, unit := strings.TrimSpace(t[:i]), strings.ToLower(strings.TrimSpace(t[i:]))
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("%q is not a size: write a number and a unit, such as 4GiB, 512MiB or 2G", s)
	}
	mult := map[string]float64{"": 1, "b": 1,
		"k": 1 << 10, "kib": 1 << 10, "kb": 1e3,
		"m": 1 << 20, "mib": 1 << 20, "mb": 1e6,
		"g": 1 << 30, "gib": 1 << 30, "gb": 1e9,
		"t": 1 << 40, "tib": 1 << 40, "tb": 1e12}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("%q has an unknown unit %q: use B, KiB, MiB, GiB or TiB (or K, M, G, T)", s, t[i:])
	}
	return int64(f * mult), nil
}

// MemTotal reads the machine's memory from /proc/meminfo; 0 if unknown.
func MemTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// DefaultLimit is the snapshot size bound when EnvLimit is not set: a
// quarter of the machine's memory, so that a snapshot never doubles what
// the notebook holds; 1GiB where memory cannot be read.
func DefaultLimit() int64 {
	if m := MemTotal(); m > 0 {
		return m / 4
	}
	return 1 << 30
}

// LimitFromEnv reads EnvLimit, or returns DefaultLimit.
func LimitFromEnv() (int64, error) {
	v := os.Getenv(EnvLimit)
	if v == "" {
		return DefaultLimit(), nil
	}
	n, err := ParseBytes(v)
	if err != nil {
		return DefaultLimit(), fmt.Errorf("%s: %w", EnvLimit, err)
	}
	return n, nil
}
