package interp

import (
	"strings"
	"testing"
)

// TestStreamPipeLargeAndOrdered writes more than a pipe holds through
// os.Stdout, between fmt prints, and expects every byte, in order, by the
// end of the cell.
func TestStreamPipeLargeAndOrdered(t *testing.T) {
	s, _ := session(t)
	if _, cerr := run(t, s, "cell1.go", `import ("fmt"; "os"; "strings")`); cerr != nil {
		t.Fatal(cerr.EValue)
	}
	out, cerr := run(t, s, "cell2.go", `
line := strings.Repeat("x", 1023) + "\n"
for i := 0; i < 3; i++ {
	fmt.Printf("<%d>", i)
	for j := 0; j < 300; j++ { // 300 KiB: several times a pipe's buffer
		os.Stdout.WriteString(line)
	}
	fmt.Fprint(os.Stdout, "|")
}
fmt.Println("end")`)
	if cerr != nil {
		t.Fatal(cerr.EValue)
	}
	var want strings.Builder
	for i := 0; i < 3; i++ {
		want.WriteString("<" + string(rune('0'+i)) + ">")
		want.WriteString(strings.Repeat(strings.Repeat("x", 1023)+"\n", 300))
		want.WriteString("|")
	}
	want.WriteString("end\n")
	if out != want.String() {
		t.Fatalf("got %d bytes, want %d; %s", len(out), want.Len(), firstDiff(want.String(), out))
	}
}

// TestStreamFlushTakesPipeText checks that text in the pipe when a cell
// ends (host code writing to the file, not through the interpreter's
// writer) is published with that cell, not later.
func TestStreamFlushTakesPipeText(t *testing.T) {
	s, _ := session(t)
	for i := 0; i < 50; i++ {
		if _, err := s.stdout.w.WriteString("pipe\n"); err != nil {
			t.Fatal(err)
		}
		out, cerr := run(t, s, "cell.go", `x := 1; _ = x`)
		if cerr != nil {
			t.Fatal(cerr.EValue)
		}
		if out != "pipe\n" {
			t.Fatalf("round %d: the cell published %q, want the pipe's text", i, out)
		}
	}
}
