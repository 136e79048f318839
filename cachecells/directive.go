package cachecells

import (
	"fmt"
	"go/token"
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind tells a data cache (deep copies, may persist) from a resource cache
// (one shared instance).
type Kind uint8

const (
	// Data is //%cache_data: every caller gets its own deep copy.
	Data Kind = iota
	// Resource is //%cache_resource: every caller gets the same instance.
	Resource
)

func (k Kind) String() string {
	if k == Resource {
		return "cache_resource"
	}
	return "cache_data"
}

// CopyMode is the copy= option of cache_data.
type CopyMode uint8

const (
	// CopyDeep (the default) hands every caller an independent deep copy.
	CopyDeep CopyMode = iota
	// CopyNone hands out the stored value itself; the caller promises not to
	// mutate it.
	CopyNone
)

// ReplayMode is the replay= option: which recorded outputs a hit shows
// again (rule 10).
type ReplayMode uint8

const (
	// ReplayDisplay (the default) replays displayed outputs (display_data,
	// their updates and clears), not printed text: the text is the
	// computation's log, shown on the miss, so a hit is visibly a hit.
	ReplayDisplay ReplayMode = iota
	// ReplayAll replays printed text (stdout, stderr) too.
	ReplayAll
	// ReplayNone replays nothing.
	ReplayNone
)

func (m ReplayMode) String() string {
	switch m {
	case ReplayAll:
		return "all"
	case ReplayNone:
		return "none"
	}
	return "display"
}

// PersistMode is the persist= option of cache_data: where entries live
// besides this kernel's memory.
type PersistMode uint8

const (
	// PersistNone (the default) keeps entries in memory only.
	PersistNone PersistMode = iota
	// PersistDisk keeps them in files under the cache folder too, so a
	// restarted kernel hits (rule 12).
	PersistDisk
	// PersistRedis shares them through Redis with every kernel that reaches
	// the same server and holds the same team secret (rule 15). Entries are
	// not written to disk: the shared tier is their persistent home.
	PersistRedis
)

func (m PersistMode) String() string {
	switch m {
	case PersistDisk:
		return "disk"
	case PersistRedis:
		return "redis"
	}
	return "none"
}

// Options are the parsed options of one directive line. The zero value plus
// Kind is the default of each option, except ShowSpinner, which
// ParseDirective sets to true as Streamlit does.
type Options struct {
	Kind        Kind
	TTL         time.Duration // 0: entries never expire
	MaxEntries  int           // 0: unbounded
	ShowSpinner bool
	SpinnerText string      // custom text; "" means "Running F(...)"
	Persist     PersistMode // where entries live besides memory (data only)
	Validate    string      // name of the validating func or method (resource only)
	Ignore      []string
	Copy        CopyMode // data only
	Replay      ReplayMode
}

// DirectivePrefix values mark a cached function's comment line.
const (
	DataDirective     = "//%cache_data"
	ResourceDirective = "//%cache_resource"
)

// IsDirective reports whether line (a comment line) is a cache directive.
func IsDirective(line string) bool {
	_, _, ok := splitDirective(strings.TrimSpace(line))
	return ok
}

func splitDirective(line string) (Kind, string, bool) {
	for _, p := range []struct {
		prefix string
		kind   Kind
	}{{DataDirective, Data}, {ResourceDirective, Resource}} {
		if rest, ok := strings.CutPrefix(line, p.prefix); ok {
			if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
				return p.kind, rest, true
			}
		}
	}
	return 0, "", false
}

var optionNames = map[Kind]string{
	Data:     "ttl, max_entries, show_spinner, persist, ignore, copy, replay",
	Resource: "ttl, max_entries, show_spinner, validate, ignore, replay",
}

// ParseDirective parses a `//%cache_data ...` or `//%cache_resource ...` line
// into Options. Options are key=value pairs separated by spaces; a value may be
// quoted with "..." (Go escapes), '...' or `...`. An unknown option, a repeated
// one, an option the kind does not support, or a bad value is an error that
// names the option and says what is accepted.
func ParseDirective(line string) (Options, error) {
	kind, rest, ok := splitDirective(strings.TrimSpace(line))
	if !ok {
		return Options{}, fmt.Errorf("not a cache directive: %q (want %s or %s)", line, DataDirective, ResourceDirective)
	}
	opts := Options{Kind: kind, ShowSpinner: true}
	pairs, err := tokenize(rest)
	if err != nil {
		return Options{}, fmt.Errorf("%s: %w", kind, err)
	}
	seen := map[string]bool{}
	for _, p := range pairs {
		if seen[p.key] {
			return Options{}, fmt.Errorf("%s: option %s given twice", kind, p.key)
		}
		seen[p.key] = true
		if err := opts.set(p.key, p.value, p.quoted); err != nil {
			return Options{}, fmt.Errorf("%s: %w", kind, err)
		}
	}
	return opts, nil
}

