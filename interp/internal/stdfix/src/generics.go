//go:build ignore

package __gocellfix

import fix "gocell/fix"

// ConvertTo stores v converted to the type dst points to: a conversion to
// a type parameter, T(x), rewritten (see rewrite/genericbodies.go).
func ConvertTo(dst, v any) { fix.ConvertTo(dst, v) }

// One: a value of a generic notebook type with String or Error printed by
// itself, handed over in a one-element slice (see genericprint.go).
func One(x any, str any) any { return fix.One(x, str) }
