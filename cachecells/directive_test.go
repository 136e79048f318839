package cachecells

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		line string
		want Options
	}{
		{"//%cache_data", Options{Kind: Data, ShowSpinner: true}},
		{"//%cache_resource  ", Options{Kind: Resource, ShowSpinner: true}},
		{"//%cache_data ttl=1h max_entries=10", Options{Kind: Data, TTL: time.Hour, MaxEntries: 10, ShowSpinner: true}},
		{"//%cache_data ttl=90", Options{Kind: Data, TTL: 90 * time.Second, ShowSpinner: true}},
		{"//%cache_data ttl=1.5", Options{Kind: Data, TTL: 1500 * time.Millisecond, ShowSpinner: true}},
		{"//%cache_data ttl=\"1h30m\"", Options{Kind: Data, TTL: 90 * time.Minute, ShowSpinner: true}},
		{`//%cache_data show_spinner="Loading sales..." persist=disk`, Options{Kind: Data, ShowSpinner: true, SpinnerText: "Loading sales...", Persist: PersistDisk}},
		{`//%cache_data persist=redis ttl=1h`, Options{Kind: Data, ShowSpinner: true, Persist: PersistRedis, TTL: time.Hour}},
		{`//%cache_data show_spinner=false`, Options{Kind: Data}},
		{`//%cache_data show_spinner='Loading, please wait'`, Options{Kind: Data, ShowSpinner: true, SpinnerText: "Loading, please wait"}},
		{`//%cache_data show_spinner="false"`, Options{Kind: Data, ShowSpinner: true, SpinnerText: "false"}},
		{`//%cache_data copy=none ignore=a,b`, Options{Kind: Data, ShowSpinner: true, Copy: CopyNone, Ignore: []string{"a", "b"}}},
		{`//%cache_resource validate=Ping ignore="log, conn"`, Options{Kind: Resource, ShowSpinner: true, Validate: "Ping", Ignore: []string{"log", "conn"}}},
		{`//%cache_resource validate=DB.Ping`, Options{Kind: Resource, ShowSpinner: true, Validate: "DB.Ping"}},
		{`//%cache_data replay=all`, Options{Kind: Data, ShowSpinner: true, Replay: ReplayAll}},
		{`//%cache_data replay="none"`, Options{Kind: Data, ShowSpinner: true, Replay: ReplayNone}},
		{`//%cache_resource replay=display`, Options{Kind: Resource, ShowSpinner: true, Replay: ReplayDisplay}},
	}
	for _, tt := range tests {
		got, err := ParseDirective(tt.line)
		if err != nil {
			t.Errorf("ParseDirective(%q): %v", tt.line, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseDirective(%q) = %+v, want %+v", tt.line, got, tt.want)
		}
	}
}

func TestParseDirectiveErrors(t *testing.T) {
	tests := []struct {
		line    string
		mention []string
	}{
		{"//%cache_data foo=1", []string{`unknown option "foo"`, "ttl, max_entries"}},
		{"//%cache_data ttl=abc", []string{"ttl", "Go duration", "seconds"}},
		{"//%cache_data ttl=-5s", []string{"ttl", "positive"}},
		{"//%cache_data ttl=0", []string{"ttl", "positive"}},
		{"//%cache_data max_entries=0", []string{"max_entries", "positive whole number"}},
		{"//%cache_data max_entries=x", []string{"max_entries"}},
		{"//%cache_data persist=cloud", []string{"persist", "disk", "redis"}},
		{"//%cache_resource persist=redis", []string{"persist", "not available for cache_resource"}},
		{"//%cache_resource persist=disk", []string{"persist", "not available for cache_resource"}},
		{"//%cache_data validate=Ping", []string{"validate", "not available for cache_data"}},
		{"//%cache_resource copy=none", []string{"copy", "not available"}},
		{"//%cache_data copy=shallow", []string{"copy", "deep", "none"}},
		{"//%cache_data ignore=1a", []string{"ignore", "parameter names"}},
		{"//%cache_data ttl=1h ttl=2h", []string{"ttl", "twice"}},
		{"//%cache_data ttl", []string{"key=value"}},
		{"//%cache_data ttl=", []string{"ttl", "no value"}},
		{`//%cache_data show_spinner="abc`, []string{"show_spinner", "unterminated"}},
		{`//%cache_data show_spinner=""`, []string{"show_spinner"}},
		{"//%cache_data replay=stdout", []string{"replay", "display", "all", "none"}},
		{"//%cache_data replay=ALL", []string{"replay"}},
		{"//%cache_resource foo=1", []string{"unknown option", "replay"}},
		{"//%cache_datattl=1", []string{"not a cache directive"}},
		{"// cache_data", []string{"not a cache directive"}},
	}
	for _, tt := range tests {
		_, err := ParseDirective(tt.line)
		if err == nil {
			t.Errorf("ParseDirective(%q): no error", tt.line)
			continue
		}
		for _, m := range tt.mention {
			if !strings.Contains(err.Error(), m) {
				t.Errorf("ParseDirective(%q) = %q, want it to mention %q", tt.line, err, m)
			}
		}
	}
}

func TestIsDirective(t *testing.T) {
	for line, want := range map[string]bool{
		"//%cache_data":             true,
		"  //%cache_resource ttl=1": true,
		"//%cache_datum":            false,
		"// %cache_data":            false,
	} {
		if got := IsDirective(line); got != want {
			t.Errorf("IsDirective(%q) = %v", line, got)
		}
	}
}
