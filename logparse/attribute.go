package logparse

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// Roles a line's writer plays in the failing handshake.
const (
	RoleServer = "server"
	RoleClient = "client"
)

// Contexts of nginx acting as a TLS client (Attribution.Context).
const (
	CtxUpstream = "upstream" // proxy_pass/grpc_pass https://: proxy_ssl_*
	CtxLua      = "lua"      // Lua cosockets: lua_ssl_*
	CtxOCSP     = "ocsp"     // fetching OCSP responses: ssl_stapling*, resolver
	CtxNJS      = "njs"      // njs's ngx.fetch(): js_fetch_*
)

// Attribution says who wrote a line and its part in the failing TLS
// handshake: Reporter is the program (nginx, curl, openssl, go, python,
// java, node, browser, haproxy, apache, envoy, unknown), Role is "server"
// (it is the TLS server: nginx judging a client certificate or receiving a
// client's alert) or "client" (it is the TLS client: nginx to an upstream,
// a Lua cosocket, nginx fetching OCSP, curl, s_client, a Go client...).
// Context, for nginx as a client, says which of its clients: upstream,
// lua or ocsp.
type Attribution struct {
	Reporter, Role, Context string
	// Guessed is set when nothing in the line showed the role: a received
	// certificate_unknown taken as the server's, the more common case.
	Guessed bool
	// Program names, for a writer outside nginx, the program or runtime
	// whose settings the fix is told in (php, git, rust, ruby, dotnet,
	// mosquitto, openvpn, kubectl, helm, docker), when the line shows it.
	Program string
}

// programWords name a program by its words; the first that the line
// holds decides.
// wpaSupplicantWords are wpa_supplicant's own words (and NetworkManager's
// or Android's running it): the EAP peer, the TLS client of the RADIUS
// server.
var wpaSupplicantWords = []string{"wpa_supplicant", "ctrl-event-eap-", "openssl: tls_connection_", "openssl: tls_read_pkcs12", "ssl3 alert: write (local", "ssl3 alert: read (remote",
	"tls: certificate verification failed, error", "eap-tls:", "eap-peap:", "eap-ttls:"}

var programWords = []struct {
	program string
	any     []string
}{
	// openssl verify's "error 20 at 0 depth lookup: ...".
	// (not libcurl's "SSL certificate OpenSSL verify result: ...")
	{"openssl-verify", []string{" depth lookup:", "openssl verify -", "openssl verify ca", "$ openssl verify"}},
	{"wpa_supplicant", wpaSupplicantWords},
	{"traefik", []string{"traefik", "error forwarding to"}},
	{"consul", []string{"consul"}},
	{"beats", []string{"filebeat", "metricbeat", "libbeat", "heartbeat", "packetbeat"}},
	{"step", []string{"step ca", "step-ca", "/provisioners", "smallstep"}},
	{"erlang", []string{".erl:", "tls_alert", "{:tls_alert", "mint.transporterror", "hackney"}},
	{"grpc", []string{"tsi_protocol_failure", "ssl_transport_security", "grpc", "details = \""}},
	{"mysql", []string{"error 2026 (hy000)", "mysql", "mariadb"}},
	// MongoDB's words, not "mongo" inside another name (PokemonGo).
	{"mongo", []string{"mongodb", "mongod", "mongosh", "mongos ", "mongo shell", "mongo:", "[mongo", "mongo ", "mongo.", "mongo-", "mongo_", "pymongo", "mongoose", "mongoerror", "mongonetworkerror", "mongoserverselectionerror"}},
	{"postgres", []string{"psycopg", "libpq", "sslrootcert", "pgsslrootcert", "sslmode=", "psql:", "failed to write startup message", "could not accept ssl connection", "pg_hba.conf",
		"connection requires a valid client certificate", "certificate authentication failed for user",
		"could not load server certificate file", "could not load root certificate file", "could not access private key file", "fatal:  private key file", "fatal: private key file"}},
	{"httpie", []string{"http: error: sslerror", "httpie"}},
	{"rdkafka", []string{"rdkafka", "ssl.ca.location"}},
	{"clickhouse", []string{"db::netexception", "clickhouse"}},
	// apt's "E: Failed to fetch" (not "authorize: failed to fetch").
	{"apt", []string{"could not handshake: error in the certificate verification", " w: failed to fetch", " e: failed to fetch"}},
	{"php", []string{"composer", "packagist", ".php on line", "ssl operation failed with code", "stream_socket_client(", "file_get_contents(", "fsockopen(", "guzzle",
		"php warning", "php fatal", "php notice", "php message", "php-fpm", "php.ini"}},
	{"git", []string{"fatal: unable to access", "http.sslcainfo", "git clone", "git pull", "git fetch", "git push", ".git/"}},
	// Delphi's Indy and its TaurusTLS handler (whose name holds "rustls").
	{"delphi", []string{"etaurustls", "taurustls", "eidosslconnecterror", "eidosslunderlyingcryptoerror", "tidssliohandlersocketopenssl"}},
	{"rust", []string{"x509verifyerror", "midhandshakesslstream", "webpkierror", "invalid peer certificate", "rustls", "peer is incompatible: ", "peer misbehaved: ", "sending fatal alert ", "alertreceived(", "peerincompatible(", "peermisbehaved(", "invalidcertificate(", "invalid certificate: unknownissuer", "invalid certificate: notvalidforname", "reqwest"}},
	{"ruby", []string{"openssl::ssl::sslerror", "ssl_connect returned=", ".rb:", "faraday", "rubygems", "bundler::", "could not verify the ssl certificate for", "to your local trusted store"}},
	{"dotnet", []string{"remote certificate is invalid according to the validation procedure", "authenticationexception", "system.net.", "sslpolicyerrors", "interop+openssl",
		"could not create ssl/tls secure channel", "ssl/tls security channel could not be created", "the underlying connection was closed", "invoke-webrequest", "invoke-restmethod",
		"mailkit.", "npgsql", "unable to configure https endpoint",
		// its secure channel and trust messages in Portuguese and Spanish
		"canal seguro", "relação de confiança", "relación de confianza"}},
	{"mosquitto", []string{"mosquitto", "sending connect", "problem setting tls options", "error: unable to load client certificate \"", "error: unable to load client key file \"", "a tls error occurred", "client <unknown> disconnected", "error: the connection was lost"}},
	{"openvpn", []string{"openvpn", "verify error: depth=", "ovpn-", "tls_error: bio read tls_read_plaintext"}},
	// Grafana's server (its data sources), before the Loki words of their
	// URLs; Loki's clients.
	{"grafana", []string{"logger=context", "logger=tsdb", "logger=datasource", "grafana-server", "grafana["}},
	{"loki", []string{"promtail", "loki-tls", "/loki/api/v1/push", "grafana-agent", "grafana alloy"}},
	// cert-manager's controllers, before the Vault words of their errors.
	{"cert-manager", []string{"cert-manager", "issuers controller", "certificaterequests controller", "clusterissuer"}},
	// HashiCorp's, GitLab's, MinIO's and etcd's clients (Go).
	// (Vault's API paths, but not another API's /api/v1/auth/...)
	{"vault", []string{"vault_addr", "vault_cacert", "vault_skip_verify", "/v1/sys/", "/v1/auth/cert", "/v1/auth/approle", "/v1/auth/kubernetes", ":8200/"}},
	{"nomad", []string{"nomad", ":4646/"}},
	{"terraform", []string{"terraform", "failed to query available provider packages", "failed to install provider"}},
	{"gitlab-runner", []string{"gitlab-runner", "gitlab runner", "/api/v4/runners", "/api/v4/jobs/request"}},
	{"mc", []string{"mc: <erro", "mc alias", "mc admin", "/.mc/"}},
	{"etcd", []string{"etcdctl", ":2379/", ":2379:"}},
	{"kubectl", []string{"kubectl", "kubeconfig", "you must be logged in to the server", "unable to connect to the server", "10.96.0.1,", "kubelet[", ":6443/api", ":6443/apis"}},
	{"helm", []string{"helm "}},
	{"docker", []string{"podman", "skopeo", "buildah", "containers/certs.d", "docker pull", "docker login", "error response from daemon", "registry-1.docker.io",
		// the registry API's ping and paths (not any API's /v2/)
		"/v2/:", "/v2/\"", "/v2/ ", "/manifests/", "/blobs/"}},
}

// programOf is the program lower names, or "".
func programOf(lower string) string {
	// A certificate name is the server's, not the writer's: Traefik's
	// default certificate shown to some other client.
	lower = strings.ReplaceAll(lower, ".traefik.default", "")
	// Cesanta's embedded web server ("mongoose: mg_ssl_if_..."), not
	// MongoDB's Mongoose.
	lower = strings.ReplaceAll(lower, "mongoose: mg_", "")
	if strings.HasPrefix(lower, "e: failed to fetch") || strings.HasPrefix(lower, "w: failed to fetch") {
		return "apt"
	}
	if strings.Contains(lower, "plugin") && strings.Contains(lower, "traefik") {
		// A Traefik plugin's own HTTP client (a bouncer calling its API)
		// does not go through a serversTransport: the plugin's settings
		// are the fix.
		return ""
	}
	if strings.Contains(lower, "grafana.com/api/plugins/") {
		// grafana-cli fetching a plugin: the plugin's name in the URL
		// (a ClickHouse or MySQL data source) is not the writer's.
		return ""
	}
	if strings.Contains(lower, "failed calling webhook") {
		// The API server calling an admission webhook is the client;
		// the names in the line (cert-manager's webhook) are the server's.
		return ""
	}
	for _, p := range programWords {
		for _, w := range p.any {
			if strings.Contains(lower, w) {
				return p.program
			}
		}
	}
	if catalogue.RustlsWords(lower) {
		return "rust"
	}
	return ""
}

// attrRule attributes the lines that contain one of any (lower-case).
type attrRule struct {
	reporter, role, ctx string
	any                 []string
}

