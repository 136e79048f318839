package kernel

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/proto"
)

// ErrCellFailed is returned by RunNotebook when a cell raised an error.
var ErrCellFailed = errors.New("a cell failed")

// RunOptions configure a headless notebook run.
type RunOptions struct {
	Executable      string    // the gocell binary; default os.Executable()
	Output          string    // where to write the executed notebook; "" writes nothing
	Stdout          io.Writer // where each cell's text output is printed
	Log             io.Writer // diagnostics; default os.Stderr
	ContinueOnError bool      // run every cell even after one fails
	// Source is gocell's module source, for %go get and the notebook's
	// metadata.gocell.modules (see Options.Source).
	Source fs.FS
}

// RunNotebook executes the code cells of an nbformat 4 notebook, in order,
// with the same executor the kernel uses; prints each cell's text output;
// and writes the executed notebook if opt.Output is set. It returns an error
// wrapping ErrCellFailed if a cell failed.
func RunNotebook(path string, opt RunOptions) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading the notebook: %w", err)
	}
	var nb map[string]any
	if err := json.Unmarshal(raw, &nb); err != nil {
		return fmt.Errorf("%s is not a notebook (invalid JSON: %v)", path, err)
	}
	cells, ok := nb["cells"].([]any)
	if !ok {
		return fmt.Errorf("%s is not an nbformat 4 notebook: it has no \"cells\" list", path)
	}
	if opt.Stdout == nil {
		opt.Stdout = os.Stdout
	}
	if opt.Log == nil {
		opt.Log = os.Stderr
	}
	if opt.Executable == "" {
		if opt.Executable, err = os.Executable(); err != nil {
			return err
		}
	}
	// Cells find files next to the notebook, as in Jupyter.
	if dir := filepath.Dir(path); dir != "." {
		wd, _ := os.Getwd()
		if err := os.Chdir(dir); err == nil {
			defer os.Chdir(wd)
		}
		if opt.Output != "" && !filepath.IsAbs(opt.Output) {
			opt.Output = filepath.Join(wd, opt.Output)
		}
	}

	r := &runner{out: opt.Stdout, log: log.New(opt.Log, "gocell: ", 0)}
	sup := newSupervisor(r, opt.Executable, nil)
	sup.mods = newGoModules(opt.Source)
	if err := sup.start(); err != nil {
		return err
	}
	defer sup.stop()
	// The modules the notebook was saved with: build (or find) their
	// executor before the first cell, as its %go get line would.
	saved := notebookModules(nb)
	if len(saved) > 0 {
		fmt.Fprintf(opt.Stdout, "── modules: %s ──\n", strings.Join(saved, " "))
		if err := sup.goGet(saved, func(o display.Output) {
			if o.Kind == display.Stream {
				fmt.Fprint(opt.Stdout, o.Text)
			}
		}); err != nil {
			return fmt.Errorf("building the executor for the notebook's modules (metadata.gocell.modules): %w", err)
		}
	}

	count, failed := 0, 0
	for i, c := range cells {
		cell, ok := c.(map[string]any)
		if !ok || cell["cell_type"] != "code" {
			continue
		}
		code := joinSource(cell["source"])
		cell["outputs"] = []any{}
		if strings.TrimSpace(code) == "" {
			cell["execution_count"] = nil
			continue
		}
		if failed > 0 && !opt.ContinueOnError {
			cell["execution_count"] = nil
			continue
		}
		count++
		r.begin(cell)
		fmt.Fprintf(opt.Stdout, "── cell %d [%d] ──\n", i+1, count)
		reply, _ := sup.execute(nil, proto.Request{Type: proto.ReqExecute, Code: code, StoreHistory: true, ExecutionCount: count}, count)
		r.end()
		cell["execution_count"] = count
		if reply.Status != "ok" {
			failed++
		}
	}
	if mods := sup.mods.Modules(); len(mods) > 0 {
		setNotebookModules(nb, mods)
	}
	if opt.Output != "" {
		data, err := json.MarshalIndent(nb, "", " ")
		if err != nil {
			return err
		}
		if err := writeFileAtomic(opt.Output, append(data, '\n')); err != nil {
			return fmt.Errorf("writing the executed notebook: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of the notebook's cells raised an error", ErrCellFailed, failed)
	}
	return nil
}

func joinSource(src any) string {
	switch s := src.(type) {
	case string:
		return s
	case []any:
		var b strings.Builder
		for _, line := range s {
			if l, ok := line.(string); ok {
				b.WriteString(l)
			}
		}
		return b.String()
	}
	return ""
}

// splitSource turns text into nbformat's list of lines, each keeping its newline.
func splitSource(text string) []any {
	var out []any
	for text != "" {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	if out == nil {
		out = []any{}
	}
	return out
}

func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gocell-*.ipynb")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// runner is the executorHost of a headless run: it prints text outputs and
// collects every output into the cell, as nbclient would.
type runner struct {
	out io.Writer
	log *log.Logger

	mu         sync.Mutex
	cell       map[string]any
	outputs    []any
	clearNext  bool             // a clear_output(wait=true) is pending
	displayIdx map[string][]int // display id -> indexes of outputs showing it
	transient  map[string]bool  // display ids of spinners, left out of the notebook
}

func (r *runner) begin(cell map[string]any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cell, r.outputs, r.clearNext, r.displayIdx = cell, []any{}, false, map[string][]int{}
	r.transient = map[string]bool{}
}

func (r *runner) end() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cell["outputs"] = r.outputs
	r.cell = nil
}

