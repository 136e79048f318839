package kernel

import (
	"encoding/json"
	"runtime"
	"strings"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/proto"
)

// dispatch serves one request with the status discipline every front end
// relies on: busy (parent = request), side effects, the reply, idle.
func (k *Kernel) dispatch(sock zmq4.Socket, req *Message) {
	var handler func(zmq4.Socket, *Message) error
	switch req.Header.MsgType {
	case "kernel_info_request":
		handler = k.kernelInfo
	case "execute_request":
		handler = k.execute
	case "complete_request":
		handler = k.complete
	case "inspect_request":
		handler = k.inspect
	case "is_complete_request":
		handler = k.isComplete
	case "history_request":
		handler = k.historyRequest
	case "comm_info_request":
		handler = func(s zmq4.Socket, m *Message) error {
			k.reply(s, m, "comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}})
			return nil
		}
	case "comm_open":
		handler = k.commOpen
	case "comm_msg", "comm_close":
		handler = func(zmq4.Socket, *Message) error { return nil } // no comms of our own
	case "shutdown_request":
		handler = k.shutdown
	case "interrupt_request":
		handler = func(s zmq4.Socket, m *Message) error {
			k.exec.interrupt()
			k.reply(s, m, "interrupt_reply", map[string]any{"status": "ok"})
			return nil
		}
	default:
		k.log.Printf("ignored a message of unknown type %q", req.Header.MsgType)
		return
	}
	k.publishStatus(req, "busy")
	if err := handler(sock, req); err != nil {
		k.log.Printf("%s: %v", req.Header.MsgType, err)
	}
	k.publishStatus(req, "idle")
}

func (k *Kernel) kernelInfo(sock zmq4.Socket, req *Message) error {
	k.reply(sock, req, "kernel_info_reply", map[string]any{
		"status":                 "ok",
		"protocol_version":       ProtocolVersion,
		"implementation":         "gocell",
		"implementation_version": Version,
		"language_info": map[string]any{
			"name":            "go",
			"version":         strings.TrimPrefix(runtime.Version(), "go"),
			"mimetype":        "text/x-go",
			"file_extension":  ".go",
			"pygments_lexer":  "go",
			"codemirror_mode": "go",
		},
		"banner":     "gocell " + Version + " — Go in Jupyter, interpreted by yaegi, with function caching",
		"debugger":   false,
		"help_links": []map[string]string{{"text": "Go documentation", "url": "https://go.dev/doc/"}, {"text": "Go standard library", "url": "https://pkg.go.dev/std"}},
	})
	return nil
}

type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      bool              `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

func (k *Kernel) execute(sock zmq4.Socket, req *Message) error {
	var r executeRequest
	if err := json.Unmarshal(req.Content, &r); err != nil {
		k.reply(sock, req, "execute_reply", map[string]any{"status": "error", "ename": "BadRequest",
			"evalue": "execute_request content is not valid: " + err.Error(), "traceback": []string{}, "execution_count": k.count()})
		return nil
	}
	store := r.StoreHistory == nil || *r.StoreHistory
	if r.Silent {
		store = false // the protocol: silent implies store_history=false
	}
	stopOnError := r.StopOnError == nil || *r.StopOnError

	k.mu.Lock()
	if store {
		k.executionCount++
	}
	count := k.executionCount
	k.lastExecute = req
	k.mu.Unlock()

	if !r.Silent {
		k.publish(req, "execute_input", map[string]any{"code": r.Code, "execution_count": count})
	}
	// Let the IOPub writers put busy and execute_input on the wire before
	// the cell starts: the kernel runs on one P (see main), where they would
	// otherwise wait until this goroutine blocks on the executor, and the
	// front end reads them while the cell runs instead of after.
	runtime.Gosched()
	reply, resultText := k.exec.execute(req, proto.Request{
		Type:            proto.ReqExecute,
		Code:            r.Code,
		Silent:          r.Silent,
		StoreHistory:    store,
		AllowStdin:      r.AllowStdin,
		ExecutionCount:  count,
		UserExpressions: r.UserExpressions,
	}, count)

	if store {
		k.mu.Lock()
		k.history = append(k.history, historyEntry{line: count, input: r.Code, output: resultText})
		k.mu.Unlock()
	}

	content := map[string]any{"status": reply.Status, "execution_count": count}
	switch reply.Status {
	case "ok":
		ue := map[string]any{}
		for name, v := range reply.UserExpressions {
			ue[name] = v
		}
		content["user_expressions"] = ue
		content["payload"] = []any{}
	case "error":
		tb := reply.Traceback
		if tb == nil {
			tb = []string{}
		}
		content["ename"], content["evalue"], content["traceback"] = reply.EName, reply.EValue, tb
	}
	if reply.Status == "error" && stopOnError {
		// Abort what the client queued behind this cell, before it hears of
		// the error: requests it sends after the reply run normally.
		k.waitForBurst()
		k.takeQueuedExecutes()
	}
	k.reply(sock, req, "execute_reply", content)
	return nil
}

// takeQueuedExecutes moves the execute requests now waiting in the shell
// queue to toAbort; other requests go back in order.
func (k *Kernel) takeQueuedExecutes() {
	var keep []*Message
	for {
		select {
		case msg := <-k.shellQueue:
			if msg.Header.MsgType == "execute_request" {
				k.toAbort = append(k.toAbort, msg)
			} else {
				keep = append(keep, msg)
			}
			continue
		default:
		}
		break
	}
	for _, msg := range keep {
		k.shellQueue <- msg
	}
}

// abortQueued answers the executions queued behind a failed one with
// status "aborted", as stop_on_error asks, without running them.
func (k *Kernel) abortQueued() {
	for _, msg := range k.toAbort {
		k.publishStatus(msg, "busy")
		// No execution_count, as ipykernel: front ends show a count as "this
		// cell ran" (Run All would number every skipped cell).
		k.reply(k.shell, msg, "execute_reply", map[string]any{"status": "aborted"})
		k.publishStatus(msg, "idle")
	}
	k.toAbort = nil
}

func (k *Kernel) count() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.executionCount
}

func (k *Kernel) complete(sock zmq4.Socket, req *Message) error {
	var r struct {
		Code      string `json:"code"`
		CursorPos *int   `json:"cursor_pos"`
	}
	_ = json.Unmarshal(req.Content, &r)
	cursor := len([]rune(r.Code))
	if r.CursorPos != nil && *r.CursorPos >= 0 && *r.CursorPos <= cursor {
		cursor = *r.CursorPos
	}
	reply := k.exec.call(proto.Request{Type: proto.ReqComplete, Code: r.Code, CursorPos: cursor})
	matches := reply.Matches
	if matches == nil {
		matches = []string{}
	}
	types := make([]map[string]any, 0, len(reply.Completions))
	for _, c := range reply.Completions {
		types = append(types, map[string]any{"text": c.Text, "type": c.Type, "signature": c.Signature, "start": c.Start, "end": c.End})
	}
	start, end := reply.CursorStart, reply.CursorEnd
	if reply.Status != "ok" {
		start, end = cursor, cursor
	}
	k.reply(sock, req, "complete_reply", map[string]any{
		"status": "ok", "matches": matches, "cursor_start": start, "cursor_end": end,
		"metadata": map[string]any{"_jupyter_types_experimental": types},
	})
	return nil
}

func (k *Kernel) inspect(sock zmq4.Socket, req *Message) error {
	var r struct {
		Code        string `json:"code"`
		CursorPos   *int   `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	_ = json.Unmarshal(req.Content, &r)
	cursor := len([]rune(r.Code))
	if r.CursorPos != nil && *r.CursorPos >= 0 && *r.CursorPos <= cursor {
		cursor = *r.CursorPos
	}
	reply := k.exec.call(proto.Request{Type: proto.ReqInspect, Code: r.Code, CursorPos: cursor, DetailLevel: r.DetailLevel})
	data := map[string]any{}
	for mime, v := range reply.Data {
		data[mime] = v
	}
	k.reply(sock, req, "inspect_reply", map[string]any{"status": "ok", "found": reply.Found, "data": data, "metadata": map[string]any{}})
	return nil
}