// attrRules are tried in order; the first whose substring the line holds
// decides. Narrow phrases (nginx as a client, a Go server's log) come
// before the wide ones of the same program.
var attrRules = []attrRule{
	// gnutls-cli's own lines ("*** Received alert [48]: CA is unknown")
	// and gnutls-serv's ("* Received alert '46': Unknown certificate.").
	{"unknown", RoleClient, "", []string{"*** received alert [", "*** fatal error: ", "*** pki verification of server certificate", "*** server has terminated the connection", "peer has closed the gnutls connection", "gnutls-cli"}},
	{"unknown", RoleServer, "", []string{"* received alert '", "gnutls-serv"}},
	// Go making a certificate for its own listener with a name outside
	// ASCII (Syncthing's GUI).
	{"go", RoleServer, "", []string{"cannot be encoded as an ia5string",
		// Receptor (AWX) checking its node ID in its own certificate
		"maininstance.nodeid="}},
	// node 11.2's https server crashing after it refused a client.
	{"node", RoleServer, "", []string{"'getalpnnegotiatedprotocol' of null"}},
	// libvirt's client API (virsh, vagrant-libvirt) opening a connection;
	// Racket making a client context.
	{"unknown", RoleClient, "", []string{"virconnectopen", "failed to connect to the hypervisor", "ssl-make-client-context"}},
	// Haskell's tls client waiting for the server's hello.
	{"unknown", RoleClient, "", []string{"expecting server hello, got alert"}},
	// Kestrel, ASP.NET Core's server: "Failed to authenticate HTTPS
	// connection." from its HTTPS middleware.
	{"unknown", RoleServer, "", []string{"failed to authenticate https connection", "httpsconnectionmiddleware", "httpsconnectionadapter", "authenticateasserver"}},
	// dockerd's API listener (--tlsverify) and the docker CLI, both reading
	// TLS files from ~/.docker (DOCKER_CERT_PATH).
	{"go", RoleServer, "", []string{"serveapi error"}},
	{"go", RoleClient, "", []string{"/.docker/", "docker_cert_path"}},
	// cupsd's log of a client's failed handshake ("[Client 50] Unable to
	// encrypt connection: ...").
	{"unknown", RoleServer, "", []string{"unable to encrypt connection"}},
	// vsftpd's fatal error to its client ("500 OOPS: ...").
	{"unknown", RoleServer, "", []string{"500 oops: "}},
	// The vault CLI's report of a failed API request ("Error making API
	// request. ... * tls connection required"): its "* " is a list mark.
	{"unknown", RoleClient, "", []string{"error making api request", "/v1/auth/cert/login",
		// its PKI engine refusing a request ("* the common_name field is
		// required ... unless \"require_cn\" is set to false")
		"require_cn", "use_csr_common_name"}},
	// go-ldap's errors ("LDAP Result Code 200 \"Network Error\": ..."),
	// in the Go programs that query a directory (Vault, Grafana).
	{"go", RoleClient, "", []string{"ldap result code "}},
	// OpenLDAP's clients (ldapsearch -ZZ, ldapwhoami): "ldap_start_tls:
	// Connect error (-11)", whose "tls: " is not Go's.
	{"unknown", RoleClient, "", []string{"ldap_start_tls",
		// SSSD's LDAP client and its libldap debug lines
		"libldap: tls:", "[sss_ldap",
		// chronyd's NTS-KE client: "TLS handshake with ADDR (NAME) failed"
		"chronyd[",
		// kdig's DNS-over-TLS queries (";; WARNING: TLS, handshake failed")
		";; warning: tls,"}},
	// ClickHouse's server loading its own certificate and key ("<Error>
	// CertificateReloader: Poco::Exception ..."), not Java's exception.
	{"unknown", RoleServer, "", []string{"certificatereloader", "/etc/clickhouse-server/"}},
	// Exim on GnuTLS: "TLS error on connection from [192.0.2.1]
	// (gnutls_handshake): ..." as the server, "... to ..." as the client.
	{"unknown", RoleServer, "", []string{"tls error on connection from"}},
	{"unknown", RoleClient, "", []string{"tls error on connection to"}},
	// wget's, libldap's and msmtp's words for the server's certificate,
	// Windows' for an expired one; FreeRADIUS checking a client's chain;
	// enterprise clients' own words (Oracle, SAP, Db2, IBM MQ, WebLogic,
	// Schannel's client credential and remote-server events).
	{"unknown", RoleClient, "", []string{"failed hostname verification check", "was sent from the target host", "ora-29024", "ora-28759", "ora-28860", "ssslerr_", "sqlccsslsocketsetup", "creating a tls client credential", "the certificate received from the remote server", "the name on the security certificate is invalid", "you have not chosen to trust", "error: the certificate of '", "certificate verification error: ", "doesn't match requested host name", "doesn’t match requested host name", "no certificate subject alternative name matches", "tls config for client", "error: cannot verify ", "tls: peer cert untrusted", "tls certificate verification failed:", "a required certificate is not within its validity period"}},
	// Clients of vendors' products and services in their own words: a
	// gateway or monitor checking its backend, an agent or app checking its
	// server, Windows' remote access and trust store, a CA file or trust
	// directory the client reads, a broker refusing the client's login;
	// the words of the entries that say their side (Entry.Side) are not
	// repeated here.
	{"unknown", RoleClient, "", []string{"a connection was successfully established with the server", "allow-listed with application gateway", "the server certificate received is not trusted", "error loading ca file", "certificate revocation status returned", "client certificates to choose from", "connection refused: not authori", "untrusted server certificate", "but ssl not enabled in the server", "customcatrustcertificates", "800b0109"}},
	// Servers judging a client certificate or loading their own, in their
	// products' words, where no entry says the side (see Entry.Side).
	// (Tomcat's APR words and FreeRADIUS's are here although their entries
	// say their side: other programs' words in the same lines come first.)
	{"unknown", RoleServer, "", []string{"there are untrusted certificates in the certificate chain",
		"sslcertificatefile must be defined when using ssl with apr", "ssl handshake from client failed", "crl-cert: cert verification status"}},
	// libcurl's words on GnuTLS (curl, git on Debian and Ubuntu), gnutls-cli's
	// status line and debug output, wget's "GnuTLS: ".
	{"curl", RoleClient, "", []string{"gnutls_handshake() failed", "gnutls recv error", "gnutls send error"}},
	{"unknown", RoleClient, "", []string{"- status: the certificate is", "|<1>| peer's certificate", "gnutls: "}},
	// Apple's TLS stack: an iOS or macOS app's URLSession (CFNetwork's
	// "Task <...> HTTP load failed", its NSError userInfo keys) and
	// Network.framework's BoringSSL ("boringssl_context_handle_fatal_alert",
	// whose "write alert" is the app's own alert, "read alert" the server's).
	{"unknown", RoleClient, "", []string{"boringssl_context_", "boringssl_session_", "nw_connection_", "nw_endpoint_", "nw_protocol_boringssl",
		"http load failed", "nsurlsession/nsurlconnection", "nsurlerrordomain", "kcferrordomaincfnetwork", "nsosstatuserrordomain", "_kcfstreamerror",
		"_kcfstreampropertysslclientcertificatestate", "cfnetwork sslhandshake",
		"an ssl error has occurred and a secure connection", "the certificate for this server ", "you might be connecting to a server that is pretending",
		"sectrustevaluate", "trust evaluate failure", "\u201d has errors:"}},
	// Schannel's two sides: a client's InitializeSecurityContext, a
	// server's AcceptSecurityContext.
	{"unknown", RoleServer, "", []string{"acceptsecuritycontext"}},
	// Mbed TLS's clients: ESP-IDF's esp-tls, the ESP32 Arduino core,
	// Godot's HTTPRequest and WebSocket clients ("_do_handshake: TLS handshake error: -9984").
	{"unknown", RoleClient, "", []string{"esp-tls", "esp_tls", "tls_client:", "_do_handshake: tls handshake error", "ssl_client.cpp", "wificlientsecure", "mbedtls_ssl_handshake", "mbedtls_x509_crt_parse", "x509_verify_cert() returned",
		"mbedtls_err_", "wpa: x509:", "mg_ssl_if_mbed"}},
	// wolfSSL's example server and client ("SSL_accept error -188, ...",
	// "wolfSSL_connect error -313, ..."), programs naming its calls, and
	// ESP-IDF's esp-tls on wolfSSL (its "esp-tls" words are a client's above).
	{"unknown", RoleServer, "", []string{"ssl_accept error -", "wolfssl_accept"}},
	{"unknown", RoleClient, "", []string{"wolfssl_connect", "ssl_connect error -"}},
	// InfluxDB's and Kapacitor's servers starting (Go), whose service
	// names ("*httpd.Service") are not Apache's.
	{"go", RoleServer, "", []string{"run: open server: open service"}},
	// FreeRADIUS's EAP-TLS module, before Go's "tls: ".
	// Its EAP modules' and TLS listeners' words: "(5) eap_tls: ERROR:
	// (TLS) OpenSSL says error 26 ...", "(TLS) Alert write:fatal:...".
	{"unknown", RoleServer, "", []string{"rlm_eap", "freeradius", "radiusd", "eap_tls:", "eap_peap:", "eap_ttls:", "eap_fast:", "eap_teap:",
		"(tls) openssl says error", "(tls) alert write:", "(tls) alert read:", "(tls) recv tls", "(tls) send tls", "(tls) handshake state",
		"you have disabled all available tls versions"}},
	// Kamailio's and OpenSIPS's tls module, accepting a SIP client's
	// connection ("tls_err_ret(): TLS accept:error:...") or opening one.
	{"unknown", RoleServer, "", []string{"tls_err_ret(): tls accept:", "tls_accept: tls accept error"}},
	{"unknown", RoleClient, "", []string{"tls_err_ret(): tls connect:", "tls_connect: tls connect error"}},
	// ingress-nginx's controller (Go) checking an Ingress's own TLS secret.
	{"go", RoleServer, "", []string{"error validating ssl certificate"}},
	// A plain HTTP server reading a TLS ClientHello (MinIO):
	// "Error: malformed HTTP request from '192.0.2.1:9000'".
	{"unknown", RoleServer, "", []string{"malformed http request from"}},
	// Perl's LWP reporting a refused server certificate: "500 Can't
	// connect to host:port (certificate verify failed)".
	{"unknown", RoleClient, "", []string{"500 can't connect to"}},
	// mitmproxy's own handshakes: "Server TLS handshake failed. <reason>"
	// towards the real server, "Client TLS handshake failed." towards its
	// client, and its refusal to check a server without the client's SNI.
	{"unknown", RoleClient, "", []string{"server tls handshake failed.", "cannot validate certificate hostname without sni"}},
	{"unknown", RoleServer, "", []string{"client tls handshake failed."}},
	// Radicale (and servers on it) handling a request over TLS.
	{"python", RoleServer, "", []string{"an exception occurred during request: ssl handshake failed"}},
	// A Go proxy (gomitmproxy) reading its client's request.
	{"go", RoleServer, "", []string{"failed to read request: tls: "}},
	// Hyperledger Fabric's comm package: its gRPC server's side of a
	// handshake ("Server TLS handshake failed ... server=PeerServer").
	{"go", RoleServer, "", []string{"server tls handshake failed"}},
	// RabbitMQ telling of a TLS client on its plain AMQP port.
	{"unknown", RoleServer, "", []string{"tls client detected on non-tls amqp port"}},
	// Zephyr's TLS sockets (Mbed TLS under them), a device's connection:
	// "<err> net_sock_tls: TLS handshake error: -0x...".
	{"unknown", RoleClient, "", []string{"net_sock_tls:"}},
	// FreeIPA's installer of CA certificates (on NSS), whose
	// SEC_ERROR_ words are not a browser's.
	{"unknown", RoleServer, "", []string{"not a valid ca certificate:"}},
	// wpa_supplicant, the EAP peer (its TLS client side): "SSL: SSL3 alert:
	// write (local SSL3 detected an error):fatal:unknown CA", "TLS:
	// Certificate verification failed, error 20 (...) depth 0 for '...'".
	{"unknown", RoleClient, "", wpaSupplicantWords},
	// quic-go's client: "failed to connect: aborted by peer: the
	// cryptographic handshake failed: error 120".
	{"unknown", RoleClient, "", []string{"the cryptographic handshake failed"}},
	// QEMU's SPICE server (reds.c) and SPICE's viewers (spice-gtk's
	// ssl_verify.c, remote-viewer).
	{"unknown", RoleServer, "", []string{"qemu-system", "reds.c:", "reds_init_ssl"}},
	{"unknown", RoleClient, "", []string{"remote-viewer", "virt-viewer", "ssl_verify.c"}},
	// baresip's TLS layer (libre's "tls: verify_handler: ...", not Go's
	// "tls: "): a SIP user agent checking its server.
	{"unknown", RoleClient, "", []string{"tls: verify_handler:", "baresip"}},
	// certbot checking its own certificates' OCSP status (not nginx's
	// stapling): "Invalid signature on OCSP response for
	// /etc/letsencrypt/live/...".
	{"python", RoleClient, "", []string{"ocsp response for /etc/letsencrypt/"}},
	// h2o's OCSP updater, about h2o's own certificate.
	{"unknown", RoleServer, "", []string{"[ocsp stapling]"}},
	// Cockpit's TLS terminator (its "cockpit-tls: " is not Go's "tls: ").
	{"unknown", RoleServer, "", []string{"cockpit-tls", "cockpit-certificate-ensure", "cockpit-ws"}},
	// Rust programs' errors (hyper, reqwest, std::io), most often a client's:
	// "hyper::Error(Io, ...)", "Os { code: 104, kind: ConnectionReset, ... }".
	{"unknown", RoleClient, "", []string{"hyper::error", "reqwest::error", "hyper_util::", "os { code: "}},
	// lighttpd and its TLS modules, OpenWrt's uhttpd, Prosody's key check,
	// before Apache's "httpd".
	{"unknown", RoleServer, "", []string{"lighttpd", "uhttpd[", "allow prosody to read", "mod_openssl.c", "mod_wolfssl.c", "mod_mbedtls.c", "mod_gnutls.c", "mod_nss.c"}},
	{"apache", RoleServer, "", []string{"[ssl:error]", "[ssl:warn]", "[ssl:info]", "[ssl:debug]", "[ssl:crit]", "[ssl:emerg]",
		"[ssl:notice]", "[ssl:alert]", "[ssl:trace", "mod_ssl", "httpd", "sslusestapling"}},
	// Dovecot's configuration check and its login processes, whose words
	// name ssl_protocols as nginx's do.
	{"unknown", RoleServer, "", []string{"doveconf", "dovecot", "imap-login:", "pop3-login:"}},
	{"nginx", RoleServer, "", []string{"enter pem pass phrase"}},
	// Postfix: smtpd accepts mail (the server), smtp and lmtp send it.
	{"unknown", RoleClient, "", []string{"postfix/smtp[", "postfix/lmtp["}},
	{"unknown", RoleServer, "", []string{"postfix/smtpd", "postfix/submission", "tls library problem"}},
	// OpenSMTPD's sessions with the clients that send to it ("mta" are
	// its own deliveries).
	{"unknown", RoleServer, "", []string{" smtp disconnected reason=", " smtp connected address=", " smtp failed-command "}},
	// OpenLDAP's slapd and MinIO loading their own certificate and key.
	{"unknown", RoleServer, "", []string{"slapd[", "tls init def ctx failed", "the private key contains additional data"}},
	// OpenVPN's client daemon, and gRPC core looking for its roots.
	{"unknown", RoleClient, "", []string{"ovpn-client", "could not get default pem root certs", "isvalidclientcertificate", "librdkafka", "rdkafka", "received server alert"}},
	// Docker's daemon (Go), as the client of a registry.
	{"go", RoleClient, "", []string{"error response from daemon"}},
	// Terraform's providers and the AWS SDK for Go v2's words, before
	// node's "Error: ".
	{"go", RoleClient, "", []string{"terraform aws provider", "terraform-provider-", "unable to add custom rootcas"}},
	// Redis's server accepting its clients and cluster peers.
	{"unknown", RoleServer, "", []string{"error accepting a client connection", "error accepting a cluster node connection", "error accepting cluster node connection"}},
	{"openssl", RoleClient, "", []string{"openssl pkcs12:", "openssl x509:", "openssl req:"}},
	// node's name check ("Hostname/IP does not match certificate's altnames").
	{"node", RoleClient, "", []string{"hostname/ip does not match certificate's altnames", "hostname/ip doesn't match certificate's altnames", "is not in the cert's list"}},
	// curl on NSS (exit 58) and Postman, before Firefox's codes.
	// libmosquitto's load errors, before curl's NSS ones.
	{"unknown", RoleClient, "", []string{"error: unable to load client certificate \"", "error: unable to load client key file \""}},
	{"curl", RoleClient, "", []string{"unable to load client key", "unable to load client cert"}},
	{"unknown", RoleClient, "", []string{"postman"}},
	// A JSSE client's debug words (also inside a server's request thread)
	// and the MongoDB shell's, before the writers' wider words.
	{"java", RoleClient, "", []string{"no x.509 certificate for client authentication"}},
	// MongoDB's server names its connection threads "[conn123]".
	{"unknown", RoleServer, "", []string{"[conn0", "[conn1", "[conn2", "[conn3", "[conn4", "[conn5", "[conn6", "[conn7", "[conn8", "[conn9"}},
	{"unknown", RoleClient, "", []string{"ssl peer certificate validation failed", "ssl peer cert verification failed"}},
	// etcd's own peer checks.
	{"go", RoleServer, "", []string{"does not match any of dnsnames", "does not match any of ipaddresses"}},
	// istiod checking its own CA's files, in Go's x509 words.
	{"go", RoleServer, "", []string{"ca keycertbundle", "an istiod ca"}},
	// Go's HTTP client reading plain HTTP where TLS belonged.
	{"go", RoleClient, "", []string{"server gave http response to https client"}},
	// Docker's daemon loading its own swarm node certificate.
	{"go", RoleServer, "", []string{"error while loading tls certificate in /var/lib/docker/swarm"}},
	// Keycloak's X.509 lookup of a proxy-forwarded client certificate.
	{"java", RoleServer, "", []string{"sslclientcertificatelookup"}},
	// curl on NSS names NSS's codes, Firefox's too; Pingora's proxy; Kafka's clients.
	{"curl", RoleClient, "", []string{"nss error -"}},
	// Older libcurl's reason ("SSL certificate OpenSSL verify result:
	// unable to get local issuer certificate (20)"), as zypper prints it.
	{"curl", RoleClient, "", []string{"ssl certificate openssl verify result"}},
	// OpenLDAP's client library checking the server's name.
	{"unknown", RoleClient, "", []string{"does not match common name in certificate", "ldap_start_tls"}},
	{"unknown", RoleClient, "", []string{"pingora", "the host name did not match any of the valid hosts", "is not yet activated", "the certificate of \u2018",
		"(provider: ssl provider", "npgsqlexception", "verifyfull or verifyca instead of require", "remotecertificatevalidationcallback", "mbedtls_ssl_handshake() failed"}},
	{"unknown", RoleServer, "", []string{"the client does not trust the proxy's certificate", "client preface string missing or corrupt",
		// mongod's log of an X.509 login it refused
		"with mechanism mongodb-x509",
		// Ruby's servers (WEBrick, Puma, Thin) accepting a handshake
		"ssl_accept returned=", "puma::minissl"}},
	{"java", RoleClient, "", []string{"[producer clientid=", "[consumer clientid=", "[adminclient clientid="}},
	// NSS's certutil managing its own database (Libreswan, a profile),
	// before the NSS codes it prints.
	{"unknown", RoleServer, "", []string{"certutil: "}},
	// Firefox's codes, before words such as "ocsp" that nginx's lines share.
	{"browser", RoleClient, "", []string{"sec_error_", "mozilla_pkix_error", "import a cert with the same issuer/serial", "dlg_flags_", "an error occurred during a connection to"}},
	// Safari's pages.
	{"browser", RoleClient, "", []string{"safari can\u2019t ", "safari can't ", "safari cannot "}},
	// APISIX and OpenResty choosing a server certificate in Lua.
	{"nginx", RoleServer, "", []string{"radixtree_sni", "client certificate was not present", "failed to find any ssl certificate by sni", "failed to find sni", "failed to fetch ssl config", "auto-ssl: failed to set certificate"}},
	// Home Assistant's web server loading its own certificate.
	{"python", RoleServer, "", []string{"[homeassistant.components.http]", "could not read ssl certificate from",
		// PyKMIP's server sessions
		"kmip.server.",
		// Dask's listeners naming their own handshakes
		"listener on 'tls://"}},
	// Python's gRPC errors ("details = ...").
	{"python", RoleClient, "", []string{"details = \"", "_inactiverpcerror", "grpc._channel"}},
	{"python", RoleClient, "", []string{"nassl", "[nltk_data]", "[('ssl routines'", "ssl.sslerror", "ssl.certificateerror", "sslcertverificationerror", "_ssl.c", "urllib3", "requests.exceptions", "[ssl: ",
		// requests/urllib3 wrap ssl's exceptions: "Caused by SSLError(CertificateError(...".
		"sslerror(certificateerror(", "sslerror(sslerror(", "caused by sslerror(", "caused by sslerror (", "the client's private key is encrypted",
		// http.client, under urllib and requests; psycopg's libpq errors
		"remotedisconnected", "psycopg2.operationalerror", "(psycopg2.", "psycopg.operationalerror"}},
	{"openssl", RoleClient, "", []string{"verify return code", "verify error:num=", "depth lookup", "verify return:"}},
	// Kestrel without its certificate; MailKit's and Npgsql's clients.
	{"unknown", RoleServer, "", []string{"unable to configure https endpoint", "default developer certificate could not be found"}},
	{"unknown", RoleClient, "", []string{"mailkit.", "usercertificatevalidationcallback"}},
	// JRuby's OpenSSL reading a key of another type.
	{"unknown", RoleClient, "", []string{"neither pub key nor priv key"}},
	// Ruby's OpenSSL binding ("SSL_connect returned=1 errno=0 state=...",
	// a backtrace of .rb files) and .NET's SslStream ("The remote
	// certificate is invalid according to the validation procedure"): TLS
	// clients, before Go's "net/http" and node's "Error: ".
	{"unknown", RoleClient, "", []string{"openssl::ssl::sslerror", "ssl_connect returned=", ".rb:", "remote certificate is invalid according to the validation procedure",
		"httprequestexception", "the ssl connection could not be established", "ssl policy errors", "remotecertificate",
		"with this combination of libcurl", "interop+openssl",
		"authenticationexception"}},
	// Android's and Java's trust manager on a server certificate it does not trust.
	{"java", RoleClient, "", []string{"trust anchor for certification path not found", "trust anchor for identification path not found", "certpathvalidatorexception"}},
	// curl built with rustls names rustls-ffi's calls.
	{"curl", RoleClient, "", []string{"rustls_connection_", "rustls_client_config_"}},
	// rustls (reqwest, hyper, ureq, tonic), the check_ssl_cert monitoring
	// plugin, git's words around libcurl's and OpenLiteSpeed's stapling:
	// clients (rustlsRole: a rustls server's words).
	{"unknown", RoleClient, "", []string{"error trying to connect", "handshake error in client", "webpkierror", "invalid peer certificate", "invalidcertificate(", "invalid certificate: unknownissuer", "rustls",
		"peer is incompatible: ", "peer misbehaved: ", "received corrupt message", "sending fatal alert ", "alertreceived(", "peerincompatible(", "peermisbehaved(",
		"nocertificatespresented", "peer sent no certificates", "reqwest::error", "reqwest error", "incompatible tls identity type",
		"ssl_cert critical", "ocsp stapling can't be enabled",
		// Caddy's certmagic fetching OCSP responses for its certificates.
		"no ocsp stapling for [", "no ocsp server specified in certificate"}},
	// git's words around libcurl's; curl's own checks of a stapled OCSP
	// response (--cert-status), before nginx's stapling words.
	{"curl", RoleClient, "", []string{"fatal: unable to access", "curl: (91)"}},
	// Kong's Lua code (its cosockets to databases and upstreams) runs in nginx.
	{"nginx", RoleClient, CtxNJS, []string{"js http fetch", "to fetch target", "js_fetch_"}},
	// ingress-nginx's controller reading the secrets its annotations name.
	{"nginx", RoleServer, "", []string{"backend_ssl.go", "certificateauth annotation", ": local ssl certificate", "in local store", "secret contains no keypair"}},
	// OpenResty serving certificates from Lua (lua-resty-auto-ssl,
	// ssl_certificate_by_lua) and Kong's start command: the server's side.
	{"nginx", RoleServer, "", []string{"auto-ssl: failed to run do_ssl", "auto-ssl: dict ", "ssl_cert_key is not a string", "ssl_cert is not a string"}},
	{"nginx", RoleClient, CtxLua, []string{"/kong/", "kong/", "resty/", "resty.", "[postgresql error]", "[cassandra error]"}},
	// nginx as a client: of an upstream, of Lua cosockets, of OCSP responders.
	// authentik's proxy outpost (Go), whose words name an upstream as
	// nginx's do.
	{"go", RoleClient, "", []string{"error proxying to upstream server"}},
	// Caddy loading its configuration ("loading tls app module:
	// provision tls: ..."): the server, not a Go client.
	{"go", RoleServer, "", []string{"loading tls app module", "provision tls:"}},
	{"nginx", RoleClient, CtxUpstream, []string{"to upstream", "from upstream", "reading upstream", "upstream ssl certificate", "upstream sent", "proxy_ssl_", "grpc_ssl_", "uwsgi_ssl_"}},
	{"nginx", RoleClient, CtxLua, []string{"lua ssl", "lua_ssl", "lua tcp socket", "cosocket", "context: ngx.timer"}},
	// A build without stapling says so at start-up: its own configuration.
	{"nginx", RoleServer, "", []string{"\"ssl_stapling\" ignored, not supported"}},
	// sudo's log server judging its clients' (sudo's) certificates.
	{"unknown", RoleServer, "", []string{"sudo_logsrvd"}},
	// openssl s_client -status's report of no stapled response, before
	// nginx's own OCSP words.
	{"openssl", RoleClient, "", []string{"ocsp response: no response sent"}},
	// Caddy's stapling (its certmagic library), before nginx's words: as
	// nginx fetching OCSP responses, the client of the responder.
	{"unknown", RoleClient, "", []string{"stapling ocsp: ", "\"stapling ocsp\"", "ocsp staple file"}},
	{"nginx", RoleClient, CtxOCSP, []string{"while requesting certificate status", "\"ssl_stapling\"", "ssl_stapling", "ocsp responder", "ocsp_basic_verify()", "ocsp response", "ocsp_check_validity", "ocsp_resp", "stapling"}},
	// BoringSSL's macro-style reasons come from envoy (or gRPC) before any
	// word the others share.
	{"envoy", RoleClient, "", []string{"upstream connect error", "transport failure reason", "upstream_reset_before_response_started"}},
	// mod_ssl as a proxy asked for a client certificate by its backend
	// ("downstream server wanted client certificate"): Apache's words.
	{"apache", RoleClient, "", []string{"proxy client certificate callback"}},
	{"envoy", RoleServer, "", []string{"downstream"}},
	// nghttpx (nghttp2's proxy) logs its source files: "(shrpx_connection.cc:403) tls: ...".
	{"unknown", RoleClient, "", []string{"shrpx_", "nghttpx"}},
	// A server's words about its client's certificate (uwsgi, other servers).
	{"unknown", RoleServer, "", []string{"client certificate verify error", "client certificate verification failed"}},
	// gRPC core (C++, and the Python, Ruby, PHP... wrappers around it), both sides.
	{"unknown", RoleClient, "", []string{"ssl_transport_security", "secure_channel_create", "tsi_protocol_failure"}},
	// BoringSSL's errors inside Swift NIO (iOS and macOS apps and proxies).
	{"unknown", RoleClient, "", []string{"niossl", "boringsslerror"}},
	// ClickHouse (Poco over BoringSSL): its server handler, else its client.
	{"unknown", RoleServer, "", []string{"servererrorhandler", "tcphandler"}},
	{"unknown", RoleClient, "", []string{"db::netexception"}},
	// yarn's messages.
	{"node", RoleClient, "", []string{"an unexpected error occurred: \"https://", "failed, reason: "}},
	// Python's hostname check (docker-compose, pip).
	{"python", RoleClient, "", []string{"ssl error: hostname '", "match either of", "validate_certs", "failed to validate the ssl certificate for"}},
	// Electron apps (Postman, Insomnia): node on Chromium's BoringSSL.
	{"node", RoleClient, "", []string{"third_party/boringssl", "third_party\\boringssl", "bad_pkcs12_data"}},
	// Logstash's beats input (a server on netty-tcnative's BoringSSL,
	// whose reasons end in OPENSSL_internal as Android's do).
	{"java", RoleServer, "", []string{"beatshandler",
		// the same handler's words, pasted without its name
		"handling exception: javax.net.ssl"}},
	// Netty's own PEM reader, loading a program's own key or certificate
	// (before the wider Java client words of an exception's name).
	{"java", RoleServer, "", []string{"file does not contain valid private key", "file does not contain valid certificates"}},
	// openssl verify -crl_download.
	{"openssl", RoleClient, "", []string{"error loading crl from http"}},
	// envoy's own log format (its source file in brackets) and its
	// start-up words, before Android's BoringSSL words: envoy runs on
	// BoringSSL too.
	{"envoy", RoleServer, "", []string{"[source/", "error initializing config '"}},
	// BoringSSL's error queue as Android's Conscrypt puts it in exceptions.
	// Bun loading its own certificate or key ("error: BoringSSL
	// error:0900006e:PEM routines:OPENSSL_internal:NO_START_LINE").
	{"unknown", RoleServer, "", []string{"error: boringssl error:", " via openssl_internal"}},
	{"java", RoleClient, "", []string{"failure in ssl library", "ssl=0x"}},
	// Enphase's Envoy solar gateway (Envoy-S), which home automation
	// plugins fetch from: they are its clients, and no envoy proxy is there.
	{"unknown", RoleClient, "", []string{"enphase", "envoy-s"}},
	{"envoy", RoleServer, "", []string{"envoy"}},
	// PHP's streams loading their client certificate, before curl's same words.
	{"unknown", RoleClient, "", []string{"unable to set private key file `", "stream_socket_client(): unable to set", "unable to set local cert chain file"}},
	// .NET Framework's and Bundler's words.
	{"unknown", RoleClient, "", []string{"could not create ssl/tls secure channel", "canal seguro", "relação de confiança", "relación de confianza", "ssl/tls security channel could not be created", "could not verify the ssl certificate for", "to your local trusted store", "with application gateway", "to the application gateway", "因为算法不同",
		"a certificate is required to complete client authentication", "error_winhttp_client_auth_cert_needed",
		"connection terminated during handshake", "aws_error_mqtt_", "ssl_connect failed: (null)", "no suitable client certificate could be found",
		"root certificate of the certificate chain is self-signed", "tls key negotiation failed to occur within", "extensions present in certificate with version 1"}},
	{"go", RoleClient, "", []string{"etcd cluster is unavailable or misconfigured"}},
	// curl's own words, before OpenSSL function names nginx shares.
	{"curl", RoleClient, "", []string{"curl: (", "could not load pem client certificate", "unable to set private key file",
		"unable to use client certificate", "unable to load client key", "error setting certificate verify locations",
		"server certificate verification failed. cafile:", "peer certificate cannot be authenticated with known ca certificates",
		"curl error", "can't load the certificate", "failed to import cert file", "openssl ssl_connect", "openssl ssl_read",
		"openssl ssl_write", "), tls alert, "}},
	// OpenVPN loading its own certificate, key or CA (either side), before
	// nginx's "cannot load certificate".
	{"unknown", RoleClient, "", []string{"cannot load inline certificate", "cannot load certificate file", "cannot load inline private key",
		"cannot load private key file", "cannot load ca certificate file", "cannot load inline ca certificate"}},
	// PHP's streams (file_get_contents, stream_socket_client), after curl's words.
	{"unknown", RoleClient, "", []string{"ssl operation failed with code", ".php on line", "stream_socket_client(", "file_get_contents():"}},
	// The Kubernetes API server calling an admission webhook (whose name
	// may be ingress-nginx's).
	{"go", RoleClient, "", []string{"failed calling webhook"}},
	// nginx as the server.
	{"nginx", RoleServer, "", []string{"does not contain a common name or subject alternative name for host", "ingress-nginx",
		"unexpected error creating ssl cert", "error obtaining x.509 certificate",
		"client ssl certificate verify error", "client sent no required ssl certificate",
		"client sent plain http request", "while ssl handshaking", "ssl_do_handshake() failed", "ssl_read() failed",
		"ssl_write() failed", "ssl_shutdown() failed", "cannot load certificate", "(ssl: error:",
		// nginx names the OpenSSL call with its argument: SSL_CTX_use_PrivateKey_file("..."), PEM_read_bio_X509_AUX("...")
		"ssl_ctx_use_privatekey_file(\"", "ssl_ctx_use_privatekey(\"", "ssl_ctx_use_certificate(\"", "ssl_ctx_use_certificate_chain_file(\"",
		"ssl_ctx_load_verify_locations(\"", "ssl_ctx_use_privatekey_file() failed", "pem_read_bio_x509_aux(", "pem_read_bio_x509(", "pem_read_bio_dhparams(",
		"pem_read_bio_privatekey(",
		"the ssl certificate error", "no required ssl certificate was sent", "the plain http request was sent",
		"<center>nginx", "nginx: [", "[emerg]", "\"ssl_certificate\"", "ignoring stale global ssl error",
		"ssl_load_client_ca_file", "x509_lookup_load_file", "ssl_verify_client", "ssl_client_certificate",
		"ssl_certificate_key", "ssl_password_file", "ssl_trusted_certificate", "ssl_protocols"}},
	{"haproxy", RoleClient, "", []string{"layer6 invalid response", "layer6 timeout", "verify is enabled by default but no ca file",
		"ssl-server-verify"}},
	// HAProxy's built-in HTTP client loading the system's CA store.
	{"haproxy", RoleClient, "", []string{"'@system-ca'", "httpclient.ssl"}},
	{"haproxy", RoleServer, "", []string{"haproxy", "ssl client ca chain cannot be verified",
		"ssl client certificate not trusted", "ca-file", "crt-list", "parsing [",
		// HAProxy's own words for its crt files
		"unable to load certificate chain from file", "no ssl certificate specified for bind"}},
	{"apache", RoleClient, "", []string{"sslproxyengine", "sslproxyverify", "sslproxycacertificate", "sslproxymachinecertificate",
		// Apache 2.2's "[error] proxy: ..." (not a Go program's "OAuth2 Proxy: ...").
		"sslproxycheckpeer", "] proxy: ", "[proxy:", "[proxy_http"}},
	{"apache", RoleServer, "", []string{"[ssl:", "mod_ssl", "sslcertificatefile", "sslcertificatekeyfile", "sslcertificatechainfile", "sslcacertificatefile", "sslverifyclient", "apache2", "apache/2", "httpd",
		"re-negotiation", "provided via sni", "using server name indication (sni)", "the server name indication (sni) in use",
		// mod_md, Apache's ACME client, relaying its CA's check of this server
		"[md:", "ah10056"}},
	{"java", RoleServer, "", []string{"no cipher suites in common", "is not enabled or supported in server context", "beatshandler", "logstash::configurationerror", "empty server certificate chain", "extended key usage does not permit use for tls client authentication", "null cert chain", "failed to start connector", "catalina", "tomcat", "does not identify a key entry", "empty client certificate chain", "https-jsse", "send tlsv1.2 alert", "send tlsv1.3 alert",
		// Elasticsearch's and Kafka brokers' own words as a server;
		// Logstash's inputs loading their key
		"could not find key file", "your private key was not in pkcs8 format",
		"plaintext http traffic on an https channel", "did not trust this server's certificate", "failed authentication with /",
		// Java servers' classes: Tomcat, Jetty, Undertow, Kafka and
		// ZooKeeper, ActiveMQ, Elasticsearch's HTTP and transport layers
		"org.apache.tomcat.util.net", "nioendpoint", "org.eclipse.jetty.server", "io.undertow.server", "kafka.network.socketserver",
		"x509authenticationprovider", "nettyservercnxn", "transportconnector", "could not accept connection from",
		"netty4httpservertransport", "securitynetty4",
		// Charles Proxy's words for the devices it intercepts
		"failure sslhandshake", "client ssl handshake failed",
		// Liberty's inbound connections
		"cwwko0801e"}},
	{"java", RoleClient, "", []string{"no x.509 certificate for client authentication", "java.net.", "javax.net.ssl", "sslhandshakeexception", "sslauthenticationexception", "org.bouncycastle.tls", "received fatal alert", "pkix path", "sun.security",
		"java.security", "unable to find valid certification path", "no subject alternative names", "java.io", "keytool",
		"no suitable certificate found", "description = ",
		// JSSE refusing the server's version choice
		"is not accepted by client preferences",
		// JavaMail's STARTTLS, Elastic's APM agent, the JDK's algorithm
		// constraints
		"javax.mail", "co.elastic.apm", "does not conform to algorithm constraints"}},
	// Java servers' own packages around TLS: WebSphere's keystores,
	// Elasticsearch's transport, ZooKeeper's trust manager, Jetty's SNI
	// key managers.
	{"java", RoleServer, "", []string{"com.ibm.ws.ssl", "org.elasticsearch.", "zktrustmanager", "no sni key managers"}},
	// BoringSSL's words with nothing else: envoy, gRPC's C core, Dart,
	// Apple's and Android's stacks all print them, mostly as clients.
	{"unknown", RoleClient, "", []string{"openssl_internal"}},
	// A server's status or API port failing a handshake (TiKV's "Status
	// server error: TLS handshake error").
	{"unknown", RoleServer, "", []string{"status server error", "server error: tls handshake error"}},
	{"go", RoleServer, "", []string{"client offered only unsupported versions", "- cid:", "failed to verify client's certificate", "failed to verify client certificate", "https listener", "listenandservetls",
		"tried to extract a certificate on a request without mutual tls", "unable to authenticate the request", "is not in the allowed list", "client certificate must be supplied", "client's certificate's extended key usage", "conn=from=", "could not read ca certificate", "http: tls handshake error", "tls: client didn't provide a certificate", "tls: failed to verify client certificate", "tls: failed to verify client's certificate",
		"tls: client didn't provide", "handshake error from", "handshake from ", "rejected connection", "remote-addr",
		"failed to complete security handshake from", "your certificate does not verify",
		"error when serving connection", "client sent an http request to an https server", "http2: tlsconfig"}},
	{"go", RoleClient, "", []string{"currently active client certificate has expired", "the server has asked for the client to provide credentials", "you must be logged in to the server",
		"oversized record received", "certpool", "failed to dial target host", "grpcurl", "failed to append ca certificates", "cannot validate certificate for", "remote error: bad certificate", "remote error: unknown certificate", "x509 certificate signed by unknown authority", "x509: ", "x509 certificate has expired or is not yet valid", "remote error: tls:", "local error: tls:", "tls: failed to verify certificate", "tls: ", "net/http", "malformed http response"}},
	{"python", RoleClient, "", []string{"traceback", "python", "aiohttp", "httpx", "ftplib.",
		// pyOpenSSL's error list (requests and urllib3 on it)
		"[('ssl routines', '", "[('pem routines', '", "[('x509 certificate routines', '"}},
	{"browser", RoleClient, "", []string{"err_bad_ssl_client_auth_cert", "err_ssl_client_auth_", "err_ssl_protocol_error",
		"err_ssl_version_or_cipher_mismatch", "err_cert_", "net::err", "ssl_error_", "sec_error_", "mozilla_pkix_error",
		"pr_end_of_file_error", "secure connection failed", "your connection is not private", "err_ssl_unrecognized_name_alert",
		"err_ssl_decrypt_error_alert", "err_ssl_bad_record_mac_alert", "err_ssl_obsolete", "chrome", "firefox", "safari",
		"ssl_client_socket_impl", "err_ssl_key_usage_incompatible", "pr_connect_reset_error", "uses an invalid security certificate",
		"this server could not prove that it is", "mozilla_pkix_error_", "the issuer certificate is unknown", "might not be sending the appropriate intermediate",
		"err_http2_", "err_spdy_", "the certificate expired on", "uses an unsupported protocol"}},
	{"node", RoleServer, "", []string{"https_client_error", "web server could not listen", "app construction failed",
		// node reading a Let's Encrypt certificate: a server's own files
		"open '/etc/letsencrypt/"}},
	{"node", RoleClient, "", []string{"unable_to_verify_leaf_signature", "self_signed_cert_in_chain", "depth_zero_self_signed_cert",
		"unable_to_get_issuer_cert_locally", "err_tls_", "cert_has_expired", "unable to verify the first certificate", "(node:", " node:_", "node:internal",
		"at tlssocket", "(tlssocket", "/tlssocket", "_tls_wrap.js", "_tls_wrap:", "err_ssl_", "err_ossl_", "node_extra_ca_certs", "nodejs", "node.js", "npm err",
		"error: write eproto", "deps/openssl", "deps\\openssl", "errno: '"}},
	{"curl", RoleClient, "", []string{"curl: (", "curl_", "ssl certificate problem", "schannel", "* tls", "* ssl", "* openssl",
		"server aborted the ssl handshake", "unable to set private key file", "could not load pem client certificate",
		"ssl peer certificate", "curl", "unknown ssl protocol error in connection to", "openssl ssl_connect", "openssl ssl_read", "openssl ssl_write", "* alpn", "ssl connection using"}},
	{"openssl", RoleServer, "", []string{"openssl s_server", " s_server ", "s_server -"}},
	{"openssl", RoleClient, "", []string{"openssl s_client", " s_client ", "s_client -", "connected(", "ssl3 alert read:", "ssl3 alert write:",
		"could not open file or uri for loading", "could not read certificate from", "could not read private key from", ": verification failed",
		"unable to load client certificate", "no client certificate ca names sent", "unable to load certificate",
		"unable to load private key", "could not read certificate", "openssl verify", "openssl x509",
		// the command line tool refusing its arguments or an input file
		"use -help for summary", "extra arguments given", "unknown option or message digest", "unrecognized flag",
		"\" for reading, no such file or directory", "\" for writing, permission denied", "\" for writing, read-only file system",
		// making keys, requests and certificates: its configuration,
		// the subject's fields, the serial file, extension sections,
		// algorithms and options an older openssl lacks, seed files,
		// PKCS#12 files without a MAC
		"variable has no value", "of config file", "no objects specified in config file", "unknown option '-", "variable lookup failed for ca::", "error opening private key", "error with command: \"-", "string too long, must be at most", "subject name attribute", "mbstring_ncopy", "unable to load number from",
		"a2i_asn1_integer", "extension section", "extensions defined via -addext", "authority_keyid", "unknown option -addext",
		"unknown option -copy_extensions", "unknown option -noenc", "unknown option -legacy", "unknown option -ext", "algorithm ed25519 not found",
		"algorithm ed448 not found", "algorithm x25519 not found", "algorithm x448 not found", "algorithm rsa-pss not found", "into rng",
		"rand_load_file", "mac is absent", "pkcs12_verify_mac", "nconf_get_string", "configuration file routines", "unable to load config info from",
		// openssl ca's database and policy
		"problem with index file", "there is already a certificate for", "txt_db error number", "field was missing",
		"field is different between", "field does not exist in the ca certificate", "newcerts is not a directory"}},
	{"unknown", RoleClient, "", []string{"client certificate was requested", "preverify_ok",
		// PostgreSQL's libpq and the programs on it
		"pg_connect", "psql:", "libpq", "sslmode="}},
	// PostgreSQL's server, and Galera's.
	// node-postgres prints the server's refusal as "error: ...".
	{"node", RoleClient, "", []string{"error: connection requires a valid client certificate"}},
	{"unknown", RoleServer, "", []string{"fatal:  connection requires a valid client certificate", "wsrep:", "fatal:  private key file", "fatal: private key file", "could not access private key file", "could not load server certificate file", "could not accept ssl connection",
		"fatal:  28000: connection requires a valid client certificate", "fatal: 28000: connection requires a valid client certificate", "fatal:  certificate authentication failed", "and authenticated user name (",
		"fatal:  no pg_hba.conf entry", "fatal:  28000: no pg_hba.conf entry"}},
	// lib/pq, Go's PostgreSQL driver.
	{"go", RoleClient, "", []string{"pq: "}},
	// The server's refusal in other words than its log's ("FATAL:  " with
	// two spaces): a client's (pgjdbc, Npgsql, a pooler's monitor) that
	// received it.
	{"unknown", RoleClient, "", []string{"connection requires a valid client certificate", "no pg_hba.conf entry"}},
	{"unknown", RoleClient, "", []string{"has group or world access"}},
	// Postfix, mosquitto and MySQL clients' own words.
	{"unknown", RoleClient, "", []string{"a tls error occurred", "error: the connection was lost", "sending connect", "[tls] error:", "untrusted tls connection established to", "check bridge_cafile", "error 2026", "error: 2026",
		"(2026,", "ssl peer certificate validation failed", "ssl peer cert verification failed", "could not handshake: error in the certificate verification",
		"mbedtls_ssl_handshake returned", "(sslclient)", "trust evaluation failed", "bssl:", "failed to negotiate a mutually acceptable security settings"}},
	{"node", RoleClient, "", []string{"mongoserverselectionerror", "mongonetworkerror", "mongooseserverselectionerror",
		// node's words for a verify result, after a logger's "error:"
		"error: self signed certificate", "error: self-signed certificate", "error: unable to get local issuer certificate", "error: unable to verify the first certificate"}},

	// BusyBox wget and Apple's TLS clients.
	{"unknown", RoleClient, "", []string{"ssl_client: ", "osstatus", "kcfstreamerrordomainssl", "errssl", "errsec", "sectrustevaluate",
		"invaliddnsnameerror", "invalid dnsname", "unsupportedcriticalextension", "nameconstraintviolation",
		"did not match expected cn=", "hostname was not match", "with this combination of libcurl"}},
	{"openssl", RoleClient, "", []string{"kubernetes ingress controller fake certificate"}},
	{"curl", RoleClient, "", []string{"in the keychain", "could not parse pkcs12 file", "problem with the ssl ca cert"}},
	// Any other GnuTLS line: its programs are mostly clients (git, wget,
	// apt, Emacs, OpenConnect).
	{"unknown", RoleClient, "", []string{"gnutls"}},
	// Go's loggers and sources when no word above named the program:
	// logrus's level=... msg=, log15's lvl=eror, a Go source file and
	// line, grpc-go's status errors.
	{"go", RoleClient, "", []string{"level=error msg=", "level=fatal msg=", "level=warning msg=", "level=info msg=", "level=debug msg=", "lvl=eror", "lvl=crit",
		".go:", "rpc error: code = "}},
}

