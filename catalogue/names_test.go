package catalogue

import "testing"

func TestNamesApply(t *testing.T) {
	for _, c := range []struct {
		names    Names
		in, want string
	}{
		{Names{Addr: "127.0.0.1:8443"}, "  openssl s_client -connect host:443 -servername host </dev/null",
			"  openssl s_client -connect 127.0.0.1:8443 </dev/null"},
		{Names{Addr: "127.0.0.1:8443", SNI: "api.example.com"}, "  openssl s_client -connect host:443 -tls1_2 </dev/null",
			"  openssl s_client -connect 127.0.0.1:8443 -servername api.example.com -tls1_2 </dev/null"},
		{Names{Addr: "127.0.0.1:8443", SNI: "api.example.com"}, "  openssl s_client -connect host:443 -servername host -showcerts",
			"  openssl s_client -connect 127.0.0.1:8443 -servername api.example.com -showcerts"},
		{Names{Addr: "[::1]:443", SNI: "a.test"}, "  curl -sv https://host:443/ -o /dev/null",
			"  curl -sv https://a.test:443/ -o /dev/null --resolve a.test:443:::1"},
		{Names{Addr: "127.0.0.1:8443", Cert: "/etc/c/my client.crt", Key: "/k.key"}, "  openssl s_client -connect host:443 -cert client.crt -key client.key",
			"  openssl s_client -connect 127.0.0.1:8443 -cert '/etc/c/my client.crt' -key /k.key"},
		{Names{Cert: "a.crt", Key: "a.key"}, "  cp /srv/client.crt.bak x; cat myclient.crt", "  cp /srv/client.crt.bak x; cat myclient.crt"},
		{Names{Addr: "127.0.0.1:8443"}, "Run host:443 first, then:", "Run host:443 first, then:"},
		{Names{Addr: "127.0.0.1:8443"}, "  mtlsdoctor probe host:443 --cert client.crt --key client.key",
			"  mtlsdoctor probe 127.0.0.1:8443 --cert client.crt --key client.key"},
		{Names{CAFile: "/srv/ca.pem"}, "  cat int.crt >> /etc/nginx/client-ca.pem", "  cat int.crt >> /srv/ca.pem"},
		{Names{CAFile: "/srv/ca.pem"}, "  cat int.crt root.crt > /etc/nginx/client-ca.pem", "  cat int.crt root.crt > /etc/nginx/client-ca.pem"},
		{Names{CAFile: "/srv/ca.pem"}, "  openssl verify -CAfile /etc/nginx/client-ca.pem x", "  openssl verify -CAfile /srv/ca.pem x"},
	} {
		if got := c.names.Apply(c.in); got != c.want {
			t.Errorf("%+v.Apply(%q)\n got %q\nwant %q", c.names, c.in, got, c.want)
		}
	}
}
