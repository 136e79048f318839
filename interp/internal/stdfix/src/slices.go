//go:build ignore

package slices

import (
	"cmp"

	fix "gocell/fix"
)

func Equal[__E comparable](s1, s2 []__E) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

func EqualFunc[__E1, __E2 any](s1 []__E1, s2 []__E2, eq func(__E1, __E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

func Compare[__E cmp.Ordered](s1, s2 []__E) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

func CompareFunc[__E1, __E2 any](s1 []__E1, s2 []__E2, cmp func(__E1, __E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

func Index[__E comparable](s []__E, v __E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

func IndexFunc[__E any](s []__E, f func(__E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

func Contains[__E comparable](s []__E, v __E) bool {
	return Index(s, v) >= 0
}

func ContainsFunc[__E any](s []__E, f func(__E) bool) bool {
	return IndexFunc(s, f) >= 0
}

func Insert[__E any](s []__E, i int, v ...__E) []__E {
	_ = s[i:]
	if len(v) == 0 {
		return s
	}
	tail := append([]__E{}, s[i:]...)
	s = append(s[:i], v...)
	return append(s, tail...)
}

func Delete[__E any](s []__E, i, j int) []__E {
	_ = s[i:j:len(s)]
	if i == j {
		return s
	}
	n := len(s)
	s = append(s[:i], s[j:]...)
	zeroTail(s, n)
	return s
}

func DeleteFunc[__E any](s []__E, del func(__E) bool) []__E {
	n := len(s)
	k := 0
	for _, v := range s {
		if !del(v) {
			s[k] = v
			k++
		}
	}
	s = s[:k]
	zeroTail(s, n)
	return s
}

// zeroTail zeroes the elements of s[len(s):n], as the Go 1.22 slices
// functions do with the elements they drop.
func zeroTail[__E any](s []__E, n int) {
	var zero __E
	full := s[:n]
	for k := len(s); k < n; k++ {
		full[k] = zero
	}
}

func Replace[__E any](s []__E, i, j int, v ...__E) []__E {
	_ = s[i:j]
	n := len(s)
	tail := append([]__E{}, s[j:]...)
	r := append(s[:i], v...)
	r = append(r, tail...)
	if len(r) < n {
		zeroTail(s[:len(r)], n)
	}
	return r
}

func Clone[__E any](s []__E) []__E {
	if s == nil {
		return nil
	}
	return append(s[:0:0], s...)
}

func Compact[__E comparable](s []__E) []__E {
	if len(s) < 2 {
		return s
	}
	n := len(s)
	k := 1
	for i := 1; i < n; i++ {
		if s[i] != s[i-1] {
			s[k] = s[i]
			k++
		}
	}
	s = s[:k]
	zeroTail(s, n)
	return s
}

func CompactFunc[__E any](s []__E, eq func(__E, __E) bool) []__E {
	if len(s) < 2 {
		return s
	}
	n := len(s)
	k := 1
	for i := 1; i < n; i++ {
		if !eq(s[i], s[i-1]) {
			s[k] = s[i]
			k++
		}
	}
	s = s[:k]
	zeroTail(s, n)
	return s
}

func Grow[__E any](s []__E, n int) []__E {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]__E, n)...)[:len(s)]
	}
	return s
}

func Clip[__E any](s []__E) []__E {
	return s[:len(s):len(s)]
}

func Reverse[__E any](s []__E) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func Concat[__E any](s []__E, more ...[]__E) []__E {
	size := len(s)
	for _, m := range more {
		size += len(m)
	}
	if size == 0 {
		return nil
	}
	r := make([]__E, 0, size)
	r = append(r, s...)
	for _, m := range more {
		r = append(r, m...)
	}
	return r
}

func Repeat[__E any](x []__E, count int) []__E {
	if count < 0 {
		panic("cannot be negative")
	}
	r := make([]__E, 0, len(x)*count)
	for i := 0; i < count; i++ {
		r = append(r, x...)
	}
	return r
}

func Sort[__E cmp.Ordered](x []__E) {
	fix.Sort(x)
}

func SortFunc[__E any](x []__E, cmp func(a, b __E) int) {
	fix.SortFunc(x, cmp)
}

func SortStableFunc[__E any](x []__E, cmp func(a, b __E) int) {
	fix.SortStableFunc(x, cmp)
}

func IsSorted[__E cmp.Ordered](x []__E) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

func IsSortedFunc[__E any](x []__E, cmp func(a, b __E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

func Min[__E cmp.Ordered](x []__E) __E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	var m __E
	fix.Extreme(x, &m, false)
	return m
}

func Max[__E cmp.Ordered](x []__E) __E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	var m __E
	fix.Extreme(x, &m, true)
	return m
}

func MinFunc[__E any](x []__E, cmp func(a, b __E) int) __E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}

func MaxFunc[__E any](x []__E, cmp func(a, b __E) int) __E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

func BinarySearch[__E cmp.Ordered](x []__E, target __E) (int, bool) {
	return fix.BinarySearch(x, target)
}

func BinarySearchFunc[__E, __T any](x []__E, target __T, cmp func(__E, __T) int) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(x[i], target) == 0
}

func All[__E any](s []__E) func(yield func(int, __E) bool) {
	return func(yield func(int, __E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func Backward[__E any](s []__E) func(yield func(int, __E) bool) {
	return func(yield func(int, __E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

func Values[__E any](s []__E) func(yield func(__E) bool) {
	return func(yield func(__E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

func AppendSeq[__E any](s []__E, seq func(yield func(__E) bool)) []__E {
	seq(func(v __E) bool {
		s = append(s, v)
		return true
	})
	return s
}

func Collect[__E any](seq func(yield func(__E) bool)) []__E {
	var s []__E
	seq(func(v __E) bool {
		s = append(s, v)
		return true
	})
	return s
}

func Sorted[__E cmp.Ordered](seq func(yield func(__E) bool)) []__E {
	s := Collect(seq)
	fix.Sort(s)
	return s
}

func SortedFunc[__E any](seq func(yield func(__E) bool), cmp func(__E, __E) int) []__E {
	s := Collect(seq)
	fix.SortFunc(s, cmp)
	return s
}

func SortedStableFunc[__E any](seq func(yield func(__E) bool), cmp func(__E, __E) int) []__E {
	s := Collect(seq)
	fix.SortStableFunc(s, cmp)
	return s
}

func Chunk[__E any](s []__E, n int) func(yield func([]__E) bool) {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func([]__E) bool) {
		for i := 0; i < len(s); i += n {
			end := i + n
			if end > len(s) {
				end = len(s)
			}
			if !yield(s[i:end:end]) {
				return
			}
		}
	}
}
