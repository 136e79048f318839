package cachecells

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unsafe"

	"github.com/gocell/gocell/display"
)

// encodeEntry and decodeEntry turn an entry into the authenticated bytes
// of entryframe.go and back; they know nothing of files.

type entryHeader struct {
	Func         string
	Key          string
	Code         string
	Created      int64 // unix nanoseconds
	Expires      int64 // unix nanoseconds; 0: never
	Duration     int64 // nanoseconds the computation took
	LittleEndian bool
	Results      []entryResult
	Outputs      []display.Output // everything recorded; the replay mode filters on a hit
}

type entryResult struct {
	Enc  string // "nil", "gob" or "raw"
	Type string
	Len  int64 // raw: number of elements
	Size int64 // bytes in the section
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

func align8(n int) int { return (n + 7) &^ 7 }

// alignedBytes returns n zeroed bytes whose start is 8-byte aligned, so
// raw sections inside can be viewed as slices of any plain type.
func alignedBytes(n int) []byte {
	if n == 0 {
		return nil
	}
	w := make([]uint64, (n+7)/8)
	return unsafe.Slice((*byte)(unsafe.Pointer(&w[0])), n)
}

// scratchBytes is alignedBytes without the zeroing, for buffers the caller
// overwrites entirely before anything reads them (a disk hit's body and the
// caller's copies): clearing 80 MB first costs about as much as reading it
// from the page cache. strings.Builder.Grow is the standard library's one
// way to get memory the runtime does not clear; the builder and its string
// are dropped at once, so the bytes are ours alone. Small buffers, and any
// that would not be aligned, come from alignedBytes.
func scratchBytes(n int) []byte {
	if n < 1<<16 {
		return alignedBytes(n)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(0)
	p := unsafe.StringData(b.String())
	if uintptr(unsafe.Pointer(p))%8 != 0 || b.Cap() < n {
		return alignedBytes(n)
	}
	return unsafe.Slice(p, n)
}

// encodeEntry turns e into authenticated bytes. Results that cannot be
// stored faithfully are an error (the entry then stays in memory only).
func encodeEntry(secret []byte, cs *compiled, e *entry) ([]byte, error) {
	encs, err := encodeResults(cs, e.results)
	if err != nil {
		return nil, err
	}
	h := entryHeader{
		Func: cs.Name, Key: fmt.Sprintf("%016x", e.key), Code: fmt.Sprintf("%016x", cs.CodeHash),
		Created: e.created.UnixNano(), Duration: int64(e.dur), LittleEndian: littleEndian,
		Outputs: e.outputs,
	}
	if !e.expires.IsZero() {
		h.Expires = e.expires.UnixNano()
	}
	sections := make([][]byte, len(encs))
	for i, x := range encs {
		h.Results = append(h.Results, x.meta)
		sections[i] = x.data
	}
	hdr, err := json.Marshal(h)
	if err != nil {
		return nil, fmt.Errorf("the outputs cannot be encoded: %w", err)
	}
	return sealEntry(secret, hdr, sections)
}

// encoded is one result ready to be sealed.
type encoded struct {
	meta entryResult
	data []byte
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
				encs[i].meta = entryResult{Enc: "nil", Type: t.String()}
				continue
			}
		}
		if t.Kind() == reflect.Slice && infoOf(t.Elem()).plain {
			n := v.Len()
			size := n * int(t.Elem().Size())
			var data []byte
			if size > 0 {
				data = unsafe.Slice((*byte)(v.UnsafePointer()), size)
			}
			encs[i] = encoded{entryResult{Enc: "raw", Type: t.String(), Len: int64(n), Size: int64(size)}, data}
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
		encs[i] = encoded{entryResult{Enc: "gob", Type: t.String(), Size: int64(buf.Len())}, buf.Bytes()}
	}
	return encs, nil
}

// decodeEntry turns authenticated bytes back into the entry for key. Raw
// number slices in the result share data's memory when it is suitably
// aligned, so data must not be reused. expired reports a valid entry whose
// TTL has passed. Decoding runs no notebook code: gob fills values made by
// Spec.NewResults, after the MAC has vouched for the bytes.
func decodeEntry(secret, data []byte, cs *compiled, key uint64, now time.Time) (e *entry, expired bool, err error) {
	hdr, body, err := openEntry(secret, data)
	if err != nil {
		return nil, false, err
	}
	d, err := decodeHeader(hdr, cs, key, now)
	if err != nil || d.expired {
		return nil, d.expired, err
	}
	if err := d.checkBody(len(body)); err != nil {
		return nil, false, err
	}
	e, err = d.entry(cs, body)
	return e, false, err
}

// decoded is an authenticated header, checked against the function it is
// read for.
type decoded struct {
	h                entryHeader
	key              uint64
	created, expires time.Time
	expired          bool
}

