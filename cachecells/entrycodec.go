package cachecells

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"
	"unsafe"

	"github.com/gocell/gocell/display"
)

// An entry travels as one authenticated byte string, the same for a file
// (persist=disk) and for a shared store:
//
//	magic  "GOCELLC\x02"
//	u64    header length H (little endian)
//	[H]    header, JSON (entryHeader: names, times, result encodings, outputs)
//	       zero padding to a multiple of 8
//	...    result sections in order, sizes given by the header, each padded
//	       to a multiple of 8 so raw number slices can be used in place
//	[32]   HMAC-SHA256 of everything before it, keyed by the cache secret
//
// The MAC is checked before anything else is read, so only bytes written by
// someone holding the secret are ever parsed: a hand-made, altered or
// foreign entry is rejected as a whole (rule 12). encodeEntry and
// decodeEntry are a pair that knows nothing of files.
const (
	entryMagic = "GOCELLC\x02"
	macSize    = sha256.Size
)

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

// errNotAuthentic marks entries whose MAC does not check out.
var errNotAuthentic = errors.New("not authenticated by this user's cache secret: written under another secret, altered or damaged")

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

func newMAC(secret []byte) interface {
	Write([]byte) (int, error)
	Sum([]byte) []byte
} {
	return hmac.New(sha256.New, secret)
}

// sealEntry frames a header and sections and appends their MAC.
func sealEntry(secret, hdr []byte, sections [][]byte) []byte {
	n := align8(len(entryMagic) + 8 + len(hdr))
	for _, s := range sections {
		n += align8(len(s))
	}
	out := alignedBytes(n + macSize)
	copy(out, entryMagic)
	binary.LittleEndian.PutUint64(out[len(entryMagic):], uint64(len(hdr)))
	copy(out[len(entryMagic)+8:], hdr)
	off := align8(len(entryMagic) + 8 + len(hdr))
	for _, s := range sections {
		copy(out[off:], s)
		off += align8(len(s))
	}
	m := newMAC(secret)
	m.Write(out[:n])
	m.Sum(out[n:n])
	return out
}

// openEntry checks data's frame and MAC and returns its header and the
// bytes holding its sections (both alias data).
func openEntry(secret, data []byte) (hdr, body []byte, err error) {
	fixed := len(entryMagic) + 8
	if len(data) < len(entryMagic) || string(data[:len(entryMagic)]) != entryMagic {
		if len(data) < len(entryMagic) && string(data) == entryMagic[:len(data)] {
			return nil, nil, fmt.Errorf("truncated (%d bytes)", len(data))
		}
		return nil, nil, fmt.Errorf("not a gocell cache entry of this version (bad magic)")
	}
	if len(data) < fixed+macSize {
		return nil, nil, fmt.Errorf("truncated (%d bytes)", len(data))
	}
	n := len(data) - macSize
	m := newMAC(secret)
	m.Write(data[:n])
	if !hmac.Equal(m.Sum(nil), data[n:]) {
		return nil, nil, errNotAuthentic
	}
	hlen := binary.LittleEndian.Uint64(data[len(entryMagic):])
	if hlen > uint64(n-fixed) {
		return nil, nil, fmt.Errorf("bad frame: header length %d in %d bytes", hlen, n)
	}
	start := align8(fixed + int(hlen))
	if start > n {
		return nil, nil, fmt.Errorf("bad frame: header padding")
	}
	return data[fixed : fixed+int(hlen)], data[start:n], nil
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
	return sealEntry(secret, hdr, sections), nil
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
	defer func() {
		// A bug here must cost a recomputation, not the session.
		if p := recover(); p != nil {
			e, expired, err = nil, false, fmt.Errorf("could not be decoded: %v", p)
		}
	}()
	hdr, body, err := openEntry(secret, data)
	if err != nil {
		return nil, false, err
	}
	var h entryHeader
	if err := json.Unmarshal(hdr, &h); err != nil {
		return nil, false, fmt.Errorf("bad header: %w", err)
	}
	switch {
	case h.Func != cs.Name || h.Key != fmt.Sprintf("%016x", key):
		return nil, false, fmt.Errorf("it belongs to %s key %s, not %s key %016x", h.Func, h.Key, cs.Name, key)
	case h.LittleEndian != littleEndian:
		return nil, false, fmt.Errorf("it was written on a machine of the other byte order")
	case len(h.Results) != cs.NumResults:
		return nil, false, fmt.Errorf("it has %d results, the function has %d", len(h.Results), cs.NumResults)
	}
	want := 0
	for _, r := range h.Results {
		if r.Size < 0 || r.Len < 0 || r.Size > int64(len(body)) {
			return nil, false, fmt.Errorf("bad header: section size %d", r.Size)
		}
		want += align8(int(r.Size))
	}
	if want != len(body) {
		return nil, false, fmt.Errorf("its sections hold %d bytes, its header describes %d", len(body), want)
	}

	created := time.Unix(0, h.Created)
	var expires time.Time
	if h.Expires != 0 {
		expires = time.Unix(0, h.Expires)
	}
	if ttl := cs.Options.TTL; ttl > 0 {
		// A shorter ttl in the current directive applies to old entries too.
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
	results := make([]any, len(h.Results))
	off := 0
	for i, r := range h.Results {
		sec := body[off : off+int(r.Size)]
		off += align8(int(r.Size))
		pv := reflect.ValueOf(targets[i])
		if pv.Kind() != reflect.Pointer || pv.IsNil() {
			return nil, false, fmt.Errorf("NewResults()[%d] is not a pointer", i)
		}
		t := pv.Type().Elem()
		if (r.Enc != "nil" || r.Type != "") && r.Type != t.String() {
			return nil, false, fmt.Errorf("result %d has type %s in the entry, %s now", i+1, r.Type, t)
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
			var s reflect.Value
			if r.Size > 0 && uintptr(unsafe.Pointer(&sec[0]))%uintptr(t.Elem().Align()) == 0 {
				// In place: the bytes are this entry's own.
				s = reflect.SliceAt(t.Elem(), unsafe.Pointer(&sec[0]), int(r.Len)).Convert(t)
			} else {
				s = reflect.MakeSlice(t, int(r.Len), int(r.Len))
				if r.Size > 0 {
					copy(unsafe.Slice((*byte)(s.UnsafePointer()), r.Size), sec)
				}
			}
			pv.Elem().Set(s)
			results[i] = pv.Elem().Interface()
		case "gob":
			if err := gob.NewDecoder(bytes.NewReader(sec)).Decode(targets[i]); err != nil {
				return nil, false, fmt.Errorf("result %d: %w", i+1, err)
			}
			results[i] = pv.Elem().Interface()
		default:
			return nil, false, fmt.Errorf("bad header: unknown encoding %q", r.Enc)
		}
	}
	e = &entry{
		key: key, results: results, outputs: h.Outputs, replay: prepareReplay(h.Outputs),
		created: created, expires: expires, dur: time.Duration(h.Duration),
	}
	e.size = approxSize(results) + outputsSize(h.Outputs)
	return e, false, nil
}