var (
	// "2019/07/24 14:18:57 [error] 2262#2262:" or a pasted "[info] 28#28: *3".
	reNginxLine = lazyre.New(`\[(debug|info|notice|warn|error|crit|alert|emerg)\] \d+#\d+: `)
	// OpenSSL's own error print: "140735...:error:14094418:" (1.x) or
	// "40A7F07C677F0000:error:0A000086:" (3.x).
	reOpenSSLErr = lazyre.New(`^(?:- )?[0-9a-f]+:error:(?:[0-9a-f]{8})?:`)
	// envoy's "TLS error: 268435581:SSL routines:OPENSSL_internal:...".
	reEnvoyErr = lazyre.New(`(?:^|[\s(|])\d{8,10}:[a-z_ ]+:openssl_internal:`)
	// HAProxy's connection error: "[16/Sep/2020:10:01:39.640] fqdn/1: SSL
	// handshake failure" (frontend/bind, then the error).
	// A row of HAProxy's "show ssl ocsp-updates": the certificate's OCSP id
	// in hex, then its file ("... | /etc/haproxy/site.pem | ...").
	reHAProxyOCSPUpdate = lazyre.New(`^[0-9a-f]{40,} \| /\S+ \| `)
	reHAProxyConn       = lazyre.New(`\S/\d+: (?:ssl handshake failure|connection closed during ssl handshake|timeout during ssl handshake|success\s*$)`)
	// HAProxy's HTTP log (option httplog) for a request whose connection
	// to the server failed (SC) or that the server aborted before its
	// headers (SH): "fe be/srv 0/0/-1/-1/3011 503 217 - - SC-- ...".
	reHAProxyServerFail = lazyre.New(`\] \S+ \S+/\S+ -?\d+/-?\d+/-?\d+/-?\d+/\+?\d+ 5\d\d \+?\d+ \S+ \S+ s[ch]`)
	// curl's TLS errors: "OpenSSL/3.0.11: error:0A000152:..." (its backend and version first).
	reCurlBackend = lazyre.New(`(?:^|[\s'"(])(?:openssl|libressl|boringssl|schannel|gnutls|wolfssl)/\d+\.\d+[\w.]*: `)
	// The mosquitto broker: "1508662828: OpenSSL Error[0]: error:..." (Unix time first).
	reMosquitto = lazyre.New(`^[\x60>\s]*(?:- )?\d{10}: openssl error`)
	// Lua code in nginx passing a cosocket's handshake error on:
	// "failed to request: 20: unable to get local issuer certificate".
	// lua-resty-openidc: "accessing discovery url (https://...) failed: 20: unable to ...".
	reLuaRequest = lazyre.New(`(?:failed to (?:request|connect|handshake|do ssl handshake|ssl handshake)[^:]{0,40}|\bfailed): \d{1,2}: (?:unable|self[- ]signed|certificate|hostname|invalid|unsupported|ca )`)
	// A Go server's "error from 192.168.104.6:45676: remote error: ..." (go-smtp's "error for").
	reFromAddr = lazyre.New(`\b(?:from|for) \[?[0-9a-f.:]+\]?:\d+: remote error`)
	// OpenVPN's server: "10.8.0.6:51820 VERIFY ERROR: depth=0, ..." or
	// "client/10.8.0.6:51820 OpenSSL: error:...".
	reOpenVPNPeer = lazyre.New(`(?:^|[\s/])\d{1,3}(?:\.\d{1,3}){3}:\d+ (?:verify error: depth=|openssl: error:|tls error: )`)
	// The same with the peer's common name or a redacted address:
	// "openvpn[11357]: myclientip:45962 VERIFY ERROR: ...".
	reOpenVPNNamedPeer = lazyre.New(`\]: [\w.\-/]+:\d+ (?:verify error: depth=|openssl: error:|tls error: )`)
	// A verify error about a CRL: "error=CRL has expired".
	reCRLError = lazyre.New(`error=(?:crl has expired|crl is not yet valid|unable to get certificate crl|crl signature failure)`)
	// Android logcat: "02-20 17:30:21.446   9360-23155/? I/com.example: ".
	reLogcat = lazyre.New(`^(?:- )?\d\d-\d\d [\d:.]+\s+\d+-\d+/\S* [vdiwef]/`)
	// Apache's message ids ("AH02032:") and its 2.2 line start
	// ("[Fri Dec 07 11:21:26 2012] [error]").
	reApache = lazyre.New(`\bah0\d{4}: |^[\x60>\s]*(?:- )?\[?(?:mon|tue|wed|thu|fri|sat|sun) [a-z]{3} [ \d]\d [\d:.]+ \d{4}\] \[(?:error|warn|info|debug|notice|crit)\]`)
	// Go's errors start their words with "tls: ", not inside a word.
	reGoTLS = lazyre.New(`(?:^|[^a-z])tls: `)
	// Go writes its package's prefix in lower case; OpenLDAP's "TLS: "
	// and other programs' capitals are not Go's.
	reGoTLSCase = lazyre.New(`(?:^|[^A-Za-z])[Tt]ls: `)
	// Another program's "tls: " before OpenSSL's error queue ("tls:
	// error:0200100D:...", "tls: B07C3E7A6E000000:error:..."): Go never
	// prints OpenSSL's errors.
	reTLSThenOpenSSL = lazyre.New(`tls: (?:[0-9a-f]+:)?error:[0-9a-f]{8}:`)
	// An access-log request: `"GET / HTTP/1.1" 400 215`.
	reAccessReq = lazyre.New(`" [1-5]\d\d \d+`)
)

