//go:build !linux

package nginxtest

import "os/exec"

// setProcAttr does nothing outside Linux (no parent-death signal).
func setProcAttr(cmd *exec.Cmd) {}
