package interp

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"

	"github.com/cespare/xxhash/v2"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/interp/internal/rewrite"
)

// Function caching: a function under //%cache_data or //%cache_resource is
// compiled as its implementation, renamed F__gocell_impl, plus a wrapper F
// that asks the host cache (cachecells) for the result. The wrapper and its
// helpers are appended to the function's last line, so that every line of
// the function keeps its cell line number.

// cacheDir is where persist=disk entries live: GOCELL_CACHE_DIR, or a
// .gocell-cache folder in the working directory (the notebook's folder when
// Jupyter starts the kernel).
func cacheDir() string {
	if dir := os.Getenv("GOCELL_CACHE_DIR"); dir != "" {
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return filepath.Join(wd, ".gocell-cache")
}

// cachedFunc is a cached function of the notebook: what the rewrite made
// of it, and the implementation the host calls on a miss.
type cachedFunc struct {
	*rewrite.Cached
	impl reflect.Value
	fn   *cachecells.Func // its handle in the cache, set when registered
}

// addCached records the cached functions a chunk declared.
func (s *Session) addCached(cached []*rewrite.Cached) {
	for _, c := range cached {
		s.cached[c.Key] = &cachedFunc{Cached: c}
	}
}

// registerCached registers (again) every cached function of the notebook
// with the cache: its code hash covers everything it reaches now, so it is
// called after every change to the declarations.
func (s *Session) registerCached() error {
	s.globalsCache = nil // a rebuild made a new interpreter
	for _, name := range s.reg.Names() {
		d := s.reg.Lookup(name)
		cf := s.cached[name]
		if d.Directive == "" || cf == nil {
			continue
		}
		reach := s.reg.Reach(name)
		hashes := make(map[string]uint64, len(reach))
		h := xxhash.New()
		var used []string
		for _, r := range reach {
			hashes[r.Name] = r.Hash
			fmt.Fprintf(h, "%s\x00%d\x00", r.Name, r.Hash)
			used = append(used, r.Uses...)
		}
		state := s.stateVars(reach)
		spec := cachecells.Spec{
			Name: name, Options: cf.Options, CodeHash: h.Sum64(), Decls: hashes,
			Params: cf.Params, NumResults: len(cf.Results), LastIsError: cf.LastErr,
			Globals: s.globalsReader(used, state), State: state,
		}
		if v, err := s.yi.Eval(cf.Helper + "_new"); err == nil && v.Kind() == reflect.Func {
			if fn, ok := v.Interface().(func() []any); ok {
				spec.NewResults = fn
			}
		}
		cf.impl = reflect.Value{}
		if cf.ImplName != "" {
			if v, err := s.yi.Eval(cf.ImplName); err == nil && v.Kind() == reflect.Func {
				cf.impl = v
			}
		}
		if cf.Closer {
			if v, err := s.yi.Eval(cf.Helper + "_close"); err == nil {
				if fn, ok := v.Interface().(func(any) error); ok {
					spec.Release = fn
				}
			}
		}
		if cf.Options.Validate != "" {
			v, err := s.yi.Eval(cf.Helper + "_validate")
			if err != nil {
				return fmt.Errorf("validate=%s: %v", cf.Options.Validate, err)
			}
			if fn, ok := v.Interface().(func(any) bool); ok {
				spec.Validate = fn
			}
		}
		f, err := s.cache.Register(spec)
		if err != nil {
			return err
		}
		cf.fn = f
	}
	return nil
}

// isVar reports whether name is a notebook variable.
func (s *Session) isVar(name string) bool {
	if d := s.reg.Lookup(name); d != nil {
		return d.Kind == "var"
	}
	_, ok := s.reg.VarHint(name)
	return ok
}

// globalsReader returns a func giving the current values of the notebook
// variables among names that are not the function's state (rule 4: they
// are part of the key).
func (s *Session) globalsReader(names []string, state []cachecells.StateVar) func() map[string]reflect.Value {
	skip := map[string]bool{}
	for _, v := range state {
		skip[v.Name] = true
	}
	var vars []string
	for _, n := range names {
		if skip[n] {
			continue
		}
		skip[n] = true
		if s.isVar(n) {
			vars = append(vars, n)
		}
	}
	sort.Strings(vars)
	if len(vars) == 0 {
		return nil
	}
	return func() map[string]reflect.Value {
		g := s.currentGlobals()
		out := make(map[string]reflect.Value, len(vars))
		for _, n := range vars {
			if v, ok := g[n]; ok {
				out[n] = v
			}
		}
		return out
	}
}

// currentGlobals returns the interpreter's globals, read once per cell: the
// values are settable views of the variables, so they stay current until
// the interpreter changes.
func (s *Session) currentGlobals() map[string]reflect.Value {
	if s.globalsCache == nil {
		s.globalsCache = globals(s.yi)
	}
	return s.globalsCache
}

// cacheCall is the host side of the wrapper of a cached method, generic
// function, or function with more arguments or results than the fast
// entries take: compute runs the implementation (nil: the registered one).
// A key that cannot be made is returned, for the wrapper to panic with in
// interpreted code: a cell error, never a host panic.
func (s *Session) cacheCall(name string, args []any, compute func() []any) ([]any, error) {
	cf, err := s.cachedFunc(name)
	if err != nil {
		return nil, err
	}
	if compute == nil {
		if !cf.impl.IsValid() {
			return nil, fmt.Errorf("cached function %s has no implementation registered; run its cell again", name)
		}
		compute = func() []any { return cf.callImpl(args) }
	}
	// Text printed before the call is published before any replay, and
	// text printed by the computation is published inside the recording.
	s.stdout.flushFast()
	s.stderr.flushFast()
	return cf.fn.Call(args, func() []any {
		r := compute()
		s.flushStreams()
		return r
	})
}

// cachedFunc returns the registered cached function name.
func (s *Session) cachedFunc(name string) (*cachedFunc, error) {
	cf := s.cached[name]
	if cf == nil || cf.fn == nil {
		return nil, fmt.Errorf("cached function %s is not registered; run its cell again", name)
	}
	return cf, nil
}

// cacheOne is the host side of the fast entries: a plain cached function
// with at most one result. A key that cannot be made is panicked with, as
// the typed error (*cachecells.UnhashableError, *cachecells.KeyError): the
// panic unwinds through the wrapper like one of its own, and becomes a
// CacheKeyError of the cell, or of the goroutine's recover. Returning it
// instead would cost every hit two more locals in the interpreted wrapper.
func (s *Session) cacheOne(name string, args []any) any {
	cf, err := s.cachedFunc(name)
	if err == nil && !cf.impl.IsValid() {
		err = fmt.Errorf("cached function %s has no implementation registered; run its cell again", name)
	}
	if err != nil {
		panic(err)
	}
	s.stdout.flushFast()
	s.stderr.flushFast()
	out, err := cf.fn.Call(args, func() []any {
		r := cf.callImpl(args)
		s.flushStreams()
		return r
	})
	if err != nil {
		panic(err)
	}
	if len(out) == 0 {
		return nil
	}
	return out[0]
}

// cacheEntries are the runtime's fast entries, one per arity up to
// rewrite.MaxFastArgs: the wrapper passes its arguments as they are and
// gets one value back, so neither side builds a slice for the call.
func (s *Session) cacheEntries() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Cache0": reflect.ValueOf(func(name string) any { return s.cacheOne(name, nil) }),
		"Cache1": reflect.ValueOf(func(name string, a any) any { return s.cacheOne(name, []any{a}) }),
		"Cache2": reflect.ValueOf(func(name string, a, b any) any { return s.cacheOne(name, []any{a, b}) }),
		"Cache3": reflect.ValueOf(func(name string, a, b, c any) any { return s.cacheOne(name, []any{a, b, c}) }),
		"Cache4": reflect.ValueOf(func(name string, a, b, c, d any) any { return s.cacheOne(name, []any{a, b, c, d}) }),
	}
}

func (s *Session) flushStreams() {
	s.stdout.flush()
	s.stderr.flush()
}

// callImpl calls the registered implementation of a plain cached function
// with args, on a miss.
func (cf *cachedFunc) callImpl(args []any) []any {
	t := cf.impl.Type()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		if a == nil {
			in[i] = reflect.Zero(t.In(i))
		} else {
			in[i] = reflect.ValueOf(a)
		}
	}
	var out []reflect.Value
	if t.IsVariadic() {
		out = cf.impl.CallSlice(in)
	} else {
		out = cf.impl.Call(in)
	}
	res := make([]any, len(out))
	for i, v := range out {
		if v.IsValid() && !(v.Kind() == reflect.Interface && v.IsNil()) {
			res[i] = v.Interface()
		}
	}
	return res
}