// decodeHeader parses an authenticated header and checks that it belongs
// to cs and key; an expired entry has expired set and no error.
func decodeHeader(hdr []byte, cs *compiled, key uint64, now time.Time) (d decoded, err error) {
	if err := json.Unmarshal(hdr, &d.h); err != nil {
		return d, fmt.Errorf("bad header: %w", err)
	}
	h := &d.h
	switch {
	case h.Func != cs.Name || h.Key != fmt.Sprintf("%016x", key):
		return d, fmt.Errorf("it belongs to %s key %s, not %s key %016x", h.Func, h.Key, cs.Name, key)
	case h.LittleEndian != littleEndian:
		return d, fmt.Errorf("it was written on a machine of the other byte order")
	case len(h.Results) != cs.NumResults:
		return d, fmt.Errorf("it has %d results, the function has %d", len(h.Results), cs.NumResults)
	}
	for _, r := range h.Results {
		if r.Size < 0 || r.Len < 0 || r.Size > maxEntryFile {
			return d, fmt.Errorf("bad header: section size %d", r.Size)
		}
	}
	d.key = key
	d.created = time.Unix(0, h.Created)
	if h.Expires != 0 {
		d.expires = time.Unix(0, h.Expires)
	}
	if ttl := cs.Options.TTL; ttl > 0 {
		// A shorter ttl in the current directive applies to old entries too.
		if lim := d.created.Add(ttl); d.expires.IsZero() || lim.Before(d.expires) {
			d.expires = lim
		}
	}
	d.expired = !d.expires.IsZero() && !now.Before(d.expires)
	return d, nil
}

// sections returns where each result's section lies in the body.
func (d *decoded) sections() (offs []int, total int) {
	for _, r := range d.h.Results {
		offs = append(offs, total)
		total += align8(int(r.Size))
	}
	return offs, total
}

// checkBody checks that the header describes a body of n bytes.
func (d *decoded) checkBody(n int) error {
	if _, want := d.sections(); want != n {
		return fmt.Errorf("its sections hold %d bytes, its header describes %d", n, want)
	}
	return nil
}

// entry decodes the results from the authenticated body.
func (d *decoded) entry(cs *compiled, body []byte) (e *entry, err error) {
	defer func() {
		// A bug here must cost a recomputation, not the session.
		if p := recover(); p != nil {
			e, err = nil, fmt.Errorf("could not be decoded: %v", p)
		}
	}()
	targets := cs.NewResults()
	if len(targets) != cs.NumResults {
		return nil, fmt.Errorf("NewResults gives %d values, the function has %d results", len(targets), cs.NumResults)
	}
	results := make([]any, len(d.h.Results))
	offs, _ := d.sections()
	for i, r := range d.h.Results {
		sec := body[offs[i] : offs[i]+int(r.Size)]
		pv := reflect.ValueOf(targets[i])
		if pv.Kind() != reflect.Pointer || pv.IsNil() {
			return nil, fmt.Errorf("NewResults()[%d] is not a pointer", i)
		}
		t := pv.Type().Elem()
		if (r.Enc != "nil" || r.Type != "") && r.Type != t.String() {
			return nil, fmt.Errorf("result %d has type %s in the entry, %s now", i+1, r.Type, t)
		}
		switch r.Enc {
		case "nil":
			if r.Size != 0 {
				return nil, fmt.Errorf("bad header: nil result with data")
			}
			if r.Type != "" { // a typed nil: pointer, map or slice
				results[i] = reflect.Zero(t).Interface()
			}
		case "raw":
			s, err := rawSlice(t, r, sec)
			if err != nil {
				return nil, fmt.Errorf("result %d: %w", i+1, err)
			}
			pv.Elem().Set(s)
			results[i] = pv.Elem().Interface()
		case "gob":
			if err := gob.NewDecoder(bytes.NewReader(sec)).Decode(targets[i]); err != nil {
				return nil, fmt.Errorf("result %d: %w", i+1, err)
			}
			results[i] = pv.Elem().Interface()
		default:
			return nil, fmt.Errorf("bad header: unknown encoding %q", r.Enc)
		}
	}
	e = &entry{
		key: d.key, results: results, outputs: d.h.Outputs, replay: prepareReplay(d.h.Outputs),
		created: d.created, expires: d.expires, dur: time.Duration(d.h.Duration),
	}
	e.size = approxSize(results) + outputsSize(d.h.Outputs)
	return e, nil
}

// rawSlice views a raw section as a slice of type t, in place when sec is
// aligned for t's elements (the bytes are then the entry's own), else as a
// copy.
func rawSlice(t reflect.Type, r entryResult, sec []byte) (reflect.Value, error) {
	es := int64(0)
	if t.Kind() == reflect.Slice && infoOf(t.Elem()).plain {
		es = int64(t.Elem().Size())
	}
	if es == 0 && r.Len > 0 || r.Len > r.Size || r.Len*es != r.Size || int64(len(sec)) != r.Size {
		return reflect.Value{}, fmt.Errorf("raw section does not fit type %s", t)
	}
	if r.Size > 0 && uintptr(unsafe.Pointer(&sec[0]))%uintptr(t.Elem().Align()) == 0 {
		return reflect.SliceAt(t.Elem(), unsafe.Pointer(&sec[0]), int(r.Len)).Convert(t), nil
	}
	s := reflect.MakeSlice(t, int(r.Len), int(r.Len))
	if r.Size > 0 {
		copy(unsafe.Slice((*byte)(s.UnsafePointer()), r.Size), sec)
	}
	return s, nil
}
