package cachecells

import (
	"math/big"
	"net"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cespare/xxhash/v2"
)

// special marks types that are hashed or copied by their meaning rather than
// by their memory.
type special uint8

const (
	specNone special = iota
	specTime
	specBigInt
	specBigFloat
	specBigRat
	specReflectValue
	specLocation // *time.Location values are shared, never copied
	specInterp   // interpreter bookkeeping: only its reflect.Value fields are data
)

// typeInfo is everything the hasher and the copier need to know about a type,
// computed once per type (and again after RegisterHasher changes the rules).
type typeInfo struct {
	t    reflect.Type
	kind reflect.Kind
	hash uint64 // of t.String(): stable across processes, so disk keys survive restarts
	size uintptr

	// plain: the value's memory is its whole meaning and has no padding, so it
	// can be hashed as one byte span (numbers, and arrays/structs of them).
	plain bool
	// flat: the value holds no pointers to mutable data, so a plain Go
	// assignment is a deep copy (plain types, strings, time.Time, ...).
	flat bool
	// noptr: the value's memory holds no pointers at all (flat minus
	// strings and time values), so it may live in pointer-free memory.
	noptr bool
	// share: copy by assignment even though it holds pointers (open files,
	// locks, funcs, channels, interpreter internals): copying would break them.
	share bool

	spec       special
	unhashable string // why values of this type cannot be hashed ("" if they can)
	hasher     func(any) any
	cacheKey   bool // the type has a CacheKey() any method
	cacheKeyP  bool // *T has one
}

// CacheKeyer is implemented by values that say themselves what identifies
// them for the cache: the value CacheKey returns is hashed instead.
type CacheKeyer interface {
	CacheKey() any
}

var (
	cacheKeyerType   = reflect.TypeFor[CacheKeyer]()
	timeType         = reflect.TypeFor[time.Time]()
	locationType     = reflect.TypeFor[time.Location]()
	bigIntType       = reflect.TypeFor[big.Int]()
	bigFloatType     = reflect.TypeFor[big.Float]()
	bigRatType       = reflect.TypeFor[big.Rat]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
	fileType         = reflect.TypeFor[os.File]()
	netConnType      = reflect.TypeFor[net.Conn]()
	netListenerType  = reflect.TypeFor[net.Listener]()
	netPacketType    = reflect.TypeFor[net.PacketConn]()
)

// The registry of custom hashers. Reads are lock-free: the hot path only
// loads the atomic pointers.
var (
	hashersMu   sync.Mutex
	hashers     atomic.Pointer[map[reflect.Type]func(any) any]
	infoCache   atomic.Pointer[sync.Map] // reflect.Type → *typeInfo; replaced when hashers change
	basicHasher atomic.Bool              // a hasher exists for a predeclared type: skip fast paths
)

func init() {
	infoCache.Store(new(sync.Map))
	hashers.Store(&map[reflect.Type]func(any) any{})
}

// RegisterHasher makes the cache hash values of type t by what fn returns
// instead of by their contents. fn may return a []byte, a string, a uint64 or
// any hashable value (hashed the usual way). A nil fn removes the hasher. Use
// it for types that hold something unhashable (a connection, a lock) next to
// the data that identifies them.
func RegisterHasher(t reflect.Type, fn func(v any) any) {
	hashersMu.Lock()
	defer hashersMu.Unlock()
	m := map[reflect.Type]func(any) any{}
	for k, v := range *hashers.Load() {
		m[k] = v
	}
	if fn == nil {
		delete(m, t)
	} else {
		m[t] = fn
	}
	basic := false
	for k := range m {
		if k.PkgPath() == "" && k.Name() != "" {
			basic = true
		}
	}
	hashers.Store(&m)
	basicHasher.Store(basic)
	infoCache.Store(new(sync.Map)) // type facts depend on the registry
}

