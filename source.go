package main

import "embed"

// source is gocell's own module source, which %go get builds a notebook's
// executor from (the generated module replaces gocell with a copy of it).
// Only what the executor compiles is carried; the builder leaves out the
// tests and testdata that directory patterns bring along.
//
//go:embed go.mod go.sum cachecells display interp
var source embed.FS
