package interp

import (
	"context"
	"testing"

	"github.com/gocell/gocell/display"
)

// BenchmarkTrivialCell measures the executor's share of a trivial cell's
// round trip: split, compile and run `x := 1`, and flush the streams.
func BenchmarkTrivialCell(b *testing.B) {
	s, err := NewSession(func(o display.Output) {})
	_ = err
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if cerr := s.Execute(context.Background(), "x := 1", ExecuteOptions{Name: "cell1.go"}); cerr != nil {
			b.Fatal(cerr)
		}
	}
}
