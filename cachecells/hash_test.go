package cachecells

import (
	"math/big"
	"net"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func mustHash(t *testing.T, x any) uint64 {
	t.Helper()
	h, err := hashAny(x, nil)
	if err != nil {
		t.Fatalf("hash %T: %v", x, err)
	}
	return h
}

type node struct {
	Val  int
	Next *node
}

type withUnexported struct {
	Name  string
	count int
	when  time.Time
}

type keyed struct {
	ID    int
	Cache map[string][]byte
	ch    chan int
}

func (k keyed) CacheKey() any { return k.ID }

type ptrKeyed struct{ ID int }

func (p *ptrKeyed) CacheKey() any { return p.ID }

type selfKeyed struct{ A, B int }

func (s selfKeyed) CacheKey() any { return s }

type point struct{ X, Y float64 }

type padded struct {
	A int8
	B int64
}

func TestHashEqualAndDifferent(t *testing.T) {
	cyc := func(v int) *node {
		a := &node{Val: v}
		b := &node{Val: 2, Next: a}
		a.Next = b
		return a
	}
	loc, _ := time.LoadLocation("UTC")
	now := time.Now()
	tests := []struct {
		name string
		a, b any
		same bool
	}{
		{"ints", 1, 1, true},
		{"ints differ", 1, 2, false},
		{"int vs int64", 1, int64(1), false},
		{"strings", "abc", "abc", true},
		{"strings differ", "abc", "abd", false},
		{"string split", []string{"ab", "c"}, []string{"a", "bc"}, false},
		{"float slices", []float64{1, 2, 3}, []float64{1, 2, 3}, true},
		{"float slices differ", []float64{1, 2, 3}, []float64{1, 2, 4}, false},
		{"nil vs empty slice", []int(nil), []int{}, false},
		{"arrays", [3]int{1, 2, 3}, [3]int{1, 2, 3}, true},
		{"arrays differ", [3]int{1, 2, 3}, [3]int{1, 2, 0}, false},
		{"maps order", map[string]int{"a": 1, "b": 2, "c": 3}, map[string]int{"c": 3, "b": 2, "a": 1}, true},
		{"maps differ", map[string]int{"a": 1, "b": 2}, map[string]int{"a": 2, "b": 1}, false},
		{"maps key moves", map[string]int{"a": 1, "b": 1}, map[string]int{"a": 1, "c": 1}, false},
		{"structs", point{1, 2}, point{1, 2}, true},
		{"structs differ", point{1, 2}, point{2, 1}, false},
		{"padded structs", []padded{{1, 2}}, []padded{{1, 2}}, true},
		{"padded structs differ", []padded{{1, 2}}, []padded{{1, 3}}, false},
		{"unexported fields matter", withUnexported{"a", 1, now}, withUnexported{"a", 2, now}, false},
		{"unexported same", withUnexported{"a", 1, now}, withUnexported{"a", 1, now}, true},
		{"pointers followed", &point{1, 2}, &point{1, 2}, true},
		{"pointers differ", &point{1, 2}, &point{1, 3}, false},
		{"cycles", cyc(1), cyc(1), true},
		{"cycles differ", cyc(1), cyc(3), false},
		{"interface dynamic type", []any{1, "a"}, []any{1, "a"}, true},
		{"interface dynamic type differs", []any{int32(1)}, []any{int64(1)}, false},
		{"time instant not wall encoding", now, now.Round(0), true},
		{"time zone matters", now.In(loc), now.In(time.FixedZone("X", 0)), false},
		{"time differs", now, now.Add(time.Nanosecond), false},
		{"big.Int", big.NewInt(12345), new(big.Int).SetInt64(12345), true},
		{"big.Int differs", big.NewInt(12345), big.NewInt(-12345), false},
		{"big.Float same value other precision", new(big.Float).SetPrec(100).SetFloat64(1.5), big.NewFloat(1.5), true},
		{"big.Rat", big.NewRat(2, 4), big.NewRat(1, 2), true},
		{"CacheKey", keyed{ID: 1, ch: make(chan int)}, keyed{ID: 1, Cache: map[string][]byte{"x": nil}}, true},
		{"CacheKey differs", keyed{ID: 1}, keyed{ID: 2}, false},
		{"pointer CacheKey", &ptrKeyed{1}, &ptrKeyed{1}, true},
		{"CacheKey returning itself", selfKeyed{1, 2}, selfKeyed{1, 2}, true},
		{"CacheKey returning itself differs", selfKeyed{1, 2}, selfKeyed{1, 3}, false},
		{"nil chan hashes", struct{ C chan int }{}, struct{ C chan int }{}, true},
		{"nil func hashes", struct{ F func() }{}, struct{ F func() }{}, true},
	}
	for _, tt := range tests {
		ha, hb := mustHash(t, tt.a), mustHash(t, tt.b)
		if (ha == hb) != tt.same {
			t.Errorf("%s: equal hashes = %v, want %v", tt.name, ha == hb, tt.same)
		}
		if again := mustHash(t, tt.a); again != ha {
			t.Errorf("%s: hash not deterministic", tt.name)
		}
	}
}

// The fast path for scalars must agree with the reflect walk, since scalars
// nested in structs and in globals take the walk.
func TestFastPathAgreesWithWalk(t *testing.T) {
	for _, x := range []any{0, -7, int64(9), int32(-3), uint(4), uint64(1 << 60), 3.25, true, false, "", "hello"} {
		fast, _ := hashAny(x, nil)
		slow, err := hashValue(reflect.ValueOf(x), nil)
		if err != nil || fast != slow {
			t.Errorf("%T %v: fast %x, walk %x (%v)", x, x, fast, slow, err)
		}
	}
}

func TestHashHugeSliceNoCollision(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 160 MB")
	}
	const n = 10_000_000
	a := make([]float64, n)
	for i := range a {
		a[i] = float64(i) * 0.5
	}
	b := make([]float64, n)
	copy(b, a)
	if mustHash(t, a) != mustHash(t, b) {
		t.Fatal("equal slices hash differently")
	}
	base := mustHash(t, a)
	seen := map[uint64]int{base: -1}
	for _, i := range []int{0, 1, n / 3, n / 2, n - 2, n - 1} {
		b[i] += 1e-9
		h := mustHash(t, b)
		if prev, dup := seen[h]; dup {
			t.Fatalf("changing element %d collides with change %d", i, prev)
		}
		seen[h] = i
		b[i] = a[i]
	}
	if mustHash(t, b) != base {
		t.Fatal("restored slice hashes differently")
	}
	if mustHash(t, a[:n-1]) == base {
		t.Fatal("length not in hash")
	}
}

