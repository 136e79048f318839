//go:build !linux

package proto

import (
	"os/exec"
	"syscall"
)

// setProcAttr puts the executor in its own process group, so that a SIGINT
// sent to the kernel's group does not kill it.
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}