func (o *Options) set(key, value string, quoted bool) error {
	onlyFor := func(k Kind, why string) error {
		if o.Kind != k {
			return fmt.Errorf("option %s is not available for %s (%s); accepted options: %s", key, o.Kind, why, optionNames[o.Kind])
		}
		return nil
	}
	switch key {
	case "ttl":
		d, err := parseTTL(value)
		if err != nil {
			return fmt.Errorf("option ttl=%q: %w", value, err)
		}
		o.TTL = d
	case "max_entries":
		n, err := strconv.Atoi(value)
		if err != nil || n <= 0 {
			return fmt.Errorf("option max_entries=%q: want a positive whole number", value)
		}
		o.MaxEntries = n
	case "show_spinner":
		switch {
		case !quoted && strings.EqualFold(value, "true"):
			o.ShowSpinner, o.SpinnerText = true, ""
		case !quoted && strings.EqualFold(value, "false"):
			o.ShowSpinner, o.SpinnerText = false, ""
		case strings.TrimSpace(value) == "":
			return fmt.Errorf("option show_spinner: want true, false or a text to show (quote it if it has spaces)")
		default:
			o.ShowSpinner, o.SpinnerText = true, value
		}
	case "persist":
		if err := onlyFor(Data, "a resource is a live object that cannot be saved"); err != nil {
			return err
		}
		switch strings.ToLower(value) {
		case "disk":
			o.Persist = PersistDisk
		case "redis":
			o.Persist = PersistRedis
		case "none", "false", "memory":
			o.Persist = PersistNone
		default:
			return fmt.Errorf("option persist=%q: want disk (files beside the notebook), redis (shared through GOCELL_REDIS_URL) or none", value)
		}
	case "validate":
		if err := onlyFor(Resource, "data is copied, never checked"); err != nil {
			return err
		}
		if !isQualifiedIdent(value) {
			return fmt.Errorf("option validate=%q: want the name of a func(T) bool or a method name like Ping", value)
		}
		o.Validate = value
	case "ignore":
		o.Ignore = o.Ignore[:0]
		for _, name := range strings.Split(value, ",") {
			name = strings.TrimSpace(name)
			if !token.IsIdentifier(name) {
				return fmt.Errorf("option ignore=%q: want comma-separated parameter names, like ignore=conn,logger", value)
			}
			o.Ignore = append(o.Ignore, name)
		}
	case "copy":
		if err := onlyFor(Data, "a resource is always shared, never copied"); err != nil {
			return err
		}
		switch value {
		case "deep":
			o.Copy = CopyDeep
		case "none":
			o.Copy = CopyNone
		default:
			return fmt.Errorf("option copy=%q: want deep (the default) or none", value)
		}
	case "replay":
		switch value {
		case "display":
			o.Replay = ReplayDisplay
		case "all":
			o.Replay = ReplayAll
		case "none":
			o.Replay = ReplayNone
		default:
			return fmt.Errorf("option replay=%q: want display (the default: displayed outputs), all (printed text too) or none", value)
		}
	default:
		return fmt.Errorf("unknown option %q; accepted options: %s", key, optionNames[o.Kind])
	}
	return nil
}

func isQualifiedIdent(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if !token.IsIdentifier(part) {
			return false
		}
	}
	return s != ""
}

// parseTTL accepts a Go duration ("90s", "1h30m") or a number of seconds
// ("600", "2.5").
func parseTTL(s string) (time.Duration, error) {
	var d time.Duration
	if secs, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(secs) || math.IsInf(secs, 0) || secs > math.MaxInt64/float64(time.Second) {
			return 0, fmt.Errorf("want a Go duration like 90s or 1h30m, or a number of seconds")
		}
		d = time.Duration(secs * float64(time.Second))
	} else if d, err = time.ParseDuration(s); err != nil {
		return 0, fmt.Errorf("want a Go duration like 90s or 1h30m, or a number of seconds")
	}
	if d <= 0 {
		return 0, fmt.Errorf("want a positive duration")
	}
	return d, nil
}

type pair struct {
	key, value string
	quoted     bool
}

// tokenize splits `a=1 b="x y"` into pairs.
func tokenize(s string) ([]pair, error) {
	var out []pair
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return out, nil
		}
		eq := strings.IndexAny(s, "= \t")
		if eq < 0 || s[eq] != '=' {
			word, _, _ := strings.Cut(s, " ")
			return nil, fmt.Errorf("expected key=value, found %q", word)
		}
		key := s[:eq]
		if !token.IsIdentifier(key) {
			return nil, fmt.Errorf("bad option name %q", key)
		}
		s = s[eq+1:]
		p := pair{key: key}
		switch {
		case s == "" || s[0] == ' ' || s[0] == '\t':
			return nil, fmt.Errorf("option %s has no value", key)
		case s[0] == '"' || s[0] == '`' || s[0] == '\'':
			end, err := quotedEnd(s)
			if err != nil {
				return nil, fmt.Errorf("option %s: %w", key, err)
			}
			raw := s[:end]
			if raw[0] == '\'' {
				p.value = raw[1 : len(raw)-1]
			} else if p.value, err = strconv.Unquote(raw); err != nil {
				return nil, fmt.Errorf("option %s: bad quoted value %s", key, raw)
			}
			p.quoted = true
			s = s[end:]
			if s != "" && s[0] != ' ' && s[0] != '\t' {
				return nil, fmt.Errorf("option %s: text after the closing quote", key)
			}
		default:
			end := strings.IndexAny(s, " \t")
			if end < 0 {
				end = len(s)
			}
			p.value = s[:end]
			s = s[end:]
		}
		out = append(out, p)
	}
}

// quotedEnd returns the index just past the closing quote of s[0].
func quotedEnd(s string) (int, error) {
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q == '"':
			i++
		case s[i] == q:
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("unterminated quote")
}
