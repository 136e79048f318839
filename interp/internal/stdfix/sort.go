package stdfix

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// Sorting and searching for the slices package, run natively: interpreted
// sorting would be slow.

// compareOrdered compares two values of one cmp.Ordered kind like cmp.Compare.
func compareOrdered(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	}
	panic(fmt.Sprintf("%s does not satisfy cmp.Ordered", a.Type()))
}

// permute reorders the slice s so that s[i] becomes old s[perm[i]].
func permute(s reflect.Value, perm []int) {
	old := reflect.MakeSlice(s.Type(), s.Len(), s.Len())
	reflect.Copy(old, s)
	for i, p := range perm {
		s.Index(i).Set(old.Index(p))
	}
}

// sortBy sorts s with the given sorting function of package slices, applied
// to a permutation: the comparisons and their order are those of sorting s
// itself, so the result (order of equal elements included) is what compiled
// Go gives.
func sortBy(s reflect.Value, sorter func([]int, func(i, j int) int), compare func(a, b reflect.Value) int) {
	n := s.Len()
	if n < 2 {
		return
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	sorter(perm, func(i, j int) int { return compare(s.Index(i), s.Index(j)) })
	permute(s, perm)
}

// fixSort implements slices.Sort.
func fixSort(x any) {
	switch s := x.(type) {
	case []int:
		slices.Sort(s)
	case []string:
		slices.Sort(s)
	case []float64:
		slices.Sort(s)
	default:
		sortBy(reflect.ValueOf(x), slices.SortFunc[[]int], compareOrdered)
	}
}

// callCmp wraps a notebook comparison function func(a, b E) int.
func callCmp(f any) func(a, b reflect.Value) int {
	fv := reflect.ValueOf(f)
	return func(a, b reflect.Value) int {
		return int(fv.Call([]reflect.Value{a, b})[0].Int())
	}
}

// fixSortFunc implements slices.SortFunc.
func fixSortFunc(x, f any) {
	sortBy(reflect.ValueOf(x), slices.SortFunc[[]int], callCmp(f))
}

// fixSortStableFunc implements slices.SortStableFunc.
func fixSortStableFunc(x, f any) {
	sortBy(reflect.ValueOf(x), slices.SortStableFunc[[]int], callCmp(f))
}

// fixExtreme stores the minimum (or maximum) of a non-empty slice of an
// ordered type in *out, propagating NaNs as slices.Min and slices.Max do.
func fixExtreme(x, out any, max bool) {
	s := reflect.ValueOf(x)
	m := s.Index(0)
	for i := 1; i < s.Len(); i++ {
		e := s.Index(i)
		if isNaN(m) {
			break
		}
		if isNaN(e) {
			m = e
			break
		}
		if c := compareOrdered(e, m); max && c > 0 || !max && c < 0 {
			m = e
		}
	}
	reflect.ValueOf(out).Elem().Set(m)
}

func isNaN(v reflect.Value) bool {
	k := v.Kind()
	return (k == reflect.Float32 || k == reflect.Float64) && math.IsNaN(v.Float())
}

// fixBinarySearch implements slices.BinarySearch.
func fixBinarySearch(x, target any) (int, bool) {
	s, t := reflect.ValueOf(x), reflect.ValueOf(target)
	n := s.Len()
	if n > 0 && t.Type() != s.Type().Elem() && t.CanConvert(s.Type().Elem()) {
		t = t.Convert(s.Type().Elem())
	}
	i := sort.Search(n, func(i int) bool { return compareOrdered(s.Index(i), t) >= 0 })
	return i, i < n && compareOrdered(s.Index(i), t) == 0
}
