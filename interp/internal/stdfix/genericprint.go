package stdfix

// A single value of a generic notebook type with String or Error, printed
// by itself (fmt.Println(pairs[0])): yaegi v0.16.1 loses such a value
// handed to an interpreted parameter of type any (it arrives nil, or the
// call panics in reflect), but keeps it inside a slice. The rewrite puts
// the value in a one-element slice of its type; fixOne shows the element
// as fixElems shows the elements of a container.

// fixOne returns the shown first element of x, a one-element slice of a
// notebook type, str being the interpreted function that calls the
// element's String or Error method.
func fixOne(x any, str any) any {
	if v, ok := fixElems(x, str).(elemsView); ok && len(v.elems) == 1 {
		return v.elems[0]
	}
	return x
}
