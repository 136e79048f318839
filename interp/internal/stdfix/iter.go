package stdfix

import (
	"fmt"
	"iter"
	"reflect"
)

// Iterators: range over a function runs the function as a coroutine the
// rewritten loop pulls values from.

// fixIterator runs a notebook iterator, func(yield func(V) bool) or
// func(yield func(K, V) bool), as a coroutine (iter.Pull). Range-over-func
// loops are rewritten into calls of fixNext until it reports false, then
// fixStop, which keeps the order of the side effects of the loop body and
// of the iterator as in compiled Go, early exits included.
type fixIterator struct {
	next func() (reflect.Value, reflect.Value, bool)
	stop func()
}

func fixIter(seq any) any {
	fv := reflect.ValueOf(seq)
	if fv.Kind() != reflect.Func || fv.Type().NumIn() != 1 || fv.Type().In(0).Kind() != reflect.Func {
		panic(fmt.Sprintf("cannot range over %v (type %T)", seq, seq))
	}
	yieldType := fv.Type().In(0)
	pairs := yieldType.NumIn() == 2
	next, stop := iter.Pull2(func(yield func(reflect.Value, reflect.Value) bool) {
		fv.Call([]reflect.Value{reflect.MakeFunc(yieldType, func(args []reflect.Value) []reflect.Value {
			var ok bool
			if pairs {
				ok = yield(args[0], args[1])
			} else {
				ok = yield(args[0], reflect.Value{})
			}
			return []reflect.Value{reflect.ValueOf(ok)}
		})})
	})
	return &fixIterator{next: next, stop: stop}
}

// fixNext stores the iterator's next value (the first of a pair) in *out,
// if out is not nil, and reports whether there was one.
func fixNext(it, out any) bool {
	k, _, ok := it.(*fixIterator).next()
	if ok && out != nil {
		setValue(reflect.ValueOf(out).Elem(), k)
	}
	return ok
}

// fixNext2 is fixNext for a pair of values.
func fixNext2(it, k, v any) bool {
	a, b, ok := it.(*fixIterator).next()
	if ok {
		if k != nil {
			setValue(reflect.ValueOf(k).Elem(), a)
		}
		if v != nil {
			setValue(reflect.ValueOf(v).Elem(), b)
		}
	}
	return ok
}

func fixStop(it any) { it.(*fixIterator).stop() }

func setValue(dst, v reflect.Value) {
	if !v.IsValid() {
		dst.SetZero()
		return
	}
	if v.Type() != dst.Type() && v.CanConvert(dst.Type()) {
		v = v.Convert(dst.Type())
	}
	dst.Set(v)
}
