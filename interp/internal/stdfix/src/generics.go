//go:build ignore

package __gocellfix

import fix "gocell/fix"

// ConvertTo stores v converted to the type dst points to: a conversion to
// a type parameter, T(x), rewritten (see rewrite/genericbodies.go).
func ConvertTo(dst, v any) { fix.ConvertTo(dst, v) }
