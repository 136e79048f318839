package interp

import "strings"

// notePipeUse makes the output streams keep the order of text written to
// os.Stdout or os.Stderr as files (io.Copy(os.Stdout, r), fmt.Fprintln(os.Stdout))
// and of text printed through fmt, from the first cell that uses them on:
// only then does each print cost a look at the pipe (streams.go).
func (s *Session) notePipeUse(code string) {
	if s.stdout != nil && strings.Contains(code, "os.Stdout") {
		s.stdout.watchPipe.Store(true)
	}
	if s.stderr != nil && strings.Contains(code, "os.Stderr") {
		s.stderr.watchPipe.Store(true)
	}
}
