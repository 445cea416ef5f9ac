package safefile

import "syscall"

// pseudoFSMagic are the file systems whose files are views of the kernel,
// not data: statfs(2) f_type values from linux/magic.h.
var pseudoFSMagic = map[int64]string{
	0x9fa0:     "procfs",
	0x62656572: "sysfs",
	0x64626720: "debugfs",
	0x74726163: "tracefs",
	0x73636673: "securityfs",
	0x62656570: "configfs",
	0xcafe4a11: "bpffs",
}

// pseudoFS names the pseudo file system path is on, or "".
func pseudoFS(path string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return ""
	}
	return pseudoFSMagic[int64(st.Type)]
}
