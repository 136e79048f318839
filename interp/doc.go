// Package interp is gocell's executor: the hidden `gocell executor` process
// that runs a notebook's cells in one yaegi interpreter (RunExecutor,
// Serve), and the Session behind it (execute, rebuild, restore, complete,
// inspect, the cache glue). The kernel process never imports it.
//
// One cell, from execute_request to the reply:
//
//  1. kernel: the handler sends busy and execute_input, and its supervisor
//     sends a proto.Request to the executor through a proto.Client.
//  2. interp: Serve reads it from fd 3 and calls Session.Execute with a
//     context that an interrupt request cancels.
//  3. cell: magic lines become runtime calls (ExpandMagics), directives are
//     checked, and Split cuts the text into imports, declarations, statements.
//  4. interp: new imports are compiled alone first, then seen by every chunk;
//     a package the cell uses without importing it is imported when one
//     package has that name (autoimport.go).
//  5. rewrite: Declarations and Statements adapt each chunk (loops, calls,
//     goroutines, cached functions, trailing value), the path restore uses too.
//  6. names: the Registry says whether declarations redefine a name; the
//     session compiles in place or rebuilds, and only compiled units enter it.
//  7. interp: statements run as a global-scope block in the interpreter, whose
//     standard library stdfix repaired; cachecells serves cached calls.
//  8. display: what the cell prints or shows becomes display.Output events,
//     sent on fd 4 as they happen; the kernel forwards them to IOPub.
//  9. interp: a failure becomes a CellError (errors.go); the result is
//     captured and shown, and an EvDone event carries the proto.Reply.
//  10. kernel: execute_reply, then idle, both with the request as parent.
//
// The packages below interp: proto (the protocol, imported by the kernel),
// cell (cell text, standard library only), and internal/names,
// internal/rewrite, internal/stdfix and internal/goid.
package interp