// Attribute says who wrote line and its part in the handshake. A line
// nobody can be told from (a bare reason, a verify code) is "unknown"; its
// role is the server's (the usual question: nginx judging a client), unless
// it speaks of a received alert or a server's certificate as a client does.
func Attribute(line string) Attribution {
	if len(line) > MaxLine {
		line = line[:MaxLine]
	}
	line = undecorated(line)
	lower := strings.ToLower(line)
	if i := strings.Index(lower, `agent":"`); i >= 0 && len(lower) == len(line) {
		// A JSON log record's user agent (Nextcloud's, a web app's) names
		// the browser that made the request, not the program that failed.
		if j := strings.IndexByte(lower[i+8:], '"'); j >= 0 {
			line = line[:i+8] + line[i+8+j:]
			lower = lower[:i+8] + lower[i+8+j:]
		}
	}
	a := attribute(line, lower)
	switch {
	case a.Reporter != "nginx":
		a.Program = programOf(lower)
	case strings.Contains(lower, "kong"):
		a.Program = "kong"
	}
	return a
}

// notNodeErrors are words of other programs' lines that begin "Error: "
// as node's do: Rust's io::Error printed with {:?}, mosquitto's clients.
var notNodeErrors = []string{"custom { kind: ", "(os error ", "problem setting tls options", "host name verification failed", "can't create tls config", "ssl_connect returned=", "ssl_connect syscall returned=",
	// Python's ssl reasons in brackets, Puppet's agent
	"certificate_verify_failed]", "[ssl: ", "puppet", "the agent's private key",
	// Rocket's (Rust) TLS set-up
	"bad tls private key", "bad tls certificate", "error while setting tls.",
	// SoftEther's vpncmd; Dovecot's settings
	"softether", "(ssl_cert setting)", "(ssl_key setting)", "(ssl_ca setting)",
	// Nim's words for an exception nothing caught
	"error: unhandled exception: "}

