package cachecells

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// bigFloats returns n float64s that differ from those of another seed.
func bigFloats(n int, seed float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = float64(i)*0.5 + seed
	}
	return s
}

// chunkedN is a []float64 length whose entry has a body of several chunks,
// the last one partial, so the reader's helpers take part.
const chunkedN = 5*bodyChunk/8 + 1234

// sealedFloats is the entry file of F(seed) holding bigFloats(n, seed).
func sealedFloats(t *testing.T, cs *compiled, key uint64, n int, seed float64) []byte {
	t.Helper()
	b, err := encodeEntry(testSecret, cs, &entry{key: key, results: []any{bigFloats(n, seed)}, created: time.Unix(1000, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustSeal(t *testing.T, secret, hdr []byte, sections [][]byte) []byte {
	t.Helper()
	b, err := sealEntry(secret, hdr, sections)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func frameOf(t *testing.T, b []byte) frame {
	t.Helper()
	f, err := parseFrame(b[:prefixSize], int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// decodeBoth checks b as a shared store does (bytes in memory) and as a
// disk hit does (read from a file, chunk by chunk) and returns both errors.
func decodeBoth(t *testing.T, cs *compiled, key uint64, b []byte) (mem, file error) {
	t.Helper()
	now := time.Unix(1000, 0)
	_, _, mem = decodeEntry(testSecret, b, cs, key, now)
	_, _, _, file = readEntryFile(bytes.NewReader(b), int64(len(b)), testSecret, cs, key, now, true)
	return mem, file
}

func wantRejected(t *testing.T, what string, mem, file error, text string) {
	t.Helper()
	for _, err := range []error{mem, file} {
		if err == nil || !strings.Contains(err.Error(), text) {
			t.Fatalf("%s: error %v, want one saying %q", what, err, text)
		}
	}
}

// A big entry goes through both readers intact, and the disk reader's copy
// for the caller holds the same values in memory of its own.
func TestFrameBigRoundTrip(t *testing.T) {
	cs := mustCompile(t, spec[[]float64]("F", persistOpts, false))
	b := sealedFloats(t, cs, 7, chunkedN, 3)
	if f := frameOf(t, b); f.chunks() != 6 || f.blen%f.chunk == 0 {
		t.Fatalf("want 6 chunks, the last one partial: %+v", f)
	}
	want := bigFloats(chunkedN, 3)
	e, _, err := decodeEntry(testSecret, b, cs, 7, time.Unix(1000, 0))
	if err != nil || !equal(e.results, []any{want}) {
		t.Fatalf("from bytes: %v", err)
	}
	e, fresh, _, err := readEntryFile(bytes.NewReader(b), int64(len(b)), testSecret, cs, 7, time.Unix(1000, 0), true)
	if err != nil || !equal(e.results, []any{want}) || !equal(fresh, []any{want}) {
		t.Fatalf("from a file: %v", err)
	}
	if unsafe.SliceData(e.results[0].([]float64)) == unsafe.SliceData(fresh[0].([]float64)) {
		t.Fatal("the caller's copy shares memory with the cached value")
	}
}

// Chunks moved within an entry, or taken from another entry of the same
// size, fail their tags, with or without their tags moved along.
func TestFrameChunkReorderAndSwap(t *testing.T) {
	cs := mustCompile(t, spec[[]float64]("F", persistOpts, false))
	a := sealedFloats(t, cs, 7, chunkedN, 1)
	other := sealedFloats(t, cs, 7, chunkedN, 2)
	f := frameOf(t, a)
	chunk := func(b []byte, i int) []byte {
		start, end := f.chunkRange(i)
		return b[f.bodyOff()+start : f.bodyOff()+end]
	}
	tag := func(b []byte, i int) []byte { return b[f.tagsOff()+i*tagSize : f.tagsOff()+(i+1)*tagSize] }
	if mem, file := decodeBoth(t, cs, 7, a); mem != nil || file != nil {
		t.Fatalf("intact entry refused: %v, %v", mem, file)
	}
	for _, withTags := range []bool{false, true} {
		b := bytes.Clone(a)
		c1, c2 := bytes.Clone(chunk(b, 1)), bytes.Clone(chunk(b, 2))
		copy(chunk(b, 1), c2)
		copy(chunk(b, 2), c1)
		if withTags {
			t1, t2 := bytes.Clone(tag(b, 1)), bytes.Clone(tag(b, 2))
			copy(tag(b, 1), t2)
			copy(tag(b, 2), t1)
		}
		mem, file := decodeBoth(t, cs, 7, b)
		wantRejected(t, fmt.Sprintf("chunks 1 and 2 swapped (tags too: %v)", withTags), mem, file, "not authenticated")

		for _, i := range []int{0, 3, f.chunks() - 1} {
			b := bytes.Clone(a)
			copy(chunk(b, i), chunk(other, i))
			if withTags {
				copy(tag(b, i), tag(other, i))
			}
			mem, file := decodeBoth(t, cs, 7, b)
			wantRejected(t, fmt.Sprintf("chunk %d from another entry (tag too: %v)", i, withTags), mem, file, "not authenticated")
		}
	}
	// The whole tag table and MAC of the other entry do not help either:
	// they are bound to its salt.
	b := bytes.Clone(a)
	copy(b[f.tagsOff():f.bodyOff()], other[f.tagsOff():f.bodyOff()])
	mem, file := decodeBoth(t, cs, 7, b)
	wantRejected(t, "tags and mac of another entry", mem, file, "not authenticated")
}

// An entry cut anywhere, chunk boundaries included, is refused as
// truncated; a flipped bit in a tag, the MAC, the salt or a length is
// refused too.
func TestFrameTruncationAndTamper(t *testing.T) {
	cs := mustCompile(t, spec[[]float64]("F", persistOpts, false))
	a := sealedFloats(t, cs, 7, chunkedN, 1)
	f := frameOf(t, a)
	cuts := []int{0, 5, prefixSize - 1, prefixSize, f.tagsOff(), f.macOff(), f.bodyOff(), len(a) - 1}
	for i := 1; i < f.chunks(); i++ {
		cuts = append(cuts, f.bodyOff()+i*f.chunk)
	}
	for _, n := range cuts {
		mem, file := decodeBoth(t, cs, 7, a[:n])
		wantRejected(t, fmt.Sprintf("cut to %d bytes", n), mem, file, "truncated")
	}
	// A file that shrinks while it is read.
	short := a[:f.bodyOff()+2*f.chunk]
	_, _, _, err := readEntryFile(bytes.NewReader(short), int64(len(a)), testSecret, cs, 7, time.Unix(1000, 0), true)
	if err == nil || !strings.Contains(err.Error(), "truncated while it was read") {
		t.Fatalf("file shrinking while read: %v", err)
	}

	flips := map[string]int{
		"salt": 9, "header length": 40, "body length": 48, "chunk size": 57,
		"header": prefixSize + 3, "first tag": f.tagsOff(), "last tag": f.macOff() - 1,
		"mac": f.macOff() + 5, "first body byte": f.bodyOff(), "last body byte": len(a) - 1,
	}
	for what, at := range flips {
		b := bytes.Clone(a)
		b[at] ^= 0x10
		mem, file := decodeBoth(t, cs, 7, b)
		if mem == nil || file == nil {
			t.Fatalf("%s changed: accepted (%v, %v)", what, mem, file)
		}
	}
}

// sealV2 writes an entry in the format gocell wrote before chunk tags: one
// HMAC-SHA256 over everything, keyed by the same secret.
func sealV2(secret, hdr []byte, sections [][]byte) []byte {
	var b bytes.Buffer
	b.WriteString("GOCELLC\x02")
	binary.Write(&b, binary.LittleEndian, uint64(len(hdr)))
	b.Write(hdr)
	pad := func() { b.Write(make([]byte, align8(b.Len())-b.Len())) }
	pad()
	for _, s := range sections {
		b.Write(s)
		pad()
	}
	m := hmac.New(sha256.New, secret)
	m.Write(b.Bytes())
	return m.Sum(b.Bytes())
}

// An entry written by the previous format, under this user's own secret,
// is a miss with one warning that says why; the new entry replaces it and
// is served after a restart.
func TestDiskOldFormatEntryIsAMiss(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, dir)
	path := h.c.entryPath("Sum", sumKey(t))
	hdr, secs := forged(t, sumKey(t))
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, sealV2(testSecret, hdr, secs), 0o600)
	runs := 0
	if v := h.call(h.register(sumSpec()), []any{1000}, func() []any { runs++; return []any{sum(1000)} })[0]; v != 500500 || runs != 1 {
		t.Fatalf("old entry: got %v after %d runs", v, runs)
	}
	if w := h.warnings(); len(w) != 1 || !strings.Contains(w[0], path) || !strings.Contains(w[0], "format 2") {
		t.Fatalf("warnings %q, want one naming the file and its format", w)
	}
	h2 := newHarness(t, dir)
	if v := h2.call(h2.register(sumSpec()), []any{1000}, func() []any { t.Fatal("recomputed"); return nil })[0]; v != 500500 {
		t.Fatalf("rewritten entry: %v", v)
	}
	if w := h2.warnings(); len(w) != 0 {
		t.Fatalf("warnings after the rewrite: %q", w)
	}
}

// multiSpec is a function with three results: two raw number slices whose
// sections end inside chunks (one of a length that needs padding) and a
// gob-encoded string.
func multiSpec() Spec {
	return Spec{
		Name: "Multi", Options: persistOpts, CodeHash: 1, Decls: map[string]uint64{"Multi": 1},
		Params: []Param{{Name: "n"}}, NumResults: 3,
		NewResults: func() []any { return []any{new([]float64), new([]int32), new(string)} },
	}
}

func multiResults() []any {
	small := make([]int32, bodyChunk/4+3)
	for i := range small {
		small[i] = int32(i) * 3
	}
	return []any{bigFloats(3*bodyChunk/8+17, 1), small, "label"}
}

// A disk hit of a multi-chunk entry with several results gives the caller
// values of its own: changing them changes neither the memory entry nor
// what the next restart reads.
func TestDiskHitCopiesAreTheCallers(t *testing.T) {
	dir := t.TempDir()
	h1 := newHarness(t, dir)
	h1.call(h1.register(multiSpec()), []any{1}, multiResults)
	if f := frameOf(t, mustRead(t, diskFiles(t, dir)[0])); f.chunks() < 4 {
		t.Fatalf("only %d chunks", f.chunks())
	}
	for round := 0; round < 2; round++ {
		h := newHarness(t, dir)
		g := h.register(multiSpec())
		out := h.call(g, []any{1}, func() []any { t.Fatal("disk miss"); return nil })
		if !equal(out, multiResults()) {
			t.Fatalf("round %d: disk hit returned other values", round)
		}
		out[0].([]float64)[5] = -1
		out[1].([]int32)[len(out[1].([]int32))-1] = -1
		again := h.call(g, []any{1}, func() []any { t.Fatal("memory miss"); return nil })
		if !equal(again, multiResults()) {
			t.Fatalf("round %d: changing the disk hit's values changed the memory entry", round)
		}
		if w := h.warnings(); len(w) != 0 {
			t.Fatal(w)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A multi-chunk entry renamed to another key's file is a miss with one
// warning, as a small one is.
func TestDiskBigEntryUnderAnotherKey(t *testing.T) {
	dir := t.TempDir()
	h1 := newHarness(t, dir)
	f := h1.register(spec[[]float64]("F", persistOpts, false, "seed"))
	for _, seed := range []float64{1, 2} {
		h1.call(f, []any{seed}, func() []any { return []any{bigFloats(chunkedN, seed)} })
	}
	files := diskFiles(t, dir)
	if len(files) != 2 {
		t.Fatalf("files %v", files)
	}
	os.WriteFile(files[1], mustRead(t, files[0]), 0o600)
	h2 := newHarness(t, dir)
	g := h2.register(spec[[]float64]("F", persistOpts, false, "seed"))
	for _, seed := range []float64{1, 2} {
		out := h2.call(g, []any{seed}, func() []any { return []any{bigFloats(chunkedN, seed)} })
		if !equal(out, []any{bigFloats(chunkedN, seed)}) {
			t.Fatalf("seed %v: wrong value served", seed)
		}
	}
	if w := h2.warnings(); len(w) != 1 || !strings.Contains(w[0], "belongs to") {
		t.Fatalf("warnings %q", w)
	}
}

// The header is authenticated before it is parsed: a header that is not
// JSON, sealed with the secret, is reported as a bad header, and the same
// bytes under another secret are reported as not authenticated.
func TestFrameHeaderCheckedBeforeParsing(t *testing.T) {
	cs := mustCompile(t, spec[[]float64]("F", persistOpts, false))
	b := mustSeal(t, testSecret, []byte("{not json"), nil)
	if mem, file := decodeBoth(t, cs, 7, b); mem == nil || file == nil || !strings.Contains(mem.Error(), "bad header") || !strings.Contains(file.Error(), "bad header") {
		t.Fatalf("unparsable header: %v, %v", mem, file)
	}
	good, _ := json.Marshal(entryHeader{Func: "F", Key: "0000000000000007", LittleEndian: littleEndian, Results: []entryResult{{Enc: "nil"}}})
	b = mustSeal(t, []byte("another secret of 32 bytes, too!"), good, nil)
	mem, file := decodeBoth(t, cs, 7, b)
	wantRejected(t, "header under another secret", mem, file, "not authenticated")
}
