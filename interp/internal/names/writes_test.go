package names

import (
	"reflect"
	"testing"
)

func TestWritesOfAFunction(t *testing.T) {
	src := `func F(p int, q []int) int {
	calls++
	total += p
	hits--
	log = append(log, p)
	m[p] = 1
	delete(seen, p)
	ptr := &cfg
	*out = 3
	mu.Lock()
	defer mu.Unlock()
	st.cache.Add(p)
	fmt.Println(p, threshold)
	local := 0
	local++
	p++
	q[0] = 1
	_ = ptr
	return int(threshold)
}`
	var got []string
	for _, w := range funcWrites(src) {
		got = append(got, w.Text())
	}
	want := []string{
		"increments calls", "takes the address of cfg", "calls fmt.Println", "decrements hits",
		"appends to log", "assigns m", "calls mu.Lock", "calls mu.Unlock", "assigns out",
		"deletes from seen", "calls st.cache.Add", "updates total",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("writes:\n got %q\nwant %q", got, want)
	}
}

func TestKeepWrittenHashesWhatTheUserWrote(t *testing.T) {
	written := mustDecls(t, "func F() int { for i := range 3 { _ = i }; calls++; return 1 }")
	rewritten := mustDecls(t, "func F() int { for __gocell_i7 := 0; __gocell_i7 < 3; __gocell_i7++ { i := __gocell_i7; _ = i }; calls++; return 1 }")
	other := mustDecls(t, "func F() int { for __gocell_i9 := 0; __gocell_i9 < 3; __gocell_i9++ { i := __gocell_i9; _ = i }; calls++; return 1 }")
	KeepWritten(rewritten, written)
	KeepWritten(other, mustDecls(t, "func F() int {\n\tfor i := range 3 {\n\t\t_ = i // layout\n\t}\n\tcalls++\n\treturn 1\n}"))
	if rewritten[0].Hash != written[0].Hash || other[0].Hash != written[0].Hash {
		t.Fatal("the hash follows the rewrite, not what the user wrote")
	}
	if len(rewritten[0].Writes) != 1 || rewritten[0].Writes[0].Text() != "increments calls" {
		t.Fatalf("writes: %+v", rewritten[0].Writes)
	}
	if !contains(rewritten[0].Uses, "__gocell_i7") || !contains(rewritten[0].Uses, "calls") {
		t.Fatalf("uses lost names: %v", rewritten[0].Uses)
	}
}