// Interpreted struct types reach host code as reflect.StructOf types with
// unexported fields renamed X<name>.
func TestHashStructOf(t *testing.T) {
	st := reflect.StructOf([]reflect.StructField{
		{Name: "Name", Type: reflect.TypeFor[string]()},
		{Name: "Xcount", Type: reflect.TypeFor[int]()},
		{Name: "Xtags", Type: reflect.TypeFor[map[string]float64]()},
	})
	mk := func(name string, count int, tags map[string]float64) any {
		v := reflect.New(st).Elem()
		v.Field(0).SetString(name)
		v.Field(1).SetInt(int64(count))
		v.Field(2).Set(reflect.ValueOf(tags))
		return v.Interface()
	}
	a := mk("a", 1, map[string]float64{"x": 1, "y": 2})
	b := mk("a", 1, map[string]float64{"y": 2, "x": 1})
	c := mk("a", 2, map[string]float64{"x": 1, "y": 2})
	if mustHash(t, a) != mustHash(t, b) {
		t.Error("equal StructOf values hash differently")
	}
	if mustHash(t, a) == mustHash(t, c) {
		t.Error("StructOf values differing in a renamed field hash equal")
	}
	// A slice of a plain StructOf type is hashed as one span.
	pt := reflect.StructOf([]reflect.StructField{
		{Name: "X", Type: reflect.TypeFor[float64]()},
		{Name: "Y", Type: reflect.TypeFor[float64]()},
	})
	if !infoOf(pt).plain {
		t.Error("struct of two float64 should be plain")
	}
	if infoOf(reflect.TypeFor[padded]()).plain {
		t.Error("padded struct must not be plain")
	}
	s1 := reflect.MakeSlice(reflect.SliceOf(pt), 3, 3)
	s2 := reflect.MakeSlice(reflect.SliceOf(pt), 3, 3)
	s2.Index(2).Field(1).SetFloat(1)
	if mustHash(t, s1.Interface()) == mustHash(t, s2.Interface()) {
		t.Error("span hashing missed a change")
	}
}

