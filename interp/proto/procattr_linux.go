package proto

import (
	"os/exec"
	"syscall"
)

// setProcAttr puts the executor in its own process group, so that a SIGINT
// sent to the kernel's group (Jupyter's signal interrupt mode, or Ctrl-C in
// a terminal) reaches the kernel, which turns it into a cell interrupt, and
// does not kill the executor; and it makes the executor die with the kernel.
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
