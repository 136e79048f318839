package proto

import (
	"encoding/json"

	"github.com/gocell/gocell/display"
)

// The executor protocol: the kernel writes Requests to the executor and reads
// Events back, one JSON object per line on each pipe. JSON escapes newlines
// inside strings, so a line is always one whole message, and the protocol
// needs no framing of its own.

// Request types the kernel sends.
const (
	ReqExecute    = "execute"     // run a cell
	ReqComplete   = "complete"    // completion at a cursor
	ReqInspect    = "inspect"     // documentation at a cursor
	ReqInterrupt  = "interrupt"   // cancel the running cell (handled while busy)
	ReqInputReply = "input_reply" // a line of stdin the front end sent (handled while busy)
	ReqRestore    = "restore"     // bring back the notebook from the snapshot directory, after a restart
	ReqShutdown   = "shutdown"    // finish and exit
)

// Event types the executor sends.
const (
	EvOutput       = "output"        // a display.Output of the running request
	EvInputRequest = "input_request" // the cell reads stdin: ask the front end
	EvDone         = "done"          // the request finished; Reply holds the result
	EvReady        = "ready"         // sent once at start, when the executor accepts requests
)

// Request is one message from the kernel to the executor.
type Request struct {
	ID   uint64 `json:"id"`
	Type string `json:"type"`

	// execute
	Code            string            `json:"code,omitempty"`
	Silent          bool              `json:"silent,omitempty"`
	StoreHistory    bool              `json:"store_history,omitempty"`
	AllowStdin      bool              `json:"allow_stdin,omitempty"`
	ExecutionCount  int               `json:"execution_count,omitempty"`
	UserExpressions map[string]string `json:"user_expressions,omitempty"`

	// complete, inspect
	CursorPos   int `json:"cursor_pos,omitempty"` // in Unicode code points
	DetailLevel int `json:"detail_level,omitempty"`

	// input_reply
	Value string `json:"value,omitempty"`
}

// Event is one message from the executor to the kernel.
type Event struct {
	ID   uint64 `json:"id"` // the request it belongs to
	Type string `json:"type"`

	Output *display.Output `json:"output,omitempty"` // EvOutput

	Prompt   string `json:"prompt,omitempty"` // EvInputRequest
	Password bool   `json:"password,omitempty"`

	Reply *Reply `json:"reply,omitempty"` // EvDone
}

// Reply is the result of a request, sent with EvDone.
type Reply struct {
	Status    string   `json:"status"` // "ok", "error" or "aborted"
	EName     string   `json:"ename,omitempty"`
	EValue    string   `json:"evalue,omitempty"`
	Traceback []string `json:"traceback,omitempty"`

	// execute
	UserExpressions map[string]json.RawMessage `json:"user_expressions,omitempty"`
	// Restart asks the kernel to replace the executor: an interrupted cell
	// could not be stopped and might resume later.
	Restart bool `json:"restart,omitempty"`

	// complete
	Matches     []string         `json:"matches,omitempty"`
	CursorStart int              `json:"cursor_start,omitempty"`
	CursorEnd   int              `json:"cursor_end,omitempty"`
	Completions []CompletionItem `json:"completions,omitempty"`

	// inspect
	Found bool               `json:"found,omitempty"`
	Data  display.MIMEBundle `json:"data,omitempty"`

	// restore: the variables whose values could not be brought back, one
	// entry each with the reason ("ch (chan int): cannot be saved: ...")
	Lost []string `json:"lost,omitempty"`
}

// CompletionItem describes one completion match for JupyterLab's
// _jupyter_types_experimental metadata.
type CompletionItem struct {
	Text      string `json:"text"`
	Type      string `json:"type"`
	Signature string `json:"signature,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}
