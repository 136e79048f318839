//go:build ignore

package maps

func Equal[__K, __V comparable](m1, m2 map[__K]__V) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || v1 != v2 {
			return false
		}
	}
	return true
}

func EqualFunc[__K comparable, __V1 any, __K2 comparable, __V2 any](m1 map[__K]__V1, m2 map[__K2]__V2, eq func(__V1, __V2) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

func Clone[__K comparable, __V any](m map[__K]__V) map[__K]__V {
	if m == nil {
		return nil
	}
	r := make(map[__K]__V, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}

func Copy[__K comparable, __V any](dst, src map[__K]__V) {
	for k, v := range src {
		dst[k] = v
	}
}

func DeleteFunc[__K comparable, __V any](m map[__K]__V, del func(__K, __V) bool) {
	for k, v := range m {
		if del(k, v) {
			delete(m, k)
		}
	}
}

func All[__K comparable, __V any](m map[__K]__V) func(yield func(__K, __V) bool) {
	return func(yield func(__K, __V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func Keys[__K comparable, __V any](m map[__K]__V) func(yield func(__K) bool) {
	return func(yield func(__K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func Values[__K comparable, __V any](m map[__K]__V) func(yield func(__V) bool) {
	return func(yield func(__V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

func Insert[__K comparable, __V any](m map[__K]__V, seq func(yield func(__K, __V) bool)) {
	seq(func(k __K, v __V) bool {
		m[k] = v
		return true
	})
}

func Collect[__K comparable, __V any](seq func(yield func(__K, __V) bool)) map[__K]__V {
	m := make(map[__K]__V)
	seq(func(k __K, v __V) bool {
		m[k] = v
		return true
	})
	return m
}
