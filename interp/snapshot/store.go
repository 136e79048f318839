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

// NewStore creates the directory, recording this process as its owner,
// and removes the directories of kernels that died without removing
// theirs.
func NewStore() (*Store, error) {
	_, _ = RemoveAbandoned("") // best effort: a leftover is only disk space
	dir, err := os.MkdirTemp("", dirPrefix)
	if err != nil {
		return nil, fmt.Errorf("creating the snapshot directory: %w", err)
	}
	if err := writeOwner(dir); err != nil {
		_ = os.RemoveAll(dir)
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
		if e.Name() == ownerFile {
			continue
		}
		err = errors.Join(err, os.Remove(filepath.Join(s.dir, e.Name())))
	}
	return err
}

// Close removes the directory.
func (s *Store) Close() error { return os.RemoveAll(s.dir) }

// Saver is the executor's side: after each successful cell it encodes
// the variables and writes what changed. Each variable's encoding is
// hashed in chunks of chunkSize as it is written, and only chunks whose
// hash changed are written again, in place: an unchanged value costs one
// hash pass and no write, and appending to a big slice rewrites its tail.
// A big value is hashed and written by one goroutine per processor, each
// on its own part of the file, straight from the variable's memory.
// A state byte at the start of each file says whether it was written
// completely, so a file the executor was writing when it died is
// reported as not saved instead of being restored half old, half new.
type Saver struct {
	Dir      string
	MaxBytes int64  // bound on all saved bytes together; 0 means no bound
	Types    *Types // how the notebook names host types (may be nil)

	files  map[string]*savedFile
	total  int64
	objs   map[string][]uintptr // objects each saved variable holds
	owners map[uintptr][]string // variables holding each object
	rebase bool                 // the directory holds another process's encodings
}

// chunkSize trades hash-table size for how much of a big value is
// rewritten when a part of it changes.
const chunkSize = 1 << 20

const (
	stateWriting  byte = 'w'
	stateComplete byte = 'c'
)

type savedFile struct {
	size   int64
	chunks []chunk
}

type chunk struct {
	hash uint64
	n    int
}

// NewSaver returns a Saver for dir that knows the sizes of what dir holds
// already, so that a restored executor adds to the snapshot it came from.
func NewSaver(dir string, maxBytes int64) *Saver {
	s := &Saver{Dir: dir, MaxBytes: maxBytes, files: map[string]*savedFile{}}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), varExt); ok {
			if fi, err := e.Info(); err == nil && fi.Size() > 0 {
				s.files[name] = &savedFile{size: fi.Size() - 1}
				s.total += fi.Size() - 1
				s.rebase = true
			}
		}
	}
	return s
}

// Report tells what one Save did.
type Report struct {
	Saved     []string    // written anew (in part or whole)
	Unchanged int         // encoded, found equal to what was saved
	NotSaved  []*VarError // could not be saved; the previous version is removed too
	Bytes     int64       // bytes written
}

