//go:build ignore

package iter

type Seq[__V any] func(yield func(__V) bool)

type Seq2[__K, __V any] func(yield func(__K, __V) bool)
