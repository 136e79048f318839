package proto

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for an executor that dies the way
// a real one does on a fatal runtime error: it says why on stderr and exits.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "executor" && os.Getenv("GOCELL_FAKE_EXECUTOR") != "" {
		fakeExecutor(os.Getenv("GOCELL_FAKE_EXECUTOR"))
		return
	}
	os.Exit(m.Run())
}

func fakeExecutor(mode string) {
	in, out := os.NewFile(3, "requests"), os.NewFile(4, "events")
	enc := json.NewEncoder(out)
	_ = enc.Encode(Event{Type: EvReady})
	dec := json.NewDecoder(bufio.NewReader(in))
	for {
		var req Request
		if dec.Decode(&req) != nil {
			os.Exit(0)
		}
		switch mode {
		case "crash":
			_ = enc.Encode(Event{ID: req.ID, Type: EvOutput})
			fmt.Fprintln(os.Stderr, "runtime: goroutine stack exceeds 268435456-byte limit")
			fmt.Fprintln(os.Stderr, "fatal error: stack overflow")
			fmt.Fprintln(os.Stderr, "goroutine 1 [running]:")
			os.Exit(2)
		case "quiet":
			fmt.Fprintln(os.Stderr, "something went wrong")
			os.Exit(3)
		default:
			_ = enc.Encode(Event{ID: req.ID, Type: EvDone, Reply: &Reply{Status: "ok"}})
		}
	}
}

func startFake(t *testing.T, mode string) *Client {
	t.Helper()
	t.Setenv("GOCELL_FAKE_EXECUTOR", mode)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	c, err := StartExecutor(exe, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(time.Second) })
	return c
}

func TestCallAnswers(t *testing.T) {
	c := startFake(t, "ok")
	r, err := c.Call(Request{Type: ReqExecute, Code: "1"}, nil)
	if err != nil || r.Status != "ok" {
		t.Fatalf("Call = %+v, %v", r, err)
	}
}

// An executor that dies mid-request is a *DiedError with the runtime's
// account of why; the events it sent before dying are still delivered.
func TestExecutorDeathIsTyped(t *testing.T) {
	c := startFake(t, "crash")
	var events int
	_, err := c.Call(Request{Type: ReqExecute, Code: "f()"}, func(Event) { events++ })
	var died *DiedError
	if !errors.As(err, &died) {
		t.Fatalf("error %v (%T) is not a *DiedError", err, err)
	}
	if died.Status != "exit status 2" {
		t.Errorf("Status = %q", died.Status)
	}
	if !strings.Contains(died.Cause, "fatal error: stack overflow") || strings.Contains(died.Cause, "goroutine 1") {
		t.Errorf("Cause = %q", died.Cause)
	}
	if got := died.Detail(); !strings.HasPrefix(got, "(exit status 2): ") || !strings.Contains(got, "stack overflow") {
		t.Errorf("Detail = %q", got)
	}
	if events != 1 {
		t.Errorf("%d events delivered before the death, want 1", events)
	}
	// A later call on the dead client fails the same way, at once.
	if _, err := c.Call(Request{Type: ReqComplete}, nil); !errors.As(err, &died) {
		t.Errorf("second call: %v", err)
	}
}

// Without a runtime cause, the error carries the last stderr lines.
func TestExecutorDeathWithoutCause(t *testing.T) {
	c := startFake(t, "quiet")
	_, err := c.Call(Request{Type: ReqExecute}, nil)
	var died *DiedError
	if !errors.As(err, &died) {
		t.Fatalf("error %v is not a *DiedError", err)
	}
	if died.Cause != "" || died.Detail() != "(exit status 3)\nsomething went wrong" {
		t.Errorf("Cause %q, Detail %q", died.Cause, died.Detail())
	}
}
