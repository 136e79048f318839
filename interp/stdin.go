package interp

import (
	"context"
	"errors"
	"io"
	"sync"

	"github.com/gocell/gocell/interp/interrupt"
)

// errNoStdin is what a cell reading stdin gets when the front end cannot answer.
var errNoStdin = errors.New("stdin is not available: this request does not allow input " +
	"(the front end sent allow_stdin=false); run the cell from a notebook or console that accepts input")

// stdinReader is the interpreter's os.Stdin and the source of fmt.Scan*:
// each read that needs data asks the front end for a line.
type stdinReader struct {
	mu       sync.Mutex
	ctx      context.Context
	allowed  bool
	denied   bool // the running cell read stdin while input was not allowed
	input    func(prompt string, password bool) (string, error)
	before   func() // flushes stdout so a printed prompt shows before the input box
	buf      []byte
	asReader io.Reader // the reader itself, typed io.Reader for os.Stdin
}

func (r *stdinReader) begin(ctx context.Context, allowed bool, input func(string, bool) (string, error)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ctx, r.allowed, r.input, r.buf = ctx, allowed && input != nil, input, nil
	r.denied = false
	r.asReader = r
}

func (r *stdinReader) end() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ctx, r.allowed, r.input, r.buf = nil, false, nil, nil
}

// Read hands out buffered input, asking the front end for a new line when
// the buffer is empty.
func (r *stdinReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.buf) == 0 {
		if r.ctx == nil {
			return 0, io.EOF // no cell is running
		}
		if !r.allowed {
			r.denied = true
			return 0, errNoStdin
		}
		if r.before != nil {
			r.before()
		}
		line, err := r.input("", false)
		if err != nil {
			if r.ctx.Err() != nil {
				interrupt.Hold() // interrupted: the cell must not go on
			}
			return 0, err
		}
		r.buf = append(r.buf, line...)
		r.buf = append(r.buf, '\n')
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// deniedError is the running cell's error when it read stdin while the
// front end did not allow input: fmt.Scanln's error is easy to ignore, and
// the cell would then go on with an empty answer as if the user gave it.
func (r *stdinReader) deniedError() *CellError {
	r.mu.Lock()
	denied := r.denied
	r.mu.Unlock()
	if !denied {
		return nil
	}
	return &CellError{EName: "StdinNotAllowed", EValue: errNoStdin.Error(),
		Traceback: []string{"StdinNotAllowed: " + errNoStdin.Error()}}
}