// nodeErrors are what follows "Error: " in node's own messages: OpenSSL's
// verify results and reasons as node words them, its system error codes,
// its socket's words.
var nodeErrors = []string{"unable to verify the first certificate", "self signed certificate", "self-signed certificate", "certificate has expired",
	"unable to get local issuer certificate", "unable to get issuer certificate", "certificate is not yet valid", "unable to verify leaf signature",
	"certificate signature failure", "does not match certificate's altnames", "doesn't match certificate's altnames", "is not in the cert's list",
	"eproto", "econnreset", "enoent", "eacces", "socket hang up", "before secure tls connection", "err_", ":error:", "mac verify failure",
	"unsupported pkcs12", "no start line", "bad decrypt", "at tlssocket", "(tlssocket", "/tlssocket", "(node:", " node:_", "node:internal", "certificate revoked", "unable to get certificate crl",
	"key values mismatch", "wrong tag", "not enough data", "bad base64 decode", "sslv3 alert", "tlsv1 alert", "wrong version number",
	// OpenSSL's queue as node prints it ("Error: error:0A00018F:..."), its
	// PKCS#12 loader's "unsupported", node-forge's and node-apn's words
	"error: error:", "error: unsupported", "invalid pem formatted message", "does not support configured environment", "oid is not rsa",
	// node-postgres's
	"the server does not support ssl connections"}

