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
// What survives what. The user's work is declarations, values and cache
// entries, and nothing of it is lost:
//
//   - A cell that fails to compile changes nothing: the interpreter is
//     rebuilt from the registry, the rewrite's notes about names are taken
//     back (names.Registry.MarkNotes), and the chunk never enters the
//     journal. A cell that compiled and then panicked keeps what it
//     declared and the values it changed, as in any notebook.
//   - An interrupt cancels the cell's context: interpreted loops and
//     channel waits stop, and the blocking calls of the standard library,
//     replaced by package interrupt's (time.Sleep, the sync types, HTTP,
//     os/exec, reads of stdin), stop where they wait and never return into
//     the cell. The session waits until the cell's goroutine is gone and no
//     call is blocked, then keeps going with every value. Only a host call
//     that cannot be stopped (stuckGrace) makes the kernel replace the
//     executor.
//   - The kernel gives the executor a directory (snapshot.EnvDir) that
//     outlives it (state.go). The journal there lists the chunks that
//     compiled, in order, with the imports; after each cell the variables
//     it may have changed (the names it mentions, what the declarations it
//     reaches use, variables sharing objects with changed ones or pointed
//     into; every variable after a rebuild, a restore, or while goroutines
//     of earlier cells run) are saved by snapshot.Saver, only the changed
//     chunks of each file written.
//   - Restore, in a new executor, replays the journal through the same
//     rewrite pipeline a cell goes through (goroutine wrappers, cached
//     functions, Go fidelity fixes), rebuilds, declares the variables with
//     their declared types (else the snapshot's), and reads their values,
//     sharing and cycles included. It reports exactly what could not be
//     brought back: what the snapshot could not save (channels, funcs, open
//     files, values over its size bound) and what did not fit the restored
//     declarations.
//   - A rebuild (redefinition, failed compile) moves values by assignment
//     and then relinks pointers into the old variables (relink.go).
//
// The packages below interp: proto (the protocol, imported by the kernel),
// cell (cell text, standard library only), and internal/names,
// internal/rewrite, internal/stdfix and internal/goid.
package interp