func TestHashMapOfStructsWithUnexported(t *testing.T) {
	a := map[string]withUnexported{"k": {"n", 1, time.Unix(5, 0)}}
	b := map[string]withUnexported{"k": {"n", 1, time.Unix(5, 0)}}
	c := map[string]withUnexported{"k": {"n", 2, time.Unix(5, 0)}}
	if mustHash(t, a) != mustHash(t, b) || mustHash(t, a) == mustHash(t, c) {
		t.Error("map values with unexported fields hashed wrongly")
	}
	self := map[string]any{}
	self["me"] = self
	mustHash(t, self) // terminates
}

func TestRegisterHasher(t *testing.T) {
	type conn struct {
		Addr string
		mu   sync.Mutex
	}
	if _, err := hashAny(&conn{Addr: "x"}, nil); err == nil {
		t.Fatal("mutex should be unhashable")
	}
	RegisterHasherFor(func(c *conn) any { return c.Addr })
	defer RegisterHasherFor[*conn](nil)
	a, b, c := mustHash(t, &conn{Addr: "x"}), mustHash(t, &conn{Addr: "x"}), mustHash(t, &conn{Addr: "y"})
	if a != b || a == c {
		t.Error("registered hasher not used")
	}
	RegisterHasher(reflect.TypeFor[int](), func(v any) any { return uint64(0) })
	if mustHash(t, 1) != mustHash(t, 2) {
		t.Error("hasher for a predeclared type ignored by the fast path")
	}
	RegisterHasher(reflect.TypeFor[int](), nil)
	if mustHash(t, 1) == mustHash(t, 2) {
		t.Error("removing the hasher did not restore hashing")
	}
}

func TestFuncNamer(t *testing.T) {
	named := func() {}
	namer := func(v reflect.Value) (string, bool) {
		if v.Pointer() == reflect.ValueOf(named).Pointer() {
			return "named#1", true
		}
		return "", false
	}
	if _, err := hashAny(named, namer); err != nil {
		t.Errorf("named func: %v", err)
	}
	if _, err := hashAny(func() { _ = t }, namer); err == nil {
		t.Error("anonymous closure should be unhashable")
	}
}

func TestUnhashablePaths(t *testing.T) {
	type cfg struct {
		Name  string
		Conns []chan int
	}
	f, _ := os.Open(os.DevNull)
	defer f.Close()
	conn, other := net.Pipe()
	defer conn.Close()
	defer other.Close()
	tests := []struct {
		val  any
		path string
		typ  string
	}{
		{cfg{Conns: []chan int{nil, nil, make(chan int)}}, "x.Conns[2]", "chan int"},
		{map[string]any{"f": func() {}}, `x["f"]`, "func()"},
		{&struct{ mu sync.Mutex }{}, "x.mu", "sync.Mutex"},
		{[]any{1, f}, "x[1]", "os.File"},
		{struct{ P any }{P: new(sync.WaitGroup)}, "x.P", "sync.WaitGroup"},
		{map[int]net.Conn{7: conn}, "x[7]", "net.pipe"},
	}
	for _, tt := range tests {
		_, err := hashAny(tt.val, nil)
		he, ok := err.(*hashError)
		if !ok {
			t.Errorf("%T: err = %v, want *hashError", tt.val, err)
			continue
		}
		if p := he.path("x"); p != tt.path {
			t.Errorf("%T: path %q, want %q", tt.val, p, tt.path)
		}
		if !strings.Contains(typeName(he.typ), tt.typ) {
			t.Errorf("%T: type %s, want %s", tt.val, typeName(he.typ), tt.typ)
		}
	}
}