// containsAny reports whether s holds one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// clientVerifyVar reports whether a line shows nginx's $ssl_client_verify
// as an application sees it: a header that forwards it, or its
// FAILED:reason value alone. (Plain string tests: Attribute runs on every
// handshake line of a log.)
func clientVerifyVar(lower string) bool {
	if r, ok := strings.CutPrefix(lower, "failed:"); ok && r != "" && r[0] >= 'a' && r[0] <= 'z' {
		return true
	}
	return strings.Contains(lower, "client_verify") || strings.Contains(lower, "client-verify")
}

// undecorated is line without what pasting puts before it: a Markdown
// quote ("> "), quotes and backticks, indentation. curl's "* " and
// gnutls-cli's "- " stay: they are their own (the few patterns anchored at
// a line's start allow a list item's "- " themselves).
func undecorated(line string) string {
	for {
		t := strings.TrimLeft(line, " \t\"'`")
		if r, ok := strings.CutPrefix(t, "> "); ok {
			t = r
		}
		if t == line {
			return line
		}
		line = t
	}
}

func attribute(line, lower string) Attribution {
	if clientVerifyVar(lower) {
		// nginx judged the client's certificate and passed its verdict
		// on (ssl_verify_client optional); Apache's mod_ssl names the
		// same verdict SSL_CLIENT_VERIFY.
		if strings.Contains(line, "SSL_CLIENT_VERIFY") || strings.Contains(lower, "mod_ssl") || strings.Contains(lower, "apache") {
			return attr("apache", RoleServer, "", false)
		}
		return attr("nginx", RoleServer, "", false)
	}
	isNginx := reNginxLine.MatchString(lower) || reAccessReq.MatchString(lower)
	if !isNginx && strings.Contains(lower, "handshake error") {
		// A NATS server's route, leafnode or gateway connection: which
		// side it is follows from the peer's port.
		if role, ok := natsRole(lower); ok {
			return attr("go", role, "", false)
		}
	}
	if !isNginx && strings.Contains(line, "TLS: can't accept:") {
		// OpenLDAP's slapd (and libldap servers) in capitals, which Go's
		// lower-case "tls: " would otherwise claim.
		return attr("unknown", RoleServer, "", false)
	}
	if !isNginx && strings.HasPrefix(strings.TrimSpace(line), "TLS: ") && strings.Contains(lower, "error:") {
		// OpenLDAP's libldap (slapd, or a client) printing OpenSSL's error
		// queue after its capital "TLS: ": not Go, which never prints it.
		return attr("unknown", RoleServer, "", true)
	}
	if !isNginx && (strings.Contains(lower, "boringssl_session_") || strings.Contains(lower, "boringssl_context_")) {
		// Network.framework's BoringSSL on iOS and macOS: an app's
		// connection, whose error prints BoringSSL's "...:OPENSSL_internal:"
		// as envoy's does.
		return attr("unknown", RoleClient, "", false)
	}
	if !isNginx && reEnvoyErr.MatchString(lower) {
		// envoy prints BoringSSL's packed code in decimal; most such lines
		// are about its upstream connections.
		upstream := strings.Contains(lower, "upstream") || strings.Contains(lower, "transport failure")
		if strings.Contains(lower, "downstream") || serverOnlyReason(lower) || !upstream && !strings.Contains(lower, "pool") && certAlert(lower) {
			// A listener's handshake; a certificate alert received outside
			// an upstream's failure is mostly a client refusing the
			// listener's certificate (in a mesh, an expired one).
			guessed := !strings.Contains(lower, "downstream") && !serverOnlyReason(lower)
			return attr("envoy", RoleServer, "", guessed)
		}
		return attr("envoy", RoleClient, "", false)
	}
	if !isNginx && reOpenSSLErr.MatchString(strings.TrimSpace(lower)) {
		if strings.Contains(lower, "deps/openssl") || strings.Contains(lower, "deps\\openssl") {
			// node's bundled OpenSSL prints its source path.
			return attr("node", RoleClient, "", false)
		}
		if serverOnlyReason(lower) {
			// a server program's error queue, not openssl s_client's
			return attr("unknown", RoleServer, "", false)
		}
		return served(attr("openssl", RoleClient, "", false), lower)
	}
	if trim := strings.TrimSpace(lower); !isNginx && strings.HasPrefix(trim, "verification error: ") {
		// s_client's verdict on the server's chain (OpenSSL 3).
		return attr("openssl", RoleClient, "", false)
	} else if rest, ok := strings.CutPrefix(trim, "verify error:"); ok && !isNginx && rest != "" && rest[0] != ' ' && !strings.HasPrefix(rest, "num=") {
		// s_server's verdict on its client's certificate, printed after
		// the failed accept; the verify callback's "verify error:num=N"
		// lines are s_client's and s_server's alike.
		return attr("openssl", RoleServer, "", false)
	}
	if strings.TrimSpace(lower) == "{error,closed}" {
		// An Erlang/OTP ssl client's error term when the server closed.
		return attr("unknown", RoleClient, "", false)
	}
	if !isNginx && (strings.Contains(lower, "{tls_alert") || strings.Contains(lower, ".erl:")) {
		// Erlang/OTP's ssl application.
		return attr("unknown", unknownRole(lower), "", false)
	}
	if !isNginx && (strings.Contains(lower, "tls protocol defined fatal alert code") || strings.Contains(lower, "fatal alert was generated")) {
		// Windows' Schannel event log (IIS, .NET, RDP...): either side.
		return attr("unknown", RoleServer, "", true)
	}
	if !isNginx && reCurlBackend.MatchString(lower) {
		// curl's messages name its TLS library and version first:
		// "curl: (35) OpenSSL/3.0.2: error:0A000152:...".
		return attr("curl", RoleClient, "", false)
	}
	if !isNginx && reMosquitto.MatchString(lower) {
		// The mosquitto broker's log: the server, unless an OpenSSL function
		// of a client's handshake shows its bridge connection.
		for _, w := range []string{"connect_cr", "server_certificate", "server_hello", "_clnt", "ssl_connect"} {
			if strings.Contains(lower, w) {
				return attr("unknown", RoleClient, "", false)
			}
		}
		return attr("unknown", RoleServer, "", false)
	}
	if hasCodeAfterColon(lower) && reLuaRequest.MatchString(lower) {
		// lua-resty-http and other Lua libraries pass the cosocket's "20: unable to ..." on.
		return attr("nginx", RoleClient, CtxLua, false)
	}
	if !isNginx && (reOpenVPNPeer.MatchString(lower) || strings.Contains(lower, "openvpn[") && reOpenVPNNamedPeer.MatchString(lower)) {
		// An OpenVPN server names the peer it judges: "1.2.3.4:5678 VERIFY ERROR: ...".
		return Attribution{Reporter: "unknown", Role: RoleServer}
	}
	if !isNginx && strings.Contains(lower, "verify error: depth=") && reCRLError.MatchString(lower) {
		// OpenVPN's chain check failing on its CRL: crl-verify is the
		// server's option, so the server judged a client.
		return Attribution{Reporter: "unknown", Role: RoleServer}
	}
	if !isNginx && reLogcat.MatchString(lower) {
		// Android's logcat: Java (or Kotlin) code.
		return served(attr("java", RoleClient, "", false), lower)
	}
	if !isNginx && reApache.MatchString(lower) && !strings.Contains(lower, "_ssl.c:") {
		// (A Python application's own error under mod_wsgi carries
		// Apache's prefix and Python's ssl module's words.)
		return attr("apache", apacheRole(lower), "", false)
	}
	if !isNginx && reHAProxyOCSPUpdate.MatchString(lower) {
		return attr("haproxy", RoleServer, "", false)
	}
	if !isNginx && reHAProxyConn.MatchString(lower) {
		return attr("haproxy", RoleServer, "", false)
	}
	if !isNginx && reHAProxyServerFail.MatchString(lower) {
		// An HTTP log line whose termination state blames the server
		// side: HAProxy as the client of its backend.
		return attr("haproxy", RoleClient, "", false)
	}
	if strings.Contains(lower, "[emerg]") && (isNginx || strings.Contains(lower, "nginx: [emerg]")) {
		// nginx failing to start: its own configuration (even proxy_ssl_*).
		return attr("nginx", RoleServer, "", false)
	}
	if strings.Contains(lower, "ssl_do_handshake(") && !strings.Contains(lower, "ssl_do_handshake()") {
		// NGINX Unit names the result: "SSL_do_handshake(12) failed", as the server.
		return attr("unknown", RoleServer, "", false)
	}
	if strings.HasPrefix(strings.Trim(lower, "`> "), "ssl: error:") {
		// nginx's "(SSL: error:...)" tail, pasted without the start of its line.
		return attr("nginx", RoleServer, "", false)
	}
	if isNginx && outboundHandshake(lower) && !strings.Contains(lower, "upstream") && !strings.Contains(lower, "while ssl handshaking,") {
		// A Lua cosocket's handshake (see outboundHandshake), before the
		// rules below take "SSL_do_handshake() failed" for nginx's server.
		return attr("nginx", RoleClient, CtxLua, false)
	}
	macro := strings.Contains(lower, "x509_v_err_")
	rustlsWords := !isNginx && catalogue.RustlsWords(lower)
	for i, r := range attrRules {
		if r.reporter != "nginx" && isNginx || r.reporter == "node" && macro {
			continue
		}
		if i == rustlsRule() && rustlsWords {
			// rustls's names of an alert ("received fatal alert:
			// CertificateRequired"), which Java's words would take, or
			// webpki's after 0.19's "invalid certificate: ".
			return rustlsRole(served(attr(r.reporter, r.role, r.ctx, false), lower), lower)
		}
		for _, s := range r.any {
			if s == "tls: " && (!reGoTLS.MatchString(lower) || !reGoTLSCase.MatchString(line) || reTLSThenOpenSSL.MatchString(lower)) {
				continue // "starttls: ", OpenLDAP's "TLS: " and OpenSSL's queue after "tls: " are not Go's
			}
			if s == "ssl_error_" && !firefoxCode(lower) {
				continue // OpenSSL's SSL_ERROR_SSL and SSL_ERROR_SYSCALL, in any program
			}
			if strings.Contains(lower, s) {
				if i == goFormatRule() {
					// Only the logger says Go: the side is the words'
					// guess, which an entry's own side may correct.
					role, guessed := unknownRoleGuess(lower)
					return served(attr("go", role, "", guessed), lower)
				}
				if i == rustlsRule() {
					return rustlsRole(served(attr(r.reporter, r.role, r.ctx, false), lower), lower)
				}
				return served(attr(r.reporter, r.role, r.ctx, false), lower)
			}
		}
	}
	switch {
	case isNginx && outboundHandshake(lower):
		// nginx finishes its clients' handshakes before it reads their
		// requests: a handshake that fails while a request is being
		// served is one nginx makes itself, and not to an upstream (its
		// lines say so): a Lua cosocket's.
		return attr("nginx", RoleClient, CtxLua, false)
	case isNginx:
		return attr("nginx", RoleServer, "", false)
	case strings.HasPrefix(strings.TrimSpace(lower), "* "):
		return attr("curl", RoleClient, "", false)
	case strings.HasPrefix(strings.TrimSpace(line), "Error: ") && strings.Contains(lower, ": open /") && strings.Contains(lower, ": no such file or directory"):
		// Go's words for a missing file ("open /path: no such file or
		// directory"; node's are "ENOENT: ..., open '/path'"), after
		// the "Error: " of a Go command line tool (cobra's).
		return served(attr("go", RoleClient, "", false), lower)
	case strings.HasPrefix(strings.TrimSpace(line), "Error: ") && !containsAny(lower, notNodeErrors):
		// node prints an Error's message so (a server's too); many other
		// command line clients start their errors with the same word, so
		// the line is node's only when node's own words follow.
		if containsAny(lower, nodeErrors) {
			return served(attr("node", RoleClient, "", false), lower)
		}
		return served(attr("unknown", RoleClient, "", false), lower)
	}
	if refusedClientCert(lower) && !strings.Contains(lower, "_ssl.c") && !strings.Contains(lower, "javax.") {
		// "client certificate is not trusted": a server's refusal, in the
		// words of a server no rule above names, or of a client relaying
		// them.
		return Attribution{Reporter: "unknown", Role: RoleServer}
	}
	role, guessed := unknownRoleGuess(lower)
	return served(attr("unknown", role, "", guessed), lower)
}

