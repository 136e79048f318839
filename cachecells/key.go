package cachecells

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/cespare/xxhash/v2"
)

// UnhashableError is returned by Call when an argument or a global the
// function reads cannot be part of a key (rule 7).
type UnhashableError struct {
	Kind   Kind
	Func   string
	Param  string // the parameter, or the global variable when Global is set
	Global bool
	Path   string // where inside the value, e.g. cfg.Conns[2]
	Type   string // the type found there
	Reason string
}

func (e *UnhashableError) Error() string {
	var b strings.Builder
	if e.Global {
		fmt.Fprintf(&b, "%s %s: cannot hash package-level variable %s (the function reads it, so its value is part of the key): ", e.Kind, e.Func, e.Param)
	} else {
		fmt.Fprintf(&b, "%s %s: cannot hash argument %s: ", e.Kind, e.Func, e.Param)
	}
	fmt.Fprintf(&b, "%s has type %s, which cannot be hashed (%s).\nFixes: ", e.Path, e.Type, e.Reason)
	if e.Global {
		fmt.Fprintf(&b, "pass %s to %s as a parameter whose name starts with _ instead of reading the variable; ", e.Param, e.Func)
	} else {
		fmt.Fprintf(&b, "rename the parameter to _%s, or add ignore=%s to the directive, to leave it out of the key; ", e.Param, e.Param)
	}
	b.WriteString("or give the type a `CacheKey() any` method that returns what identifies the value; or register a hash function for the type with cache.RegisterHasher.")
	return b.String()
}

func unhashable(cs *compiled, name string, global bool, err *hashError) *UnhashableError {
	return &UnhashableError{
		Kind: cs.Options.Kind, Func: cs.Name, Param: name, Global: global,
		Path: err.path(name), Type: typeName(err.typ), Reason: err.why,
	}
}

// namedHash is one global's name and value hash.
type namedHash struct {
	name     string
	hash     uint64
	text     string // short printed value, filled only on a miss
	identity string // keyed by identity: why its content cannot be hashed
}

// callKey is a call's key and the parts it was made of.
type callKey struct {
	key     uint64
	args    []uint64 // per parameter; 0 for excluded ones
	globals []namedHash
	gvals   map[string]reflect.Value // as the callback returned them
	// pins holds the objects identity-keyed globals refer to; an entry
	// keeps them so their addresses are not reused while it lives. Such a
	// key means nothing in another process: it is never persisted.
	pins []any
}

// KeyError is a failure to compute a call's key that is not about one
// value (the Globals callback or a hasher panicked). Call returns it as an
// error; it never escapes as a panic.
type KeyError struct {
	Func string
	Err  error
}

func (e *KeyError) Error() string {
	return "cache: computing the key of " + e.Func + ": " + e.Err.Error()
}

func (e *KeyError) Unwrap() error { return e.Err }

// safeKeyOf is keyOf with any panic turned into a *KeyError.
func (cs *compiled) safeKeyOf(args []any, buf []uint64, namer FuncNamer) (ck callKey, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &KeyError{Func: cs.Name, Err: fmt.Errorf("panic: %v", p)}
		}
	}()
	return cs.keyOf(args, buf, namer)
}

// keyOf hashes the arguments into buf (so the hot path does not allocate)
// and the current values of the globals the function reads.
func (cs *compiled) keyOf(args []any, buf []uint64, namer FuncNamer) (callKey, error) {
	ck := callKey{args: buf[:0]}
	for i, a := range args {
		var h uint64
		if cs.include[i] {
			var err error
			if h, err = hashAny(a, namer); err != nil {
				if he, ok := err.(*hashError); ok {
					return ck, unhashable(cs, cs.Params[i].Name, false, he)
				}
				return ck, err
			}
		}
		ck.args = append(ck.args, h)
	}
	var gsum uint64
	if cs.Globals != nil {
		vals := cs.Globals()
		ck.gvals = vals
		if len(vals) > 0 {
			ck.globals = make([]namedHash, 0, len(vals))
			for name, v := range vals {
				if cs.state[name] {
					continue
				}
				nh := namedHash{name: name}
				h, err := hashGlobal(v, namer)
				if err != nil {
					// Rule 4: what cannot be hashed by content is keyed
					// by identity, never an error.
					iv := v
					if iv.IsValid() && iv.Kind() == reflect.Interface && !iv.IsNil() {
						iv = iv.Elem()
					}
					h = hashIdentity(iv)
					nh.identity = err.why
					ck.pins = append(ck.pins, pinOf(iv))
				}
				nh.hash = h
				ck.globals = append(ck.globals, nh)
				// Addition: the map's order does not matter.
				gsum += hash2(xxhash.Sum64String(name), h)
			}
		}
	}
	k := hash2(cs.CodeHash, gsum)
	for i, h := range ck.args {
		if cs.include[i] {
			k = hash2(k, h)
		}
	}
	ck.key = k
	return ck, nil
}

// hashGlobal hashes a variable's value as an argument of its dynamic type
// would be hashed, so moving a value between a global and a parameter does
// not change how it is seen.
func hashGlobal(v reflect.Value, namer FuncNamer) (uint64, *hashError) {
	if v.IsValid() && v.Kind() != reflect.Interface {
		if x, ok := ifaceOf(v); ok {
			h, err := hashAny(x, namer)
			if err != nil {
				return 0, err.(*hashError)
			}
			return h, nil
		}
	}
	if v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	h := getHasher(namer, nil)
	defer putHasher(h)
	if err := h.value(v); err != nil {
		return 0, err
	}
	return h.d.Sum64(), nil
}

// parts keeps what Why needs about a missed key, with printed values of
// small arguments and globals; only called on misses.
func (ck *callKey) parts(cs *compiled, args []any) *keyParts {
	p := &keyParts{
		key:     ck.key,
		code:    cs.code,
		args:    append([]uint64(nil), ck.args...),
		argText: make([]string, len(args)),
		params:  cs.Params,
		include: cs.include,
	}
	for i, a := range args {
		if cs.include[i] {
			p.argText[i] = shortValue(reflect.ValueOf(a))
		}
	}
	if len(ck.globals) > 0 {
		p.globals = append([]namedHash(nil), ck.globals...)
		sort.Slice(p.globals, func(i, j int) bool { return p.globals[i].name < p.globals[j].name })
		for i := range p.globals {
			if v, ok := ck.gvals[p.globals[i].name]; ok {
				if v.Kind() == reflect.Interface && !v.IsNil() {
					v = v.Elem()
				}
				p.globals[i].text = shortValue(v)
			}
		}
	}
	return p
}
