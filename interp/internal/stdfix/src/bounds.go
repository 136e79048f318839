//go:build ignore

package __gocellfix

import fix "gocell/fix"

// Bounds checks with Go's runtime error messages (see rewrite/bounds.go).

// Idx is the index i of a sequence of length n.
func Idx(i, n int) int {
	if i < 0 || i >= n {
		panic(fix.IndexError(i, n))
	}
	return i
}

// SliceLo checks x[lo:hi] of a sequence whose high bound may go to max
// (its capacity, or its length for arrays and strings) and returns lo.
func SliceLo(lo, hi, max int, isCap bool) int {
	if hi < 0 || hi > max {
		panic(fix.SliceHighError(hi, max, isCap))
	}
	if lo < 0 || lo > hi {
		panic(fix.SliceError(lo, hi))
	}
	return lo
}

// SliceFrom checks x[lo:] of a sequence of length n.
func SliceFrom(lo, n int) int {
	if lo < 0 || lo > n {
		panic(fix.SliceError(lo, n))
	}
	return lo
}

// SliceTo checks x[:hi].
func SliceTo(hi, max int, isCap bool) int {
	if hi < 0 || hi > max {
		panic(fix.SliceHighError(hi, max, isCap))
	}
	return hi
}