// outboundHandshake reports whether an nginx line is a failed TLS
// handshake logged while a request was being served (its context names
// the request). nginx finishes its clients' handshakes before it reads
// their requests, so such a handshake is one nginx makes itself; one to an
// upstream says so, and the rest are a Lua cosocket's.
func outboundHandshake(lower string) bool {
	return strings.Contains(lower, `, request: "`) &&
		(strings.Contains(lower, "ssl_do_handshake() failed") || strings.Contains(lower, "peer closed connection in ssl handshake"))
}

// rustlsRule is the index of rustls's rule in attrRules.
var rustlsRule = sync.OnceValue(func() int {
	for i, r := range attrRules {
		if r.reporter == "unknown" && slices.Contains(r.any, "invalid peer certificate") {
			return i
		}
	}
	return -1
})

// goFormatRule is the index of the rule that knows Go only by its
// loggers' and sources' formats.
var goFormatRule = sync.OnceValue(func() int {
	for i, r := range attrRules {
		if r.reporter == "go" && slices.Contains(r.any, "lvl=eror") {
			return i
		}
	}
	return -1
})

// rustlsServerWords are a rustls server's words: its module, its
// connection type, an acceptor (tokio-rustls, hyper-rustls, actix, axum).
var rustlsServerWords = []string{"rustls::server", "illegal sni hostname", "serverconnection", "server_conn", "tlsacceptor", "tls acceptor", "acceptor", "accept error", "failed to accept", "incoming connection"}

// rustlsRole is a rustls line's role: a server's when its words or the
// error (one only rustls's server returns) say so, else a client's.
func rustlsRole(a Attribution, lower string) Attribution {
	if a.Role == RoleServer {
		return a
	}
	server := catalogue.RustlsServerSide(lower)
	for _, w := range rustlsServerWords {
		server = server || strings.Contains(lower, w)
	}
	if server {
		a.Role, a.Guessed = RoleServer, false
	}
	return a
}

// hasCodeAfterColon reports whether lower holds ": N: " or ": NN: ", the
// form of a Lua cosocket's verify error, before any regular expression
// runs (most lines do not).
func hasCodeAfterColon(lower string) bool {
	for i := 0; ; {
		j := strings.Index(lower[i:], ": ")
		if j < 0 {
			return false
		}
		k := i + j + 2
		n := 0
		for k+n < len(lower) && n < 3 && lower[k+n] >= '0' && lower[k+n] <= '9' {
			n++
		}
		if n >= 1 && n <= 2 && strings.HasPrefix(lower[k+n:], ": ") {
			return true
		}
		i = k
	}
}

// apacheRole: Apache is the server unless the line is about its proxy's
// own handshakes with a backend.
func apacheRole(lower string) string {
	// mod_ssl tags a backend connection "[remote IP:port]", a client's "[client ...]".
	// Its stapling code fetches OCSP responses as a client too.
	for _, w := range []string{"sslproxy", "ssl proxy", "[proxy:", "[proxy_http", "remote server", "[remote ", "ssl_stapling", "stapling_", "ocsp",
		"proxy client certificate callback", "downstream server wanted",
		// mod_ldap's connections to an LDAP server
		"[authnz_ldap:", "[ldap:", "ldap_simple_bind() failed"} {
		if strings.Contains(lower, w) {
			return RoleClient
		}
	}
	return RoleServer
}

// serverMarks are words of a program that accepted the connection: an
// explicit server side, or the client-facing side of a proxy (sslsplit's
// "src" bufferevent, a ProxyServer class, an intercepting proxy's words
// for its work: "mitm", "解密" (decryption) as in "HTTPS解密"). Words any
// proxy uses for both of its sides ("proxy error") are not marks: a wrong
// flip would blame the wrong certificate, while no flip leaves the
// two-sided story.
var serverMarks = []string{"handshake client", "tls server", "server_side", "ssl_accept", "handling connection", "incoming connection",
	"inbound", "wrap_socket(self.connection", "src bufferevent", "proxyserver", "serverhandler", "server handshake",
	"client connection", "can't accept:", "client disconnected",
	// a request read from the client, an intercepting proxy's side to it
	"failed to read request", "mitm", "解密"}

// serverOnly are reasons only a TLS server reports: what its client sent
// is not a ClientHello (an HTTP or proxy request) or shares nothing with it.
// (Function names as a server's: a client's own ssl3_client_hello is not one.)
var serverOnly = []string{"https_proxy_request", ":https proxy request", "http_request", ":http request", "] http request", "no_shared_cipher",
	"no shared cipher", "get_client_hello", "process_client_hello",
	// a client that sent no certificate, as the server that wanted one says
	"peer did not return a certificate", "peer_did_not_return_a_certificate", "no certificates returned",
	"get_client_certificate", "process_client_certificate",
	// the CA file that checks client certificates (kube-apiserver's
	// --client-ca-file)
	"client ca file", "client-ca-file", "client_ca_file",
	// OpenSSL's source file of the server's handshake, in 1.1 and 3.x
	// (statem) and 1.0 (s3_srvr): the CertificateVerify a client signed,
	// a ClientKeyExchange
	"statem_srvr.c", "s3_srvr.c"}

// refusedClientWords are a server's plain words for its refusal of its
// client's certificate (which a client relaying its answer repeats).
var refusedClientWords = []string{"client certificate is not trusted", "client certificate not trusted", "untrusted client certificate", "client certificate is untrusted"}