func (r *runner) logf(format string, args ...any) { r.log.Printf(format, args...) }
func (r *runner) backgroundParent() *Message      { return nil }
func (r *runner) askInput(_ *Message, _ string, _ bool, _ func(string), _ <-chan struct{}) {
	// Headless runs don't allow stdin, so the executor never asks.
}

func (r *runner) publishOutput(_ *Message, o display.Output, count int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cell == nil {
		return // a background goroutine printed between cells
	}
	if o.Kind == display.Retract {
		return // only spinners are retracted, and they are left out already
	}
	if o.Kind == display.ClearOutput {
		if o.Wait {
			r.clearNext = true
		} else {
			r.outputs, r.displayIdx = []any{}, map[string][]int{}
		}
		return
	}
	if r.clearNext && o.Kind != display.UpdateDisplayData {
		r.outputs, r.displayIdx, r.clearNext = []any{}, map[string][]int{}, false
	}
	metadata := map[string]any{}
	for k, v := range o.Metadata {
		metadata[k] = v
	}
	switch o.Kind {
	case display.Stream:
		name := o.Name
		if name != "stderr" {
			name = "stdout"
		}
		fmt.Fprint(r.out, o.Text)
		// Consecutive stream outputs of one name merge, as in Jupyter.
		if n := len(r.outputs); n > 0 {
			if last, ok := r.outputs[n-1].(map[string]any); ok && last["output_type"] == "stream" && last["name"] == name {
				last["text"] = joinSource(last["text"]) + o.Text
				return
			}
		}
		r.outputs = append(r.outputs, map[string]any{"output_type": "stream", "name": name, "text": o.Text})
	case display.DisplayData:
		if isSpinner(o) {
			// A progress display removed when the computation ends: it is
			// not an output of the cell.
			r.transient[o.DisplayID] = true
			return
		}
		r.printText(o.Data)
		if o.DisplayID != "" {
			r.displayIdx[o.DisplayID] = append(r.displayIdx[o.DisplayID], len(r.outputs))
		}
		r.outputs = append(r.outputs, map[string]any{"output_type": "display_data", "data": bundle(o.Data), "metadata": metadata})
	case display.UpdateDisplayData:
		if r.transient[o.DisplayID] {
			return
		}
		for _, i := range r.displayIdx[o.DisplayID] {
			if out, ok := r.outputs[i].(map[string]any); ok {
				out["data"], out["metadata"] = bundle(o.Data), metadata
			}
		}
	case display.ExecuteResult:
		r.printText(o.Data)
		r.outputs = append(r.outputs, map[string]any{"output_type": "execute_result", "execution_count": count, "data": bundle(o.Data), "metadata": metadata})
	case display.Error:
		fmt.Fprintln(r.out, strings.Join(o.Traceback, "\n"))
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		r.outputs = append(r.outputs, map[string]any{"output_type": "error", "ename": o.EName, "evalue": o.EValue, "traceback": tb})
	}
}

func (r *runner) printText(data display.MIMEBundle) {
	if text, ok := data["text/plain"].(string); ok && text != "" {
		fmt.Fprintln(r.out, text)
	}
}

// bundle converts a MIME bundle to nbformat: text values become lists of lines.
func bundle(data display.MIMEBundle) map[string]any {
	out := map[string]any{}
	for mime, v := range data {
		if s, ok := v.(string); ok && (strings.HasPrefix(mime, "text/") || mime == "image/svg+xml") {
			out[mime] = splitSource(s)
			continue
		}
		out[mime] = v
	}
	return out
}

// isSpinner reports whether o is the progress display of a cached call.
func isSpinner(o display.Output) bool {
	g, _ := o.Metadata["gocell"].(map[string]any)
	spinner, _ := g["spinner"].(bool)
	return spinner
}

// notebookModules reads metadata.gocell.modules: the modules the notebook
// asked for with %go get, as "path@version".
func notebookModules(nb map[string]any) []string {
	meta, _ := nb["metadata"].(map[string]any)
	g, _ := meta["gocell"].(map[string]any)
	list, _ := g["modules"].([]any)
	var out []string
	for _, m := range list {
		if s, ok := m.(string); ok && strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// setNotebookModules records the notebook's modules in its metadata.
func setNotebookModules(nb map[string]any, mods []string) {
	meta, ok := nb["metadata"].(map[string]any)
	if !ok {
		meta = map[string]any{}
		nb["metadata"] = meta
	}
	g, ok := meta["gocell"].(map[string]any)
	if !ok {
		g = map[string]any{}
		meta["gocell"] = g
	}
	list := make([]any, len(mods))
	for i, m := range mods {
		list[i] = m
	}
	g["modules"] = list
}
