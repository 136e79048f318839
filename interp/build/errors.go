package build

import (
	"fmt"
	"strings"
)

// NoToolchainError reports that no go command was found: building an
// executor for a notebook compiles Go.
type NoToolchainError struct{ Err error }

func (e *NoToolchainError) Error() string {
	return "%go get needs the Go toolchain to build an executor, and no go command was found on PATH (" +
		e.Err.Error() + "): install Go from https://go.dev/dl/ and make sure `go` is on the kernel's PATH"
}

func (e *NoToolchainError) Unwrap() error { return e.Err }

// UnknownModuleError reports a module the module proxy does not know.
type UnknownModuleError struct {
	Module string
	Output string // the go command's report
}

func (e *UnknownModuleError) Error() string {
	return fmt.Sprintf("module %s was not found: check the spelling of the module path (it is the path in the module's go.mod, such as github.com/owner/repo); %s",
		e.Module, firstLine(e.Output))
}

// UnknownVersionError reports a version that a known module does not have.
type UnknownVersionError struct {
	Module, Version string
	Known           []string // the module's versions, oldest first
}

func (e *UnknownVersionError) Error() string {
	hint := "it has no tagged versions: leave the version out to get the latest commit"
	if n := len(e.Known); n > 0 {
		recent := e.Known[max(0, n-5):]
		hint = "its latest versions are " + strings.Join(recent, ", ") + "; leave the version out to get the latest"
	}
	return fmt.Sprintf("module %s has no version %s: %s", e.Module, e.Version, hint)
}

// CgoError reports a module none of whose packages builds without cgo. The
// executor is built with cgo off, so that it needs no C toolchain.
type CgoError struct {
	Module   string
	Packages []string
}

func (e *CgoError) Error() string {
	return fmt.Sprintf("module %s needs cgo (C code) in every package (%s), and gocell builds executors without cgo: look for a pure-Go alternative",
		e.Module, strings.Join(e.Packages, ", "))
}

// NoPackagesError reports a module with no package a notebook can import.
type NoPackagesError struct {
	Module  string
	Skipped []Skipped
}

func (e *NoPackagesError) Error() string {
	var why []string
	for _, s := range e.Skipped {
		why = append(why, s.Package+": "+s.Reason)
	}
	msg := fmt.Sprintf("module %s has no package a notebook can import", e.Module)
	if len(why) > 0 {
		msg += " (" + strings.Join(why, "; ") + ")"
	}
	return msg
}

// ResolveError reports any other failure of the go command while finding
// the modules (network, checksum verification, a malformed path).
type ResolveError struct {
	Modules []string
	Output  string
}

func (e *ResolveError) Error() string {
	return fmt.Sprintf("resolving %s failed: %s", strings.Join(e.Modules, " "), strings.TrimSpace(e.Output))
}

// BuildError reports that the executor did not compile or its symbols could
// not be extracted. Stage says which.
type BuildError struct {
	Stage  string // "extracting" or "compiling"
	Output string
}

func (e *BuildError) Error() string {
	return fmt.Sprintf("%s the executor failed; the modules may not build with this Go version (try another version of the module):\n%s",
		e.Stage, strings.TrimSpace(e.Output))
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
