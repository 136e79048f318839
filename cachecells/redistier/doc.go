// Package redistier is the shared tier of the gocell cache (persist=redis):
// it stores and fetches opaque entry bytes by function and key in Redis, or a
// server that speaks its protocol (Valkey, KeyDB), so that every kernel
// reaching the same server shares results.
//
// The tier knows nothing of what an entry holds. The cache above it encodes
// and authenticates entries (a MAC with the team secret) and must verify them
// after Get; the tier only checks that what it reads is the whole entry it
// wrote (a manifest with sizes and a checksum), so a torn, truncated or
// hand-edited entry is reported as a CorruptError, never returned.
//
// # Key layout
//
// With the default namespace "gocell:v1", function F and key K:
//
//	gocell:v1:{F}:m:K          manifest (a hash): sizes, checksum, generation, fence; small entries inline
//	gocell:v1:{F}:c:K:G:I      chunk I of generation G (entries larger than Config.InlineBytes)
//	gocell:v1:{F}:l:K          compute lock: "fence:nonce", with an expiry
//	gocell:v1:{F}:idx          sorted set of K by last use (bounds max_entries, lists a function)
//	gocell:v1:{F}:exp          sorted set of K by expiry time (keeps idx free of expired keys)
//	gocell:v1:fence:{F}        counter that issues fencing tokens
//
// Function names and keys are escaped (anything but letters, digits, '_',
// '.' and '-' becomes %XX), so the braces are always ours: they also make
// every key of a function hash to one Redis Cluster slot.
//
// Large entries are written as chunks (Config.ChunkBytes each, a pipeline of
// plain SETs that Redis interleaves with other clients), each with a
// provisional expiry; one Lua script then checks that all chunks are there
// and the writer's fence is current, writes the manifest and sets the final
// expiries, so a reader sees the whole new entry or the whole old one.
// Chunks of a replaced generation are left to expire after a grace period,
// so a reader that fetched the old manifest can still finish.
//
// # Bounded time and failures
//
// Every call runs under a deadline: Config.MissTimeout for a lookup (the
// manifest), plus time proportional to the size for an entry's body. The
// first failure to reach the server (refused, reset, timed out, loading)
// opens a circuit: the tier calls Config.OnWarn once, and for
// Config.RetryInterval every call fails at once with ErrUnavailable, so a
// down server costs a notebook nothing per call. After the interval one call
// probes the server; its success closes the circuit and calls
// Config.OnRecover, and the next failure warns again.
//
// # How the cache uses it
//
// On a miss in memory (and on disk), for a function with persist=redis:
//
//	b, ok, err := tier.Get(ctx, fn, key)
//	// err: ErrUnavailable → compute locally (the warning was given once);
//	//      *CorruptError → warn, compute, Put replaces the entry;
//	// ok: verify the MAC; a bad MAC is a miss with a warning (tier.Delete it).
//	lease, err := tier.Lock(ctx, fn, key)
//	// ErrWaited: another kernel computed (or failed); Get again, then Lock again.
//	// nil error: Get once more, compute, Put with PutOptions{Lease: lease}, lease.Release.
//	// ErrUnavailable: compute locally without a lease.
//
// Any other error (ErrFull, a reply error, ctx's error) means: compute
// locally and go on; the tier has already warned once where warning is due.
//
// Put returns *TooLargeError for an entry over Config.MaxEntryBytes (the
// entry stays local; tell the user), ErrStaleLease if the lease was lost to
// another kernel (drop the write: that kernel's result wins), ErrFull when the
// server is out of memory.
package redistier
