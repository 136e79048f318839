package kernel

import (
	"testing"
	"time"
)

func TestAbortWindow(t *testing.T) {
	var w abortWindow
	failed := time.Date(2026, 1, 2, 3, 4, 5, 600_000_000, time.UTC)
	msg := func(session string, sent time.Time) *Message {
		return &Message{Header: Header{Session: session, Date: sent.Format(time.RFC3339Nano)}}
	}
	if w.abortsLate(msg("s", failed.Add(-time.Second)), failed) {
		t.Fatal("the zero window aborts nothing")
	}
	w.failedAt("s", failed)
	cases := []struct {
		name    string
		msg     *Message
		arrived time.Time
		want    bool
	}{
		{"sent before the error, arrives just after", msg("s", failed.Add(-time.Millisecond)), failed.Add(20 * time.Millisecond), true},
		{"sent after the error reply", msg("s", failed.Add(time.Millisecond)), failed.Add(20 * time.Millisecond), false},
		{"another client's session", msg("other", failed.Add(-time.Millisecond)), failed.Add(20 * time.Millisecond), false},
		{"past the window", msg("s", failed.Add(-time.Millisecond)), failed.Add(lateAbortWindow + time.Millisecond), false},
		{"no date", &Message{Header: Header{Session: "s"}}, failed.Add(time.Millisecond), false},
		{"a date without fractions", &Message{Header: Header{Session: "s", Date: "2026-01-02T03:04:05Z"}}, failed.Add(time.Millisecond), true},
	}
	for _, c := range cases {
		if got := w.abortsLate(c.msg, c.arrived); got != c.want {
			t.Errorf("%s: abortsLate = %v, want %v", c.name, got, c.want)
		}
	}
}
