// Package names is the notebook's one store of names: the Registry of its
// top-level declarations (functions, methods, types, constants, variables
// declared without a value), the compile units they came from, the names
// each one uses and what it reaches transitively; beside them, the static
// types of the variables statements declared (var hints) and what the
// rewrites learned of every name's kind (Facts).
//
// The session rebuilds a fresh interpreter from the Registry (after a
// redefinition, a failed compile or a restart), keys cached functions on
// what they Reach, and answers completion and inspection from it; the
// rewrites read and add Facts. It uses the standard library only.
package names
