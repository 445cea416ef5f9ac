package nginxtest

import (
	"os/exec"
	"syscall"
)

// setProcAttr makes the kernel kill nginx when the test binary dies (for
// example on a `go test -timeout` panic), so that no nginx outlives it.
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
