//go:build unix

package nginxtest

import (
	"strconv"
	"syscall"
	"testing"
)

// ClosedPort is a 127.0.0.1 port that nothing listens on, for the whole
// test: a socket is bound to it but never listens, so a connection is
// refused, and no other socket (a parallel test's listener, or the local
// end of an outgoing connection) can take the port while it is held.
// Listening and closing again would free the port for anyone.
func ClosedPort(t testing.TB) string {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	in4, ok := sa.(*syscall.SockaddrInet4)
	if !ok {
		t.Fatalf("bound to %T", sa)
	}
	return "127.0.0.1:" + strconv.Itoa(in4.Port)
}