func (k *Kernel) isComplete(sock zmq4.Socket, req *Message) error {
	var r struct {
		Code string `json:"code"`
	}
	_ = json.Unmarshal(req.Content, &r)
	status, indent := cell.IsComplete(r.Code)
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	k.reply(sock, req, "is_complete_reply", content)
	return nil
}

// commOpen closes every comm a front end opens: gocell registers no comm
// targets, and the protocol asks for a comm_close in that case.
func (k *Kernel) commOpen(sock zmq4.Socket, req *Message) error {
	var r struct {
		CommID string `json:"comm_id"`
	}
	_ = json.Unmarshal(req.Content, &r)
	k.publish(req, "comm_close", map[string]any{"comm_id": r.CommID, "data": map[string]any{}})
	return nil
}

func (k *Kernel) shutdown(sock zmq4.Socket, req *Message) error {
	var r struct {
		Restart bool `json:"restart"`
	}
	_ = json.Unmarshal(req.Content, &r)
	k.exec.stop()
	k.reply(sock, req, "shutdown_reply", map[string]any{"status": "ok", "restart": r.Restart})
	// The idle status is published by dispatch after this returns; end the
	// kernel just after, once IOPub has had the chance to send it.
	go func() {
		time.Sleep(50 * time.Millisecond)
		k.cancel()
	}()
	return nil
}
