package interp

import (
	"reflect"
	"strings"

	yaegi "github.com/traefik/yaegi/interp"

	"github.com/gocell/gocell/cachecells"
)

// cachePkg is the import path of the cache package cells use without an
// import line: cache.Clear, cache.Stats, cache.Why, cache.RegisterHasher.
const cachePkg = "github.com/gocell/gocell/cache"

// CacheStats is one row of cache.Stats(): a cached function's entries and
// how well they served.
type CacheStats = cachecells.FuncStats

// statsTable is what cache.Stats returns: it shows as the same table as
// %cache stats when it is a cell's result.
type statsTable []cachecells.FuncStats

// MIMEBundle renders the table for display.
func (t statsTable) MIMEBundle() map[string]any {
	return map[string]any(cachecells.RenderStats([]cachecells.FuncStats(t)))
}

// cacheSymbols is the cache package as the interpreter sees it.
func (s *Session) cacheSymbols() yaegi.Exports {
	return yaegi.Exports{cachePkg + "/cache": {
		// Clear empties the cache of the named functions, or of every cached
		// function when called with no names. Resources are released.
		"Clear": reflect.ValueOf(func(names ...string) error {
			if len(names) == 0 {
				return s.cache.Clear("")
			}
			for _, n := range names {
				if err := s.cache.Clear(n); err != nil {
					return err
				}
			}
			return nil
		}),
		// Stats returns a row per cached function; as a cell's last
		// expression it shows as a table.
		"Stats": reflect.ValueOf(func() statsTable { return statsTable(s.cache.Stats()) }),
		// Why says which part of a function's key changed on its last miss.
		"Why": reflect.ValueOf(func(name string) string { return s.cache.Why(name) }),
		// RegisterHasher makes values of example's type hash by what fn
		// returns for them, for types the cache cannot hash on its own.
		"RegisterHasher": reflect.ValueOf(func(example any, fn func(v any) any) {
			cachecells.RegisterHasher(reflect.TypeOf(example), fn)
		}),
		// Table is what Stats returns.
		"Table": reflect.ValueOf((*statsTable)(nil)),
	}}
}

// autoImports returns the import specs of gocell's own packages that code
// refers to without importing them, unless a notebook name shadows them.
func (s *Session) autoImports(code string) []string {
	var specs []string
	for _, p := range []struct{ name, path string }{{"display", dispPkg}, {"cache", cachePkg}} {
		if !strings.Contains(code, p.name+".") || s.importsName(p.name) || s.reg.Lookup(p.name) != nil {
			continue
		}
		if _, isVar := s.reg.VarHint(p.name); isVar {
			continue
		}
		specs = append(specs, p.name+` "`+p.path+`"`)
	}
	return specs
}
