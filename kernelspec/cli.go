package kernelspec

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Exit codes of RunInstall and RunUninstall.
const (
	exitOK    = 0
	exitError = 1 // the operation failed
	exitUsage = 2 // bad flags or arguments, as the flag package's own convention
)

// locationFlags are the flags install and uninstall share: where the
// kernelspec lives and what it is called.
type locationFlags struct {
	user      bool
	prefix    string
	sysPrefix bool
	name      string
}

func (l *locationFlags) register(flags *flag.FlagSet) {
	flags.BoolVar(&l.user, "user", false, "use the current user's Jupyter data directory (the default)")
	flags.StringVar(&l.prefix, "prefix", "", "use `DIR`/share/jupyter/kernels (Jupyter searches /usr/local and /usr itself; other prefixes need JUPYTER_PATH=DIR/share/jupyter)")
	flags.BoolVar(&l.sysPrefix, "sys-prefix", false, "use the share/jupyter/kernels directory of the Python environment Jupyter runs in")
	flags.StringVar(&l.name, "name", DefaultName, "kernelspec `NAME` (directory name under kernels/)")
}

// check rejects contradictory location flags. It runs after parsing, with
// the set of flags given explicitly, so that a plain --user is fine but
// --user next to --prefix is an error rather than a silent choice.
func (l *locationFlags) check(set map[string]bool) error {
	if l.prefix != "" && l.sysPrefix {
		return errors.New("--prefix and --sys-prefix are mutually exclusive: choose one install location")
	}
	if set["prefix"] && l.prefix == "" {
		return errors.New("--prefix needs a directory")
	}
	if set["user"] && l.user && (l.prefix != "" || l.sysPrefix) {
		return errors.New("--user cannot be combined with --prefix or --sys-prefix: choose one install location")
	}
	return nil
}

func (l *locationFlags) options() Options {
	return Options{Name: l.name, Prefix: l.prefix, SysPrefix: l.sysPrefix}
}

// memoryLimitEnv is the variable the kernel reads its executor's memory
// limit from; the kernel checks the value fully when it starts.
const memoryLimitEnv = "GOCELL_MEMORY_LIMIT"

// sizePattern is what a memory size looks like: 4GiB, 512MiB, 2G, 1.5GB.
var sizePattern = regexp.MustCompile(`(?i)^\s*[0-9]+(\.[0-9]+)?\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\s*$`)

// envFlag collects repeated --env KEY=VALUE flags.
type envFlag map[string]string

func (e envFlag) String() string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + e[k]
	}
	return strings.Join(parts, ",")
}

func (e envFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("want KEY=VALUE, got %q", s)
	}
	e[k] = v
	return nil
}

// parse runs flags over args. Usage and error text go to a buffer first so
// that -h can print to stdout (it was asked for) and mistakes to stderr.
// It returns done=true with the exit code when the command should stop.
func parse(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, done bool) {
	var out bytes.Buffer
	flags.SetOutput(&out)
	err := flags.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		stdout.Write(out.Bytes())
		return exitOK, true
	case err != nil:
		stderr.Write(out.Bytes())
		return exitUsage, true
	case flags.NArg() > 0:
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", flags.Name(), flags.Arg(0))
		flags.SetOutput(stderr)
		flags.Usage()
		return exitUsage, true
	}
	return exitOK, false
}

