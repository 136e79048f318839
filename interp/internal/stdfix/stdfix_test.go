package stdfix

import (
	"bytes"
	"strings"
	"testing"

	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

func fixed(t testing.TB) (*yaegi.Interpreter, *bytes.Buffer) {
	var out bytes.Buffer
	yi := yaegi.New(yaegi.Options{Stdout: &out})
	if err := yi.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := Install(yi); err != nil {
		t.Fatal(err)
	}
	if err := Install(yi); err != nil { // idempotent
		t.Fatal(err)
	}
	return yi, &out
}

// Each topic, seen from interpreted code.
func TestInstall(t *testing.T) {
	yi, out := fixed(t)
	src := `import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
)

type Base struct{ ID int }
type Item struct {
	Base ` + "`gocell:\"embedded\"`" + `
	Name string
}

func main() {
	s := []int{3, 1, 2}
	slices.Sort(s)
	fmt.Println(s, slices.Max(s), ` + Name + `.Min(4, 2))
	m := map[string]int{"b": 2, "a": 1}
	fmt.Println(slices.Sorted(maps.Keys(m)))
	b, _ := json.Marshal(Item{Base{7}, "x"})
	fmt.Println(string(b))
	e := errors.New("boom")
	fmt.Println(errors.Is(fmt.Errorf("wrapped: %w", e), e))
}`
	if _, err := yi.Eval(src); err != nil {
		t.Fatal(err)
	}
	want := "[1 2 3] 3 2\n[a b]\n{\"ID\":7,\"Name\":\"x\"}\ntrue\n"
	if got := out.String(); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

// The embedded sources are Go files the interpreter compiles; each names
// the package it adds to.
func TestSourcesEmbedded(t *testing.T) {
	for _, name := range sources {
		b, err := srcFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "//go:build ignore\n\npackage ") {
			t.Errorf("%s does not start with the ignore constraint and its package clause", name)
		}
	}
}

// BenchmarkInstall measures what the fixes add to making an interpreter.
func BenchmarkInstall(b *testing.B) {
	for i := 0; i < b.N; i++ {
		yi := yaegi.New(yaegi.Options{})
		if err := yi.Use(stdlib.Symbols); err != nil {
			b.Fatal(err)
		}
		if err := Install(yi); err != nil {
			b.Fatal(err)
		}
	}
}
