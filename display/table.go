package display

import (
	"fmt"
	"reflect"
	"strconv"
)

// maxCellRunes bounds one table cell, so that a wide field (a long slice, a
// text) doesn't swamp the table.
const maxCellRunes = 200

// A table is a collection laid out in rows and columns, ready to be written
// as HTML or aligned text.
type table struct {
	indexed bool // a first column holds each row's position
	header  []string
	rows    [][]string
	total   int // rows in the collection; more than len(rows) when cut
}

var (
	stringerType = reflect.TypeFor[fmt.Stringer]()
	errorType    = reflect.TypeFor[error]()
)

// tableOf lays out v as a table when it is a non-empty slice or array of
// structs or of maps, or a non-empty map; otherwise it returns nil.
func tableOf(v reflect.Value) *table {
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		switch v.Elem().Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			v = v.Elem()
		}
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			return nil
		}
		if st := rowStruct(v); st != nil {
			return structTable(v, st)
		}
		if v.Type().Elem().Kind() == reflect.Map {
			return mapsTable(v)
		}
	case reflect.Map:
		if v.Len() > 0 {
			return mapTable(v)
		}
	}
	return nil
}

// shownRows is the number of rows of a collection of n that a table shows.
func shownRows(n int) int { return min(n, max(Limit.TableRows, 0)) }

// rowStruct returns the struct type of the rows of list, or nil when its
// elements aren't structs of one type. Elements may be pointers to the
// struct, or interfaces holding either, as in []any.
func rowStruct(list reflect.Value) reflect.Type {
	et := list.Type().Elem()
	if et.Kind() == reflect.Interface {
		// The dynamic types decide; only the rows shown need to agree.
		et = nil
		for i := range shownRows(list.Len()) {
			e := list.Index(i).Elem()
			if !e.IsValid() {
				continue
			}
			t := e.Type()
			if t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if et != nil && t != et {
				return nil
			}
			et = t
		}
		if et == nil {
			return nil
		}
	}
	if et.Kind() == reflect.Pointer {
		et = et.Elem()
	}
	if et.Kind() != reflect.Struct || et.NumField() == 0 {
		return nil
	}
	// A struct with its own text (time.Time, big.Int's wrappers, errors) is a
	// single value to its author, not a record: print it as such.
	for _, t := range []reflect.Type{et, reflect.PointerTo(et)} {
		if t.Implements(stringerType) || t.Implements(errorType) {
			return nil
		}
	}
	return et
}

// structTable makes one row per element of list, one column per field of st.
// Field names are shown as they come: interpreted notebook types reach us
// with unexported fields renamed "X<name>".
func structTable(list reflect.Value, st reflect.Type) *table {
	t := &table{indexed: true, total: list.Len()}
	for i := range st.NumField() {
		t.header = append(t.header, st.Field(i).Name)
	}
	for i := range shownRows(list.Len()) {
		e := list.Index(i)
		for e.Kind() == reflect.Interface || e.Kind() == reflect.Pointer {
			if e.IsNil() {
				break
			}
			e = e.Elem()
		}
		row := make([]string, len(t.header))
		if e.Kind() == reflect.Struct {
			for j := range row {
				row[j] = cellText(e.Field(j))
			}
		} else {
			row[0] = "<nil>"
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// mapsTable makes one row per map in list and one column per key found in
// the rows shown, keys sorted.
func mapsTable(list reflect.Value) *table {
	t := &table{indexed: true, total: list.Len()}
	n := shownRows(list.Len())
	var keys []reflect.Value
	seen := map[any]bool{}
	for i := range n {
		for _, k := range list.Index(i).MapKeys() {
			if !k.CanInterface() || seen[k.Interface()] {
				continue
			}
			seen[k.Interface()] = true
			keys = append(keys, k)
		}
	}
	sortKeys(keys)
	for _, k := range keys {
		t.header = append(t.header, cellText(k))
	}
	for i := range n {
		m := list.Index(i)
		row := make([]string, len(keys))
		for j, k := range keys {
			if val := m.MapIndex(k); val.IsValid() {
				row[j] = cellText(val)
			}
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// mapTable makes one row per entry of m: its key and value, keys sorted.
func mapTable(m reflect.Value) *table {
	t := &table{header: []string{"key", "value"}, total: m.Len()}
	keys := m.MapKeys()
	sortKeys(keys)
	for _, k := range keys[:shownRows(len(keys))] {
		t.rows = append(t.rows, []string{cellText(k), cellText(m.MapIndex(k))})
	}
	return t
}

// cellText formats one cell, cut to maxCellRunes.
func cellText(v reflect.Value) string {
	return truncate(sprintValue(v), maxCellRunes)
}

// rowLabel is the text of row i's index cell.
func rowLabel(i int) string { return strconv.Itoa(i) }
