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
		spec := cachecells.Spec{
			Name: name, Options: cf.Options, CodeHash: h.Sum64(), Decls: hashes,
			Params: cf.Params, NumResults: len(cf.Results), LastIsError: cf.LastErr,
			Globals: s.globalsReader(used),
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
		if _, err := s.cache.Register(spec); err != nil {
			return err
		}
	}
	return nil
}

// globalsReader returns a func giving the current values of the notebook
// variables among names (rule 4: they are part of the key).
func (s *Session) globalsReader(names []string) func() map[string]reflect.Value {
	var vars []string
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		if d := s.reg.Lookup(n); d != nil && d.Kind != "var" {
			continue
		}
		if _, ok := s.reg.VarHint(n); ok || s.reg.Lookup(n) != nil {
			vars = append(vars, n)
		}
	}
	sort.Strings(vars)
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

// cacheCall is the host side of every cached function's wrapper.
func (s *Session) cacheCall(name string, args []any, compute func() []any) []any {
	f := s.cache.Func(name)
	if f == nil {
		panic(fmt.Sprintf("cached function %s is not registered; run its cell again", name))
	}
	if compute == nil {
		compute = s.callImpl(name, args)
	}
	// Text printed before the call is published before any replay, and
	// text printed by the computation is published inside the recording.
	s.stdout.flushFast()
	s.stderr.flushFast()
	out, err := f.Call(args, func() []any {
		r := compute()
		s.flushStreams()
		return r
	})
	if err != nil {
		panic(err)
	}
	return out
}

func (s *Session) flushStreams() {
	s.stdout.flush()
	s.stderr.flush()
}

// callImpl returns a compute func that calls the registered implementation
// of a plain cached function with args.
func (s *Session) callImpl(name string, args []any) func() []any {
	cf := s.cached[name]
	if cf == nil || !cf.impl.IsValid() {
		panic(fmt.Sprintf("cached function %s has no implementation registered; run its cell again", name))
	}
	return func() []any {
		t := cf.impl.Type()
		in := make([]reflect.Value, len(args))
		for i, a := range args {
			pt := t.In(i)
			if i == t.NumIn()-1 && t.IsVariadic() {
				pt = t.In(i) // the variadic slice itself; passed with CallSlice
			}
			if a == nil {
				in[i] = reflect.Zero(pt)
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
}
