package stdfix

import (
	"encoding/json"
	"reflect"
)

// encoding/json that honours embedded structs and unexported fields of
// notebook types (#1656).

func fixJSONMarshal(v any) ([]byte, error) {
	return json.Marshal(jsonArg(v))
}

func fixJSONMarshalIndent(v any, prefix, indent string) ([]byte, error) {
	return json.MarshalIndent(jsonArg(v), prefix, indent)
}

func jsonView(v any) any {
	rv := reflect.ValueOf(v)
	m := mirrorValue(rv, mirrorJSON, 0)
	if m == rv {
		return v
	}
	return m.Interface()
}

func fixJSONUnmarshal(data []byte, v any) error {
	if ta, ok := v.(typedArg); ok {
		return jsonUnmarshalTyped(data, ta)
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		if m := mirrorType(rv.Type().Elem(), mirrorJSON); m != rv.Type().Elem() {
			v = reflect.NewAt(m, rv.UnsafePointer()).Interface()
		}
	}
	return json.Unmarshal(data, v)
}