// refusedClientCert reports whether lower says in plain words that a
// client's certificate was not trusted.
func refusedClientCert(lower string) bool {
	for _, w := range refusedClientWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// serverOnlyReason reports whether lower names a reason only a server
// reports, or a server's refusal of its client's certificate.
func serverOnlyReason(lower string) bool {
	for _, w := range serverOnly {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return refusedClientCert(lower)
}

// served turns a client's attribution into a server's when the line is a
// received alert in the log of a program that accepted the connection: the
// alert is then its client's complaint about this server's certificate.
func served(a Attribution, lower string) Attribution {
	if a.Role == RoleClient && a.Context == "" && (eitherSide[a.Reporter] || a.Reporter == "python") && serverStack(lower) {
		// A stack trace or traceback of the program that accepted the
		// connection.
		a.Role = RoleServer
		return a
	}
	if a.Role == RoleClient && a.Context == "" && (eitherSide[a.Reporter] || a.Reporter == "python") && ownLoad(lower) && !hasClientMark(lower) &&
		!strings.Contains(lower, "client cert") {
		// Loading its own certificate or key: a server's start-up, as
		// clients seldom have one.
		a.Role = RoleServer
		return a
	}
	if a.Role == RoleClient && a.Context == "" && a.Reporter != "nginx" && serverOnlyReason(lower) {
		// Only a server reports these, whoever printed them.
		a.Role = RoleServer
		return a
	}
	if a.Role != RoleClient || a.Reporter == "nginx" || a.Context != "" || !receivedAlert(lower) {
		return a
	}
	if reFromAddr.MatchString(lower) {
		// "error from 192.0.2.7:45676: remote error: ...": a server names
		// the client it was handshaking with.
		a.Role = RoleServer
		return a
	}
	for _, w := range serverMarks {
		if strings.Contains(lower, w) {
			a.Role = RoleServer
			return a
		}
	}
	if strings.Contains(lower, "io.netty.handler.codec.decoderexception") && !strings.Contains(lower, "client") &&
		!strings.Contains(lower, "alert: handshake_failure") && !strings.Contains(lower, "alert: certificate_expired") {
		// Netty's pipeline reports received alerts so mostly in servers;
		// a client's pipeline (pulsar-client, a ClientCnx) names itself.
		// handshake_failure (a server without a shared suite, or wanting
		// a client certificate) and certificate_expired (a server refusing
		// an expired client certificate, as Apple's push service does)
		// are mostly received by clients.
		a.Role = RoleServer
		return a
	}
	if eitherSide[a.Reporter] && certUnknownAlert(lower) && !hasClientMark(lower) {
		// certificate_unknown (46) is what browsers, apps and JSSE clients
		// send when they refuse a server's certificate (OpenSSL servers
		// refuse client certificates with 42 or 48): received by a program
		// that may be either side, it is most likely the server (JSSE
		// servers also refuse client certificates with 46, as a real run
		// here showed: the story names that case too).
		a.Role, a.Guessed = RoleServer, true
	}
	return a
}

// ownLoad reports whether lower is a failure to load the writer's own
// certificate or key into its TLS context (OpenSSL's function names, PEM
// reading errors).
func ownLoad(lower string) bool {
	for _, w := range []string{"ssl_ctx_use_", "ssl_ctx_check_private_key", "x509_check_private_key", "pem routines", "pem_read_bio",
		// Python's load_cert_chain
		"[ssl] pem lib", "load_cert_chain",
		// Go's tls.LoadX509KeyPair
		"private key does not match public key", "failed to find any pem data", "failed to find pem block",
		"tls: failed to find certificate pem data", "pem inputs may have been switched", "found a certificate rather than a key",
		"tls: failed to parse private key", "private key type does not match public key type",
		// Spring Boot's SSL bundles
		"error reading certificate or key from file"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	// Java opening its keystore (mostly a server's, at its start; a
	// truststore is what a client opens to trust its servers).
	return containsAny(lower, javaKeystoreWords) && !strings.Contains(lower, "truststore")
}

// javaKeystoreWords are Java's words for a keystore (or a key in it) it
// could not open.
var javaKeystoreWords = []string{"keystore was tampered with", "keystore password was incorrect", "unrecoverablekeyexception"}

// eitherSide are the writers whose lines come as often from servers and
// proxies as from clients.
var eitherSide = map[string]bool{"java": true, "node": true, "go": true, "unknown": true}

// clientMarks are words of a program that opened the connection: a URL or
// request it was making, a dial, a main thread's call, node's socket error.
var clientMarks = []string{"tls client:", "received server alert", "https://", "http://", "httpsconnectionpool", "urlopen", "client_cert", "cert=(", "postman",
	// the docker CLI's own TLS files (DOCKER_CERT_PATH)
	"/.docker/",
	"clientset", "kubeconfig", "kubectl", "helpers.go:", "get \"", "post \"", "dial tcp", "connecting to", "connect to ", "could not connect",
	"failed to connect", "thread \"main\"", "eproto", "axisfault", "request to", "fetch",
	// PowerShell's and .NET Framework's web clients
	"invoke-webrequest", "invoke-restmethod", "the underlying connection was closed",
	// OpenSSL's client call, as Ruby's binding and others name it
	// ("SSL_connect returned=1 errno=0 state=...").
	"ssl_connect",
	// OpenSSL's words for a received certificate_required, which only a
	// TLS 1.3 server sends.
	"alert certificate required",
	// a program's own words for the connection it opened
	"negotiate tls encryption with"}

// ShowsClient reports whether a line (lower-case) holds words of a
// program that opened the connection (a URL, a dial, a main thread).
func ShowsClient(lower string) bool {
	return hasClientMark(lower)
}

// serverStack reports whether a pasted stack trace or traceback (lower
// case) is a server's: JSSE checking a client's certificate, Python's ssl
// module accepting a connection.
func serverStack(lower string) bool {
	for _, w := range []string{"checkclienttrusted", "checkclientcerts", "server_side=true",
		// Python's servers: socketserver and http.server, Flask's and
		// Django's development servers, the ASGI and WSGI servers,
		// Tornado (its "SSL Error on FD (address)" line)
		"socketserver.py", "serve_forever", "in get_request", "werkzeug", "uvicorn", "gunicorn", "hypercorn", "daphne", "waitress",
		"tornado.general", "ssl error on ", "aiohttp.server", "invalid method encountered",
		// node's
		"tlsclienterror"} {
		if strings.Contains(lower, w) {
			return !tornadoToServer(lower)
		}
	}
	return strings.Contains(lower, "ssl.py") && strings.Contains(lower, ", in accept") || JudgesClientCerts(lower)
}

// reNATSPeer is the peer's address before NATS's connection tag
// ("127.0.0.1:63547 - lid:6 - TLS leafnode handshake error").
var reNATSPeer = lazyre.New(`:(\d+) - (?:lid|rid|cid|gid):\d+ - `)

// natsRole is the side of a NATS server's line about a route, leafnode
// or gateway connection: a peer on a NATS listening port (4222 clients,
// 6222 routes, 7222 gateways, 7422 leafnodes, 443) is the remote server
// this one dialled; a peer on another port dialled this one.
func natsRole(lower string) (string, bool) {
	return peerRole(reNATSPeer, lower, func(port int) bool {
		return port == 4222 || port == 6222 || port == 7222 || port == 7422 || port == 443
	})
}

// reTornadoPeer is the peer's address in Tornado's "SSL Error on FD
// ('ADDRESS', PORT)" line.
var reTornadoPeer = lazyre.New(`ssl error on \d+ \('[^']*', (\d+)`)

// tornadoToServer reports whether Tornado's line names a peer on a
// server's port (below 1024, or 8443, 6443, 9443): Tornado was then the
// client (its HTTP client, as Salt and Jupyter use it).
func tornadoToServer(lower string) bool {
	role, ok := peerRole(reTornadoPeer, lower, func(port int) bool {
		return port < 1024 || port == 8443 || port == 6443 || port == 9443
	})
	return ok && role == RoleClient
}

// peerRole is the side of the program whose line names its peer's port
// (re's first group): the client when the peer is on a server's port,
// the server when the peer came from any other (an ephemeral one).
func peerRole(re *lazyre.Regexp, lower string, serverPort func(int) bool) (string, bool) {
	m := re.FindStringSubmatch(lower)
	if m == nil {
		return "", false
	}
	port, err := strconv.Atoi(m[1])
	if err != nil {
		return "", false
	}
	if serverPort(port) {
		return RoleClient, true
	}
	return RoleServer, true
}

// clientCertSettings are a server's settings for client certificates:
// Go's, rustls's, Dart's, JSSE's and Spring Boot's.
var clientCertSettings = []string{"clientcas", "requireandverifyclientcert", "verifyclientcertifgiven", "webpkiclientverifier",
	"allowanyauthenticatedclient", "client_cert_verifier", "clientcertverifier", "secureserversocket", "requestclientcertificate",
	"bindsecure", "needclientauth", "server.ssl.client-auth"}

// JudgesClientCerts reports whether a line (lower-case) names a server's
// setting for client certificates beside its error: the certificate the
// error is about is then a client's.
func JudgesClientCerts(lower string) bool {
	for _, w := range clientCertSettings {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

func hasClientMark(lower string) bool {
	for _, w := range clientMarks {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// certUnknownAlert reports whether a line tells of a received alert 46,
// certificate_unknown, in OpenSSL's, BoringSSL's, Java's, Go's or
// Erlang's words.
func certUnknownAlert(lower string) bool {
	for _, w := range []string{"alert certificate unknown", "alert_certificate_unknown", "fatal alert: certificate_unknown",
		"alert number 46", "fatal - certificate unknown"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	i := strings.Index(lower, "remote error: tls: unknown certificate")
	return i >= 0 && !strings.HasPrefix(lower[i+len("remote error: tls: unknown certificate"):], " authority")
}

// certAlert reports whether a line tells of a received alert about a
// certificate (bad, unknown CA, expired, revoked, unknown), in OpenSSL's
// or BoringSSL's words.
func certAlert(lower string) bool {
	if certUnknownAlert(lower) {
		return true
	}
	for _, w := range []string{"alert bad certificate", "alert_bad_certificate", "alert unknown ca", "alert_unknown_ca",
		"alert certificate expired", "alert_certificate_expired", "alert certificate revoked", "alert_certificate_revoked"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// receivedAlert reports whether a line tells of an alert that came from
// the other side (OpenSSL's "alert ..." reasons, Go's "remote error",
// JSSE's "received fatal alert", BoringSSL's ALERT macros).
func receivedAlert(lower string) bool {
	for _, w := range []string{"alert", "remote error"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// unknownRole guesses the role of a line nobody can be told from: the
// OpenSSL function names and words of a client or a server, else (a bare
// reason or code, as explain is usually given) the server's.
func unknownRole(lower string) string {
	role, _ := unknownRoleGuess(lower)
	return role
}

// unknownRoleGuess is unknownRole, and whether nothing in the line said
// which side wrote it (the server's role is then a default).
func unknownRoleGuess(lower string) (string, bool) {
	for _, w := range []string{"tls client:", "tls :client:", "generated client alert", "x509verifyresult",
		// Elixir's and Erlang's HTTP clients
		"httpoison", "hackney", "mint.", "finch", "tesla", "httpc",
		// an older Erlang/OTP in its certify state as Elixir's Logger
		// prints it (":certify:"): HTTP clients' lines, in the threads
		// seen (RabbitMQ's error_logger writes "SSL: certify:")
		"ssl: :certify:"} {
		if strings.Contains(lower, w) {
			return RoleClient, false
		}
	}
	if strings.Contains(lower, "ssl_alert.erl:") && (strings.Contains(lower, ": :hello:") || strings.Contains(lower, ": hello:")) {
		// An older Erlang/OTP that received an alert in its hello state:
		// a client waiting for the ServerHello, which the server refused.
		return RoleClient, false
	}
	for _, w := range []string{"tls server:", "tls :server:", "received client alert"} {
		if strings.Contains(lower, w) {
			return RoleServer, false
		}
	}
	for _, w := range []string{"ssl_connect", "server_hello", "_clnt", "connect_cr", "preverify", "verify failed", "verify_failed", "verify error", "verification failed",
		// a client's words about the server's certificate (wget, .NET, NSS)
		"certificate, issued by", "unable to locally verify", "remote certificate is invalid", "could not establish trust relationship",
		// Ruby's (RubyGems') words for an expired certificate of the chain
		"certificate /c=",
		// a client's check of the server's key exchange
		"ske_dhe", "ske_ecdhe",
		// Mbed TLS's client source files, in its debug lines
		"ssl_cli.c", "ssl_tls12_client.c", "ssl_tls13_client.c"} {
		if strings.Contains(lower, w) {
			return RoleClient, false
		}
	}
	for _, w := range []string{"ssl_accept", "client_hello", "get_client_cert", "_srvr", "serving", "listen", "sslize", "traffic_server", "can't accept:", "client disconnected",
		// Mbed TLS's server source files
		"ssl_srv.c", "ssl_tls12_server.c", "ssl_tls13_server.c"} {
		if strings.Contains(lower, w) {
			return RoleServer, false
		}
	}
	if containsAny(lower, caLoadWords) {
		// CAs are read to trust the other side: mostly a client's, its
		// servers' (a server's are for client certificates, rarer).
		return RoleClient, true
	}
	if containsAny(lower, serverSentAlerts) {
		// Alerts 40, 70 and 80 are mostly a server's answer to a client's
		// hello (no suite, version or certificate in common), so a line
		// that names one and nothing of its writer's side is mostly the
		// client's that received it.
		return RoleClient, true
	}
	if strings.Contains(lower, "wolfssl") {
		// wolfSSL runs mostly in clients (devices, curl); its servers'
		// lines name wolfSSL_accept or the server (above). A TLS 1.3
		// client learns of its refusal on wolfSSL_read.
		return RoleClient, false
	}
	entry := strings.Contains(lower, "error:") && strings.Contains(lower, "routines") ||
		trimmedEntry(lower) && strings.Contains(lower, "ssl routines")
	if entry && len(strings.Fields(lower)) > 2 {
		return RoleClient, false
	}
	if hasClientMark(lower) {
		// a URL it was fetching, a dial, a connection it opened
		return RoleClient, false
	}
	if strings.Contains(lower, "socket hang up") || strings.Contains(lower, "com.freerdp.") && !strings.Contains(lower, "com.freerdp.server") {
		// node's words for a connection that ended before the response
		// it was waiting for (its servers' lines name the TLS socket);
		// FreeRDP's logger tags, mostly of its clients (xfreerdp,
		// Remmina).
		return RoleClient, true
	}
	if strings.Contains(lower, "wrong version number") || strings.Contains(lower, "wrong_version_number") {
		// Bytes that are not TLS where a record was due: a client's
		// https:// to a plain port, far more than a server's (which says
		// "http request", or names the connection it was accepting).
		return RoleClient, true
	}
	return RoleServer, true
}

// caLoadWords are a program's words for a CA file or bundle it could not
// load.
var caLoadWords = []string{"could not load ca", "load ca list", "ca bundle", "certificatebundleloadfailure", "ca certificates file", "cafile", "load ca certificates",
	"trusted ca certificates", "trusted ssl root certificates"}

// serverSentAlerts name the alerts servers send far more than clients do,
// in OpenSSL's, BoringSSL's and the protocol's spellings.
var serverSentAlerts = []string{"alert handshake failure", "alert_handshake_failure", "handshake_failure(40)", "alert protocol version", "alert_protocol_version",
	"alert internal error", "alert_internal_error"}

// trimmedEntry reports whether lower begins with an OpenSSL error-queue
// entry whose "error:" the paste left out ("14094412:SSL routines:..."):
// a TLS reason so pasted is, like the whole entry, most often a client's.
func trimmedEntry(lower string) bool {
	return len(lower) > 9 && lower[8] == ':' && hex8([]byte(lower[:8]))
}

// Reason is the OpenSSL reason of the last entry of the error queue in
// line ("error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert
// number 48" gives "tlsv1 alert unknown ca"), or "".
func Reason(line string) string {
	b := []byte(line)
	if i := lastEntry(b); i >= 0 {
		fields := strings.SplitN(line[i:], ":", 5)
		if len(fields) == 5 {
			r := fields[4]
			for _, end := range []string{":ssl alert number", ":SSL alert number", ":../", ":s3_", ":ssl/", ")", ",", "\n"} {
				if j := strings.Index(r, end); j >= 0 {
					r = r[:j]
				}
			}
			// 1.x appends ":file.c:line:" after the reason.
			if j := strings.Index(r, ".c:"); j >= 0 {
				if k := strings.LastIndexByte(r[:j], ':'); k >= 0 {
					r = r[:k]
				}
			}
			return strings.TrimSpace(r)
		}
	}
	return ""
}

// attr is an Attribution without a program.
func attr(reporter, role, ctx string, guessed bool) Attribution {
	return Attribution{Reporter: reporter, Role: role, Context: ctx, Guessed: guessed}
}

// firefoxCode reports whether lower holds an SSL_ERROR_ code other than
// the names of OpenSSL's SSL_get_error results, which any program prints.
func firefoxCode(lower string) bool {
	for _, w := range []string{"ssl_error_ssl", "ssl_error_syscall", "ssl_error_want_", "ssl_error_zero_return", "ssl_error_none"} {
		lower = strings.ReplaceAll(lower, w, "")
	}
	return strings.Contains(lower, "ssl_error_")
}
