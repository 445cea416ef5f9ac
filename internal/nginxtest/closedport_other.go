//go:build !unix

package nginxtest

import (
	"net"
	"testing"
)

// ClosedPort is a 127.0.0.1 port that nothing listens on. Without unix
// sockets to hold it, it is a port that was free a moment ago.
func ClosedPort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}