// RegisterHasherFor is RegisterHasher for a type named by a type parameter.
func RegisterHasherFor[T any](fn func(v T) any) {
	if fn == nil {
		RegisterHasher(reflect.TypeFor[T](), nil)
		return
	}
	RegisterHasher(reflect.TypeFor[T](), func(v any) any { return fn(v.(T)) })
}

func infoOf(t reflect.Type) *typeInfo {
	cache := infoCache.Load()
	if ti, ok := cache.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := buildInfo(t)
	actual, _ := cache.LoadOrStore(t, ti)
	return actual.(*typeInfo)
}

func buildInfo(t reflect.Type) *typeInfo {
	ti := &typeInfo{t: t, kind: t.Kind(), hash: xxhash.Sum64String(t.String()), size: t.Size()}
	ti.hasher = (*hashers.Load())[t]
	ti.cacheKey = t.Implements(cacheKeyerType)
	ti.cacheKeyP = !ti.cacheKey && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface &&
		reflect.PointerTo(t).Implements(cacheKeyerType)
	custom := ti.hasher != nil || ti.cacheKey || ti.cacheKeyP

	switch t {
	case timeType:
		ti.spec, ti.flat = specTime, true
	case bigIntType:
		ti.spec = specBigInt
	case bigFloatType:
		ti.spec = specBigFloat
	case bigRatType:
		ti.spec = specBigRat
	case reflectValueType:
		ti.spec, ti.share = specReflectValue, true
	case locationType:
		ti.spec, ti.share = specLocation, true
	}
	if isInterpreterInternal(t) && t.Kind() == reflect.Struct {
		ti.spec, ti.share = specInterp, true
	}
	if why := unhashableType(t); why != "" {
		ti.unhashable, ti.share = why, true
	}
	if ti.spec != specNone || ti.unhashable != "" {
		return ti
	}

	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		ti.plain, ti.flat, ti.noptr = !custom, true, true
	case reflect.String:
		ti.flat = true
	case reflect.Array:
		e := infoOf(t.Elem())
		ti.plain, ti.flat, ti.noptr = e.plain && !custom, e.flat, e.noptr
	case reflect.Struct:
		plain, flat, noptr := !custom, true, true
		var sum uintptr
		for i := 0; i < t.NumField(); i++ {
			f := infoOf(t.Field(i).Type)
			plain = plain && f.plain
			flat = flat && f.flat
			noptr = noptr && f.noptr
			sum += f.size
		}
		ti.plain = plain && sum == t.Size()
		ti.flat, ti.noptr = flat, noptr
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		ti.share = true
	case reflect.Pointer:
		// Pointers to shared things (open files, locks, interpreter
		// internals) are shared by the copier rather than duplicated.
		e := t.Elem()
		ti.share = e == locationType || unhashableType(e) != "" || isInterpreterInternal(e)
	}
	return ti
}

// unhashableType says why a type's values have no stable contents to hash.
func unhashableType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Chan:
		return "a channel has no value that identifies it"
	case reflect.UnsafePointer:
		return "an unsafe.Pointer is a bare address"
	}
	switch pkg := t.PkgPath(); {
	case pkg == "sync" || pkg == "sync/atomic":
		return "sync types hold locks and counters that change under you"
	case t == fileType:
		return "it is an open file"
	case pkg == "database/sql" && (t.Name() == "DB" || t.Name() == "Conn" || t.Name() == "Tx" || t.Name() == "Stmt" || t.Name() == "Rows"):
		return "it is a database handle"
	case t.Kind() == reflect.Struct && pkg != "":
		p := reflect.PointerTo(t)
		if p.Implements(netConnType) || p.Implements(netListenerType) || p.Implements(netPacketType) {
			return "it is a network connection"
		}
	}
	return ""
}

// isInterpreterInternal reports types that belong to the interpreter's own
// bookkeeping (yaegi keeps a pointer to its syntax tree in values of
// non-empty interface types); they are shared, never copied or walked.
func isInterpreterInternal(t reflect.Type) bool {
	return strings.HasPrefix(t.PkgPath(), "github.com/traefik/yaegi/")
}
