package kernel

import (
	"encoding/json"
	"path"

	"github.com/go-zeromq/zmq4"
)

// historyEntry is one stored execution of this kernel session.
type historyEntry struct {
	line   int
	input  string
	output string // text/plain of the result, if any
}

// historySession is the session number history entries carry. History is
// kept in memory for the life of the kernel process, which is one session.
const historySession = 1

type historyRequestContent struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

func decodeContent(msg *Message, v any) error { return json.Unmarshal(msg.Content, v) }

// historyRequest answers tail, range and search requests.
func (k *Kernel) historyRequest(sock zmq4.Socket, req *Message) error {
	var r historyRequestContent
	_ = decodeContent(req, &r)
	k.mu.Lock()
	entries := append([]historyEntry(nil), k.history...)
	k.mu.Unlock()

	var picked []historyEntry
	switch r.HistAccessType {
	case "tail":
		picked = lastN(entries, r.N)
	case "range":
		// Session 0 or a negative session means the current one.
		if r.Session <= 0 || r.Session == historySession {
			for _, e := range entries {
				if e.line >= r.Start && (r.Stop <= 0 || e.line < r.Stop) {
					picked = append(picked, e)
				}
			}
		}
	case "search":
		pattern := r.Pattern
		if pattern == "" {
			pattern = "*"
		}
		seen := map[string]bool{}
		// Walk newest first so that unique keeps the latest of each input.
		for i := len(entries) - 1; i >= 0; i-- {
			e := entries[i]
			if ok, _ := path.Match(pattern, e.input); !ok {
				continue
			}
			if r.Unique {
				if seen[e.input] {
					continue
				}
				seen[e.input] = true
			}
			picked = append([]historyEntry{e}, picked...)
		}
		picked = lastN(picked, r.N)
	}
	history := make([]any, 0, len(picked))
	for _, e := range picked {
		if r.Output {
			history = append(history, []any{historySession, e.line, []any{e.input, e.output}})
		} else {
			history = append(history, []any{historySession, e.line, e.input})
		}
	}
	k.reply(sock, req, "history_reply", map[string]any{"status": "ok", "history": history})
	return nil
}

// lastN returns the last n entries (all of them when n <= 0).
func lastN(entries []historyEntry, n int) []historyEntry {
	if n > 0 && len(entries) > n {
		return entries[len(entries)-n:]
	}
	return entries
}
