package checks

import (
	"context"
	"crypto/tls"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
)

// BenchmarkProbeOtherServers is one whole probe (every attempt and
// version, with a client certificate) of a server on loopback, and its
// findings.
func BenchmarkProbeOtherServers(b *testing.B) {
	files := newServerFiles(b)
	c, err := certset.LoadKeyPair(probeFx(b, "good/client.crt"), probeFx(b, "good/client.key"), certset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range []struct {
		name string
		addr string
	}{
		{"s_server -Verify", servertest.SServer(b, "-cert", files.cert, "-key", files.key, "-Verify", "1", "-CAfile", files.cas, "-verify_return_error", "-www")},
		{"Go RequireAndVerifyClientCert", servertest.GoServer(b, &tls.Config{Certificates: []tls.Certificate{files.serverCert}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: files.pool})},
	} {
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				res := probe.Probe(context.Background(), s.addr, probe.Options{ClientCert: &c, RootCAs: files.pool, Timeout: 5 * time.Second})
				if len(ProbeFindings(&res, ProbeOptions{})) == 0 {
					b.Fatal("no findings")
				}
			}
		})
	}
}
