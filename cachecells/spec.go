package cachecells

import (
	"fmt"
	"reflect"
	"strings"
)

// Param describes one parameter of a cached function.
type Param struct {
	Name string
	// Context marks a context.Context parameter: never part of the key.
	Context bool
}

// Spec is what the interpreter knows about one cached function. It registers
// the spec again every time the function's cell, or anything the function
// depends on, is compiled.
type Spec struct {
	// Name as the user writes it: "F", or "T.M" / "(*T).M" for methods.
	Name    string
	Options Options
	// CodeHash covers the canonical source of the function and of every
	// declaration it reaches, transitively (rules 2 and 3). Comments and
	// layout must not change it.
	CodeHash uint64
	// Decls maps each declaration the function reaches (itself included) to
	// the hash of its canonical source; Why uses it to name what changed.
	Decls map[string]uint64
	// Params lists every parameter in order; Call receives one argument per
	// parameter. Names starting with "_", names in Options.Ignore and
	// Context parameters are left out of the key (rule 5).
	Params []Param
	// NumResults is the number of results; LastIsError marks a final error
	// result (a non-nil error is never cached, rule 9).
	NumResults  int
	LastIsError bool
	// NewResults returns one pointer per result to a fresh zero value of the
	// result's type ([]any{new(int), new(error)}). persist=disk needs it to
	// decode files into the right concrete types without running code.
	NewResults func() []any
	// Globals returns the current values of the package-level variables the
	// function (or anything it reaches) reads, by name. It is called on
	// every call, because a global can change between calls (rule 4). A
	// value that cannot be hashed by content is keyed by identity (see
	// hashIdentity); names listed in State are left out even if present.
	Globals func() map[string]reflect.Value
	// State lists the package-level variables that are the function's own
	// state rather than its inputs: those it, or anything it reaches,
	// assigns, increments, appends to, takes the address of or calls a
	// pointer method on (a call counter, a lock, a memo map). They are left
	// out of the key; Why lists them with their Reason.
	State []StateVar
	// Release, when set, closes a resource the cache lets go of (the first
	// result), instead of its Close method: the interpreter's types have
	// methods host code cannot see.
	Release func(v any) error
	// Validate checks a cached resource (the first result) before it is
	// handed out; false releases it and computes a new one. Required when
	// Options.Validate is set.
	Validate func(v any) bool
}

// StateVar is a package-level variable left out of the key (Spec.State).
type StateVar struct {
	Name string
	// Reason says why, for `%cache why`: "written by F", "F calls
	// mu.Lock", "helper takes its address".
	Reason string
}

// codeVersion is one version of a function's code, shared by every key made
// while that version was registered.
type codeVersion struct {
	hash  uint64
	decls map[string]uint64
}

// compiled is a Spec with the facts Call needs precomputed.
type compiled struct {
	Spec
	include []bool // per parameter: part of the key
	code    *codeVersion
	state   map[string]bool
}

func compile(s Spec) (*compiled, error) {
	if s.Name == "" {
		return nil, fmt.Errorf("cached function has no name")
	}
	prefix := s.Options.Kind.String() + " " + s.Name
	cs := &compiled{Spec: s, include: make([]bool, len(s.Params))}
	names := map[string]int{}
	for i, p := range s.Params {
		if p.Name != "" && p.Name != "_" {
			names[p.Name] = i
		}
		cs.include[i] = !p.Context && !strings.HasPrefix(p.Name, "_")
	}
	for _, ig := range s.Options.Ignore {
		i, ok := names[ig]
		if !ok {
			return nil, fmt.Errorf("%s: ignore=%s: there is no parameter named %s (parameters: %s)", prefix, ig, ig, paramList(s.Params))
		}
		cs.include[i] = false
	}
	if s.NumResults < 0 || s.LastIsError && s.NumResults == 0 {
		return nil, fmt.Errorf("%s: bad result description (%d results, last is error: %v)", prefix, s.NumResults, s.LastIsError)
	}
	if s.Options.Kind == Resource && s.NumResults == 0 {
		return nil, fmt.Errorf("%s: a cache_resource function must return the resource", prefix)
	}
	if s.Options.Kind == Resource && s.Options.Persist != PersistNone {
		return nil, fmt.Errorf("%s: persist is not available for cache_resource", prefix)
	}
	if s.Options.Persist != PersistNone && s.NewResults == nil {
		return nil, fmt.Errorf("%s: persist=%s needs Spec.NewResults", prefix, s.Options.Persist)
	}
	if s.Options.Validate != "" && s.Validate == nil {
		return nil, fmt.Errorf("%s: validate=%s: no validating function was supplied", prefix, s.Options.Validate)
	}
	cs.code = &codeVersion{hash: s.CodeHash, decls: s.Decls}
	if len(s.State) > 0 {
		cs.state = make(map[string]bool, len(s.State))
		for _, v := range s.State {
			cs.state[v.Name] = true
		}
	}
	return cs, nil
}

func paramList(ps []Param) string {
	if len(ps) == 0 {
		return "none"
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

func (cs *compiled) spinnerText() string {
	if cs.Options.SpinnerText != "" {
		return cs.Options.SpinnerText
	}
	return "Running " + cs.Name + "(...)"
}
