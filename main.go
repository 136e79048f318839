// Command gocell is a Jupyter kernel for Go: cells run through the yaegi
// interpreter, and functions marked //%cache_data or //%cache_resource are
// memoized on their source and arguments.
//
// Usage:
//
//	gocell install [--user | --prefix DIR | --sys-prefix] [--name NAME] [--display-name NAME]
//	gocell uninstall [--user | --prefix DIR | --sys-prefix] [--name NAME]
//	gocell run NOTEBOOK.ipynb [-o OUT.ipynb] [--continue-on-error]
//	gocell kernel CONNECTION_FILE
//	gocell version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/gocell/gocell/interp"
	"github.com/gocell/gocell/kernel"
	"github.com/gocell/gocell/kernelspec"
)

const usage = `gocell — a Jupyter kernel for Go, with function caching

Usage:
  gocell install [--user | --prefix DIR | --sys-prefix] [--name NAME] [--display-name NAME]
        install the kernelspec so Jupyter lists "Go (gocell)"
  gocell uninstall [--user | --prefix DIR | --sys-prefix] [--name NAME]
        remove it
  gocell run NOTEBOOK.ipynb [-o OUT.ipynb] [--continue-on-error]
        execute a notebook headless, print each cell's output, optionally save it
  gocell kernel CONNECTION_FILE
        serve one Jupyter connection (Jupyter runs this for you)
  gocell version
        print the version
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "install":
		return kernelspec.RunInstall(rest, stdout, stderr)
	case "uninstall":
		return kernelspec.RunUninstall(rest, stdout, stderr)
	case "run":
		return runNotebook(rest, stdout, stderr)
	case "kernel":
		if len(rest) != 1 {
			fmt.Fprintln(stderr, "usage: gocell kernel CONNECTION_FILE")
			return 2
		}
		// The kernel process only relays messages between sockets and the
		// executor. With one P, a request's hops between its goroutines
		// (socket reader, shell loop, IOPub writer, executor pipe reader)
		// stay on one thread instead of waking an idle one for each:
		// about half the context switches and CPU of a trivial cell. The
		// executor, which runs the user's code, keeps every core.
		runtime.GOMAXPROCS(1)
		if err := kernel.Run(context.Background(), rest[0], kernel.Options{Log: stderr, Source: source}); err != nil {
			fmt.Fprintln(stderr, "gocell kernel:", err)
			return 1
		}
		return 0
	case "executor":
		if err := interp.RunExecutor(); err != nil {
			fmt.Fprintln(stderr, "gocell executor:", err)
			return 1
		}
		return 0
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "gocell", kernel.Version)
		return 0
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "gocell: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}

func runNotebook(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gocell run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the executed notebook to this `file`")
	keepGoing := fs.Bool("continue-on-error", false, "run every cell even after one fails")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gocell run NOTEBOOK.ipynb [-o OUT.ipynb] [--continue-on-error]")
		fs.PrintDefaults()
	}
	// Accept flags before or after the notebook path.
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(paths) != 1 {
		fs.Usage()
		return 2
	}
	err := kernel.RunNotebook(paths[0], kernel.RunOptions{Output: *out, Stdout: stdout, Log: stderr, ContinueOnError: *keepGoing, Source: source})
	switch {
	case errors.Is(err, kernel.ErrCellFailed):
		fmt.Fprintln(stderr, "gocell run:", err)
		return 1
	case err != nil:
		fmt.Fprintln(stderr, "gocell run:", err)
		return 1
	}
	return 0
}