// setFlags returns the names of the flags given on the command line.
func setFlags(flags *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	flags.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

func usage(flags *flag.FlagSet, synopsis, what string) func() {
	return func() {
		fmt.Fprintf(flags.Output(), "usage: %s\n\n%s\n\nflags:\n", synopsis, what)
		flags.PrintDefaults()
	}
}

// RunInstall is the `gocell install` command: it parses args (the
// arguments after "install"), installs the kernelspec, and reports on
// stdout. It returns the process exit code: 0 on success, 2 for bad flags,
// 1 when the install fails.
func RunInstall(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gocell install", flag.ContinueOnError)
	var loc locationFlags
	loc.register(flags)
	displayName := flags.String("display-name", DefaultDisplayName, "`NAME` shown in Jupyter's kernel picker")
	exe := flags.String("executable", "", "`PATH` of the gocell binary Jupyter should run (default: this one)")
	env := envFlag{}
	flags.Var(env, "env", "set `KEY=VALUE` in the kernel's environment (repeatable)")
	flags.Func("memory-limit", "the executor's memory limit, such as 4GiB or 512MiB (default: half the machine's memory); sets "+memoryLimitEnv, func(v string) error {
		if !sizePattern.MatchString(v) {
			return fmt.Errorf("%q is not a size: write a number and a unit, such as 4GiB, 512MiB or 2G", v)
		}
		env[memoryLimitEnv] = strings.TrimSpace(v)
		return nil
	})
	flags.Usage = usage(flags, "gocell install [flags]",
		"Install the gocell kernelspec so Jupyter can start Go notebooks.\nInstalling again replaces the previous kernelspec of the same name.")
	if code, done := parse(flags, args, stdout, stderr); done {
		return code
	}
	if err := loc.check(setFlags(flags)); err != nil {
		fmt.Fprintf(stderr, "gocell install: %v\n", err)
		return exitUsage
	}
	opts := loc.options()
	opts.DisplayName = *displayName
	opts.Executable = *exe
	if len(env) > 0 {
		opts.Env = env
	}

	dir, err := Install(opts)
	if err != nil {
		fmt.Fprintf(stderr, "gocell install: %v\n", err)
		if errors.Is(err, fs.ErrPermission) {
			fmt.Fprintln(stderr, "(no permission to write there: use --user, or run as a user who can)")
		}
		return exitError
	}
	name := strings.ToLower(opts.Name)
	fmt.Fprintf(stdout, "Installed kernelspec %s in %s\n", name, dir)
	installNotes(stderr, opts, dir)
	return exitOK
}

// installNotes warns about installs that succeed but will not work as the
// user probably expects.
func installNotes(w io.Writer, opts Options, dir string) {
	if b, err := os.ReadFile(filepath.Join(dir, "kernel.json")); err == nil {
		var argv0 string
		if spec, err := decodeKernelJSON(b); err == nil && len(spec.Argv) > 0 {
			argv0 = spec.Argv[0]
		}
		if isGoRunBuild(argv0) {
			fmt.Fprintf(w, "warning: the kernel points at %s, a temporary `go run` build that will disappear; install the binary (go install) and run `gocell install` from it\n", argv0)
		}
	}
	if opts.Prefix != "" {
		data := filepath.Dir(filepath.Dir(dir))
		for _, d := range searchDataDirs() {
			if d == data {
				return
			}
		}
		fmt.Fprintf(w, "note: unless Jupyter runs from the Python environment at %s, it finds this kernel only with JUPYTER_PATH=%s\n", opts.Prefix, data)
	}
}

// isGoRunBuild reports whether exe lies in a `go run` work directory
// (named go-build<digits> under the temporary directory), which is deleted
// when `go run` exits, so a kernelspec pointing there soon points at
// nothing.
func isGoRunBuild(exe string) bool {
	for _, el := range strings.Split(filepath.ToSlash(exe), "/") {
		if strings.HasPrefix(el, "go-build") {
			return true
		}
	}
	return false
}

// RunUninstall is the `gocell uninstall` command: it parses args (the
// arguments after "uninstall") and removes the kernelspec. It returns the
// process exit code: 0 on success, 2 for bad flags, 1 when the kernelspec
// is not installed there or cannot be removed.
func RunUninstall(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gocell uninstall", flag.ContinueOnError)
	var loc locationFlags
	loc.register(flags)
	flags.Usage = usage(flags, "gocell uninstall [flags]",
		"Remove the gocell kernelspec from a Jupyter data directory.\nUse the same location flags as for install.")
	if code, done := parse(flags, args, stdout, stderr); done {
		return code
	}
	if err := loc.check(setFlags(flags)); err != nil {
		fmt.Fprintf(stderr, "gocell uninstall: %v\n", err)
		return exitUsage
	}
	opts := loc.options()
	dir, err := Uninstall(opts)
	if err != nil {
		fmt.Fprintf(stderr, "gocell uninstall: %v\n", err)
		if errors.Is(err, fs.ErrNotExist) {
			uninstallHints(stderr, opts, dir)
		}
		return exitError
	}
	fmt.Fprintf(stdout, "Removed kernelspec %s from %s\n", strings.ToLower(opts.Name), dir)
	return exitOK
}

// uninstallHints points at kernelspecs of the same name in other places
// Jupyter searches, with the command that would remove each, since "not
// installed" usually means "installed with other flags".
func uninstallHints(w io.Writer, opts Options, missing string) {
	name := strings.ToLower(opts.Name)
	nameFlag := ""
	if name != DefaultName {
		nameFlag = " --name " + name
	}
	user, _ := userDataDir()
	for _, data := range searchDataDirs() {
		dir := filepath.Join(data, "kernels", name)
		if dir == missing {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "kernel.json")); err != nil {
			continue
		}
		cmd := "gocell uninstall" + nameFlag
		switch {
		case data == user:
			cmd += " --user"
		case filepath.Base(data) == "jupyter" && filepath.Base(filepath.Dir(data)) == "share":
			cmd += " --prefix " + filepath.Dir(filepath.Dir(data))
		default:
			// A JUPYTER_PATH entry that is not PREFIX/share/jupyter:
			// no flag reaches it, so name the directory instead.
			fmt.Fprintf(w, "a kernelspec named %s is installed in %s (remove that directory to uninstall it)\n", name, dir)
			continue
		}
		fmt.Fprintf(w, "a kernelspec named %s is installed in %s; remove it with: %s\n", name, dir, cmd)
	}
}
