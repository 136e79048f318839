// Package cachecells memoizes notebook functions marked //%cache_data or
// //%cache_resource: it parses the directives, builds keys from code hashes,
// global values and arguments, hashes and deep-copies values, stores entries
// in memory, on disk and in Redis with TTL and LRU bounds, runs one
// computation per key at a time, records the outputs a computation shows and
// replays them on a hit, and reports statistics. The behaviour it implements
// is the caching contract (caching.md in the design notes, rules 1–15).
//
// The package knows nothing of the interpreter: it sees arguments and results
// as any values. It imports the standard library, xxhash, display and its own
// Redis tier (redistier), so it is tested as a plain Go library.
//
// # How the interpreter uses it
//
// One Cache lives for the whole executor session:
//
//	c := cachecells.New(cachecells.Config{
//		Dir:       cacheDir,      // GOCELL_CACHE_DIR or .gocell-cache
//		FuncNamer: namer,         // optional: lets named notebook funcs be hashed
//	})
//	display.SetPublisher(c.Tee(executorPublisher)) // record outputs of cached calls
//
// For each directive, ParseDirective gives the Options (its error is the
// cell's error). Every time the function's cell, or anything it depends on,
// is compiled, the interpreter registers the function again:
//
//	f, err := c.Register(cachecells.Spec{
//		Name: "F", Options: opts,
//		CodeHash: h, Decls: map[string]uint64{"F": h1, "helper": h2},
//		Params: []cachecells.Param{{Name: "a"}, {Name: "_db"}, {Name: "ctx", Context: true}},
//		NumResults: 2, LastIsError: true,
//		NewResults: func() []any { return []any{new(Result), new(error)} },
//		Globals:    func() map[string]reflect.Value { return readVars("threshold") },
//	})
//
// and rewrites the function into an implementation plus a wrapper that calls
// the host:
//
//	out, err := f.Call([]any{a, _db, ctx}, func() []any {
//		r0, r1 := F__impl(a, _db, ctx)
//		return []any{r0, r1}
//	})
//	if err != nil { panic(err) } // an *UnhashableError, with the fixes spelled out
//	return out[0].(Result), asError(out[1])
//
// Call on a hit replays the recorded outputs through Config.Publish (by
// default display.Publish, so an enclosing cached call records the replay
// too) with metadata gocell.cached = true and fresh display ids, and returns
// deep copies (data) or the shared instance (resource). On a miss it runs
// compute while recording, stores the result unless compute panicked (the
// panic is re-raised) or returned a non-nil final error, and returns it.
//
// # The shared tier
//
// A persist=redis function misses in memory, then asks Redis (redistier,
// configured by Config.Shared or SharedConfigFromEnv): a hit there is
// authenticated with the secret like a disk file, kept in memory and
// replayed; a miss takes the key's compute lock in Redis, so concurrent
// callers in other kernels wait and then hit, computes, writes the entry
// (TTL as Redis expiry, max_entries as a per-function bound) and lets the
// lock go. Entries are not written to disk. Whatever goes wrong with Redis
// (down, slow, full, entry too large, lock lost) costs a local computation
// and at most one warning, never an error.
//
// Magics map to Cache.Clear (ClearCommand for `%cache clear [--shared]`),
// Cache.Stats with RenderStats, and Cache.Why.
// Cache.Sweep frees expired entries; calling it after each cell is optional.
//
// # Keys
//
// key = H(CodeHash, Σ H(name, hash(global)), hash(arg) for each included
// parameter). Every value hash covers the dynamic type (by its printed name,
// stable across processes, so disk entries survive restarts) and the whole
// value: slices and arrays of plain numbers (and of padding-free structs of
// numbers) are hashed as one byte span; maps combine per-entry hashes by
// addition, independent of order; pointers are followed, with cycles
// detected on the current path; unexported fields are read through unsafe;
// time.Time by instant and zone name; big.Int/Float/Rat by value. Values with
// a CacheKey() any method, or of a type given to RegisterHasher, are hashed by
// what those return. Keys are 64-bit xxhash values; a collision is possible
// in principle (about 2⁻⁶⁴ per pair of keys) and would serve a wrong entry.
//
// # Copies and sharing
//
// cache_data stores its own deep copy of what the computation returned and
// hands every caller, the first included, another deep copy, so neither the
// function nor any caller can change a stored entry. Pointer-free results
// (numbers, strings, flat structs) are returned without copying. Channels,
// funcs, open files, locks' owners and time zones inside results are shared,
// not copied. cache_resource and copy=none hand out the stored values.
//
// A resource leaves the cache when it expires, is evicted, fails validation
// or is cleared; it is then released: if a result has a Close() error or
// Close() method, that is called (errors become warnings).
//
// # Outputs
//
// Outputs carry no goroutine identity, so every output published while any
// cached call computes is recorded into all computing calls. Only the
// outermost miss shows a spinner, after Config.SpinnerDelay; spinner
// messages go straight to the publisher behind Tee and are never recorded.
// The interpreter must publish stdout/stderr writes synchronously (before
// the write returns) for them to land in the right entry.
package cachecells