// Save encodes the variables names among globals (all of globals if names
// is nil) and writes those that changed. hints gives declared types by
// variable name (see Encoder.Encode).
//
// names may be only the variables the cell could have changed. Save adds
// the variables that share an object with one that changed (each file
// holds a copy of the shared objects, which must agree at a restore), and
// the variables those it encodes point into (a cell that names only p can
// change x through p := &x).
// The first Save after NewSaver found files of an earlier executor saves
// every variable, so that all files describe the same process.
func (s *Saver) Save(globals map[string]reflect.Value, names []string, hints map[string]string) (r Report) {
	if s.files == nil {
		s.files = map[string]*savedFile{}
	}
	if s.objs == nil {
		s.objs, s.owners = map[string][]uintptr{}, map[uintptr][]string{}
	}
	if names == nil || s.rebase {
		names = names[:0:0]
		for n := range globals {
			names = append(names, n)
		}
		s.rebase = false
	}
	queued := make(map[string]bool, len(names))
	for _, n := range names {
		queued[n] = true
	}
	enc := NewEncoder(globals, s.Types)
	defer func() { // reports read best sorted; the work needs no order
		sort.Strings(r.Saved)
		sort.Slice(r.NotSaved, func(i, j int) bool { return r.NotSaved[i].Var < r.NotSaved[j].Var })
	}()
	for i := 0; i < len(names); i++ {
		name := names[i]
		v, ok := globals[name]
		if !ok || !v.IsValid() || !v.CanAddr() || name == "_" {
			continue // constants and blank names are not state
		}
		limit := int64(0)
		if s.MaxBytes > 0 {
			limit = s.MaxBytes - s.total
			if f := s.files[name]; f != nil {
				limit += f.size
			}
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
		for _, ref := range ed.Refs {
			if !queued[ref] {
				queued[ref] = true
				names = append(names, ref)
			}
		}
		n, err := s.write(name, ed)
		if err != nil {
			ve := &VarError{Var: name, Type: v.Type().String(), Reason: "not saved: " + err.Error()}
			r.NotSaved = append(r.NotSaved, ve)
			s.markNotSaved(name, ve)
			continue
		}
		if n == 0 {
			r.Unchanged++
			continue
		}
		r.Saved = append(r.Saved, name)
		r.Bytes += n
		for _, other := range s.setObjects(name, ed.objs) {
			if !queued[other] {
				queued[other] = true
				names = append(names, other)
			}
		}
	}
	return r
}

// setObjects records the objects name now holds and returns the other
// variables that hold, or held, one of them or one it held before.
func (s *Saver) setObjects(name string, objs []uintptr) []string {
	var others []string
	seen := map[string]bool{name: true}
	visit := func(addr uintptr) {
		for _, o := range s.owners[addr] {
			if !seen[o] {
				seen[o] = true
				others = append(others, o)
			}
		}
	}
	for _, a := range s.objs[name] {
		visit(a)
		s.owners[a] = remove(s.owners[a], name)
		if len(s.owners[a]) == 0 {
			delete(s.owners, a)
		}
	}
	for _, a := range objs {
		visit(a)
		s.owners[a] = append(s.owners[a], name)
	}
	if len(objs) == 0 {
		delete(s.objs, name)
	} else {
		s.objs[name] = objs
	}
	return others
}

func remove(list []string, name string) []string {
	for i, n := range list {
		if n == name {
			return append(list[:i], list[i+1:]...)
		}
	}
	return list
}

// write brings name's file up to date with ed, chunk by chunk, and returns
// the number of bytes written (0: nothing had changed).
func (s *Saver) write(name string, ed *Encoded) (written int64, err error) {
	prev := s.files[name]
	if prev == nil {
		prev = &savedFile{size: -1}
	}
	pieces := splitChunks(ed.segs)
	next := &savedFile{size: ed.Size, chunks: make([]chunk, len(pieces))}
	fw := &fileWriter{path: filepath.Join(s.Dir, name+varExt)}
	defer func() {
		if fw.f != nil {
			if err == nil {
				// Only now, every chunk written, does the file say so.
				_, err = fw.f.WriteAt([]byte{stateComplete}, 0)
			}
			if cerr := fw.f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			delete(s.files, name)
			return
		}
		s.total += next.size - max(prev.size, 0)
		s.files[name] = next
	}()
	var same []chunk // what each chunk was, if the layout is the same
	if prev.size == ed.Size {
		same = prev.chunks
	}
	written, err = fw.update(ed.segs, pieces, same, next.chunks)
	if err != nil {
		return written, err
	}
	if fw.f == nil && prev.size == ed.Size && len(prev.chunks) == len(next.chunks) {
		return 0, nil
	}
	if err := fw.open(); err != nil {
		return written, err
	}
	end := int64(1) // the state byte, then every segment
	for _, seg := range ed.segs {
		end += int64(len(seg))
	}
	if err := fw.f.Truncate(end); err != nil {
		return written, err
	}
	os.Remove(filepath.Join(s.Dir, name+notSavedExt))
	return max(written, 1), nil
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
	if f := s.files[name]; f != nil {
		s.total -= f.size
		delete(s.files, name)
	}
	if s.objs != nil {
		s.setObjects(name, nil)
	}
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
			switch {
			case err != nil:
			case len(data) == 0 || data[0] != stateComplete:
				err = fmt.Errorf("the executor stopped while saving it")
			default:
				sv, err = Parse(data[1:])
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
