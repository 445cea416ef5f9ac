package catalogue

import (
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// This file holds the words for a line whose writer is the TLS client
// (nginx to an upstream, a Lua cosocket, nginx fetching OCSP responses,
// curl, s_client, a Go, Python, Java or node client, a browser): a verify
// code there is about the SERVER's certificate, and the fix is the
// client's trust settings, never nginx's ssl_client_certificate.

// ClientVerifyText is a verify code printed by a TLS client about the
// server's certificate: {who} names the client ("curl", "nginx, as the
// client of its upstream,"), {code} and {text} the verify result,
// {meaning} the code's meaning, {fix} the client's own fix.
var ClientVerifyText = Text{ID: UpstreamVerifyError,
	Title: "{who} could not verify the server's certificate ({code}:{text})",
	Why:   "{meaning} Here {who} is the TLS client and the certificate it judged is the server's" + ClientVerifyNotNginx,
	Fix:   "{fix}",
}

// OfflineVerifyText is a verify result openssl verify printed about a
// certificate file ("error 20 at 0 depth lookup: ..."): no handshake.
var OfflineVerifyText = Text{ID: ServerCertUntrusted,
	Title: "openssl verify could not verify the certificate ({code}:{text})",
	Why:   "{meaning} Here no connection was made: openssl verify judged the certificate file it was given against the CAs given with -CAfile (and the intermediates with -untrusted), so read the server's certificate as that file, whichever side it is for.",
	Fix:   "{fix}",
}

// ClientVerifiedText is a client's verify result 0: it accepted the
// server's certificate ({who}).
var ClientVerifiedText = Text{ID: VerifyError,
	Title: "{who} verified the server's certificate (0:ok)",
	Why:   "Verify result 0 is success: {who} found the server's chain trusted and within its dates. Not an error. If the connection failed all the same, the cause is elsewhere: the server asked for a client certificate and refused the one sent or got none (a TLS 1.3 server's refusal arrives after the handshake, and s_client may have ended before reading it), or no protocol version or cipher is shared.",
	Fix:   "Nothing to fix in the server's certificate. If the server asks for a client certificate (s_client then lists its acceptable client certificate CA names), send one:\n  openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
}

// ServerNameWithPortText: the name a client checked ({name}) is a host
// with its port ({host} alone is the host).
var ServerNameWithPortText = Text{ID: ServerHostnameMismatch,
	Title: "The client checks the server's certificate against {name}: a host name with its port",
	Why:   "The name the client compares with the certificate is {name}, host and port together. A certificate names hosts, never ports, so this cannot match whatever the certificate holds: the program (or its configuration) set its TLS server name from an address instead of a host name (Go: tls.Config ServerName \"host:443\", or a URL's Host where its Hostname() belongs). When the program builds that name itself, it is a bug of that release.",
	Fix:   "Give the client the host alone as its server name, {host} (Go: ServerName from net.SplitHostPort(addr) or u.Hostname()); the certificate needs no change. When the program builds the name itself, upgrade it to a release that strips the port.",
}

// SchemeAsHostText is a name check against "https" or "http": a URL's
// scheme was given where its host belongs.
var SchemeAsHostText = Text{ID: ServerHostnameMismatch,
	Title: "The client checks the server's certificate against {name}: a URL's scheme, not a host",
	Why:   "The host name the client compares with the certificate is {name}: the program was given a whole URL (https://host...) where a host name belongs (node's https.request host or hostname option, a setting or environment variable read as a host), so it took the scheme for the host. No certificate names it; the certificate is not at fault.",
	Fix:   "Give the host alone (without https:// and without a path) where a host is asked for, or pass the URL to a function that takes URLs (new URL(...), fetch):\n  APP_HOST=app.example.com",
}

// EmptyLabelText is a name check against a name with an empty part
// ("client..nomad"): the client built it from a value that was empty.
var EmptyLabelText = Text{ID: ServerHostnameMismatch,
	Title: "The client checks the server's certificate against {name}: a name with an empty part",
	Why:   "The name the client compares with the certificate, {name}, has an empty label (two dots together, or a dot at its start). The program built it from parts (a region, a datacenter, a namespace, a service or cluster name), and one of them was empty: a setting or environment variable left unset, or a bug of that release. No certificate carries such a name, so reissuing the certificate does not help.",
	Fix:   "Set the part that is missing in the client's configuration (Nomad: its region; Consul: its datacenter; a Kubernetes service name: its namespace), or upgrade the program when it builds the name wrong; then compare with the names the certificate carries:\n  openssl s_client -connect host:443 </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
}

// ListedNameText is a name check that failed on a name the certificate
// lists: the listing or the matcher is at fault, not the name.
var ListedNameText = Text{ID: ServerHostnameMismatch,
	Title: "The certificate lists {name}, and the client's name check still refused it",
	Why:   "The name the client connected to, {name}, is among the names the message gives for the certificate, so no other name is needed. Two things fail so: an IP address written in the certificate as a DNS name (DNS:{name}, which a client must not match against an address; it needs an IP entry, IP:{name}), or a matcher too old to compare IP addresses at all (Python 2.7 and 3.4's ssl.match_hostname, the backports.ssl_match_hostname and old urllib3 that docker-compose 1.x and old requests bundle).",
	Fix:   "See how the certificate lists it:\n  openssl s_client -connect {name}:443 </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'\nIf it shows DNS:{name}, reissue the certificate with IP:{name} in its subjectAltName; if it already shows IP:{name}, upgrade the client's Python, urllib3 and requests (or docker-compose):\n  pip install -U urllib3 requests",
}

// clientMeaning is, per verify code, what it says about a server's
// certificate chain as a client judged it.
// clientOptionUnapplied is the cause, shared by several of a client's
// verify failures, of a CA or skip option that did not take effect.
const clientOptionUnapplied = "the CA, or an option to skip the check, was given but does not reach the connection that failed: set in another place than the one the program reads, or ignored by one of its parts (a download, a proxy tunnel, another backend), a bug of its release that a later one fixes."

var clientMeaning = map[int]string{
	2:  "The server's chain names an issuer the client does not have: the server does not send its intermediate, or the client's CA file lacks it.",
	3:  "The client checks revocation with CRLs and has no CRL for a certificate in the server's chain: CRL checking was turned on (by the program, its configuration or its TLS library's defaults) without CRLs to check against. Right after an upgrade to OpenSSL 3.6.0 it is that version's change: X509_V_FLAG_CRL_CHECK_ALL alone turned CRL checking on, and Ruby's openssl gem before 3.3.1 (and programs that copied its defaults) set that flag.",
	9:  "The server's certificate (or one in its chain) is not valid yet by the client's clock: a clock that is behind (a board without a real-time clock, a machine without time sync), or a certificate issued moments ago by a machine whose clock is ahead.",
	34: "A certificate in the chain (the server's, or a CA's) carries an extension marked critical that this client's library does not implement, so it must refuse it: an enterprise CA template's vendor extension, Name Constraints in old Go versions, a protocol's own extension (libp2p) that the verifier does not know.",
	10: "The server's certificate (or one in its chain) has expired by the client's clock: a certificate not renewed, or one renewed on disk but not reloaded by the server, or a client clock that is wrong; a server that is someone else's (a public API, a mirror, a data service) left to lapse, or retired with its certificate while your configuration still names it (a beta, old or moved endpoint or mirror: the current URL is the fix); or the client builds the chain through an expired root that a newer client skips (Let's Encrypt's DST Root CA X3 since 2021-09-30, AddTrust External CA Root since 2020-05-30), because its CA bundle or TLS library (OpenSSL 1.0.x) is old, or through an expired intermediate that its own store still holds (Python and other programs on Windows read Windows' Intermediate Certification Authorities store, where an old Let's Encrypt R3 can linger: delete it there). A CA made with openssl req -x509 and no -days lasts 30 days: a chain that broke about a month after it was set up (depth 1 or more, where the line gives the depth) is that.",
	18: "The server sent a self-signed certificate that the client does not trust. A certificate signed by your own CA is taken for self-signed too when it has the same subject as the CA (the same -subj or common name for both), since its issuer then equals its subject: give the CA and the server certificate different subjects. When the server had a proper certificate before, a self-signed one now is a default certificate: a proxy, load balancer or appliance with no certificate for the name asked (or none for clients that send no SNI), or a server that fell back to its built-in one after failing to load its own. When a public site that works elsewhere gives a self-signed certificate only on this network, something in the path answers for it: a filtering or blocking network (an ISP's, a school's, a country's), a captive portal or a proxy that intercepts TLS. A client told to trust that certificate or to skip the check and still refusing it does not apply the setting where it failed: set in another place than the one it reads, or ignored by one of its parts (a bug of its release that a later one fixes).",
	19: "The server's chain ends in a self-signed root the client does not trust. Four causes: (1) a private CA not given to the client; (2) a TLS-intercepting corporate proxy or antivirus that re-signs the traffic with its own CA; (3) on a public site, a server that sends an old root or cross-sign in its chain that the client's current bundle no longer holds; (4) " + clientOptionUnapplied,
	20: "The client cannot find the issuer of the server's certificate among the CAs it trusts. Four causes: (1) a private CA (or a TLS-intercepting proxy's CA) not given to it; (2) a server that does not send its intermediate (an incomplete chain, such as Let's Encrypt's cert.pem served instead of fullchain.pem; browsers fetch the missing intermediate themselves, other clients do not); (3) for a public site, a CA bundle that lacks the site's current root: missing (a slim container image) or outdated (an old system, or a program that carries its own cacert.pem, such as an old certifi, WordPress's wp-includes/certificates/ca-bundle.crt, an agent's or library's bundled copy, which only the program's update or a replaced file renews), or, the other way round, a newer bundle that dropped an old root the server's chain still ends at (Mozilla's store removed AAA Certificate Services, GeoTrust's and Entrust's roots; then the server must serve a chain to a current root), or a CA setting that names only a private or grid CA file or directory (REQUESTS_CA_BUNDLE or requests' verify=, X509_CERT_DIR, git's http.sslCAInfo) and so replaces the public bundle instead of adding to it: public sites, and a server that moved to a public CA such as Let's Encrypt, then fail; (4) the CA was given, but this program does not use it: it reads its own bundle or store, not the one the CA went into (a container's, certifi's, a JVM's, Git for Windows' own), or one of its parts ignores the CA option (a bug or regression of its release, which the same files working with openssl s_client -CAfile show).",
	21: "The client could verify no signature of the server's first certificate. Four causes: (1) the server sends only its own certificate, not its intermediate (serve the full chain; browsers forgive it, other clients do not); (2) the CA is not trusted: a private CA not given to the client, or a TLS-intercepting proxy's (a corporate proxy or antivirus that re-signs the traffic); (3) the CA file given holds the server's own certificate instead of the CA that issued it (-CAfile server.crt); (4) " + clientOptionUnapplied,
	22: "The server's chain is longer than the client's verify depth allows.",
	28: "The CA bundle the client reads marks the root of the server's chain as not trusted for TLS servers: a bundle with trust settings (BEGIN TRUSTED CERTIFICATE blocks, as p11-kit writes for Fedora, RHEL and NixOS) in which that root is distrusted for server authentication, most often a root whose TLS trust its store removed (Mozilla's store dropped AAA Certificate Services and Entrust's roots for TLS) while the server still sends a chain to it, or a CA the client's bundle was given with a reject setting. Trusting more does not help: the server must serve a chain to a root still trusted for TLS (a current cross-sign or a certificate from another CA), or a private CA must go into the bundle as a plain certificate.",
	26: "The server's certificate may not be used for a TLS server (its extendedKeyUsage lacks serverAuth, or its keyUsage has neither digitalSignature nor keyEncipherment, such as a CA's keyCertSign only, as a real run here showed, or it has a Netscape nsCertType without server, such as nsCertType = client copied from a client section of an openssl.cnf, which OpenSSL-based clients check and Go ignores), or a CA in its chain may not issue certificates: an intermediate without basicConstraints CA:TRUE is reported so by some OpenSSL builds (node's, as a real run here showed), where others say 79 (invalid CA certificate).",
	62: "The server's certificate does not carry the host name the client asked for in its subjectAltName.",
	50: "The check that failed is the program's own, made after OpenSSL's chain check (X509_V_ERR_APPLICATION_VERIFICATION): ClickHouse and other programs on the Poco libraries, with extendedVerification on, compare the host name they connected to with the names of the server's certificate, and a name the certificate does not hold fails so; other programs' callbacks (pinning, checks of their own) report it too.",
	7:  "A signature in the server's chain does not verify with the key of the issuer the client found: the CA the client was given is another CA of the same name (a CA made again with a new key, a second test CA called the same, such as \"My CA\"), or the certificate was altered or copied incompletely. Trusting more does not help; the client needs the CA that really signed it.",
	8:  "The client checks the server's chain against a CRL whose signature does not verify with its CA's key: a CRL of another CA of the same name (a CA made again), or a damaged CRL file.",
	11: "A CRL the client checks the server's chain against is not valid yet by the client's clock (its lastUpdate lies ahead): a CRL just made on a machine whose clock is ahead, or a client clock that is behind.",
	12: "A CRL the client checks the server's chain against has passed its nextUpdate date: whoever keeps the CA must issue a new CRL (openssl ca -gencrl, easyrsa gen-crl) and the checking side must load it. OpenVPN 2.4 and later, nginx and Apache refuse every certificate while the CRL they are given is expired.",
	23: "The server's certificate (or a CA of its chain) is on its CA's revocation list: it was revoked, so a new one must be issued and served, or the wrong CRL was given.",
	25: "A CA of the server's chain has more CA levels below it than its basicConstraints path length allows: a CA made with pathlen:0 (certstrap's roots, guides' v3_ca with pathlen:0, some CA tools' defaults) may sign end certificates only, not an intermediate; a chain of root, intermediate and server breaks it. The depth the client allows is not the matter.",
	32: "A CA of the server's chain has a keyUsage without keyCertSign, so it may not sign certificates: a CA made with a leaf's extension file.",
	47: "A name of the server's certificate (a DNS name, IP address, email or URI, or a common name that looks like a host when there is no DNS name) lies outside what a CA above it permits in its nameConstraints.",
	48: "A name of the server's certificate lies in a subtree a CA above it excludes in its nameConstraints: a CA that excludes every IP address while the certificate carries IP addresses in its subjectAltName, or one that excludes a domain the certificate names.",
	44: "The CRL found for a certificate of the chain does not cover it: its Issuing Distribution Point names another distribution point than the certificate's CRL Distribution Points (a CA that writes its CRL's address into the CRL, as django-ca and some Windows CAs do, with an address that differs), or limits the CRL to end certificates or to CA certificates (onlyContainsUserCerts, onlyContainsCACerts), or it is an indirect or delta CRL OpenSSL does not take. Checking every CA's CRL (-crl_check_all) meets it on a root or intermediate whose CRL is so limited.",
	51: "A CA above the server's certificate has a nameConstraints extension with a kind of name the client's library cannot check (such as a directoryName or otherName form it does not support), so it refuses the chain.",
}

// offlineMeaning is, per verify code, what openssl verify's result says
// of the certificate file it judged, where the client's story does not
// fit (no server sent a chain: the files given are the chain).
var offlineMeaning = map[int]string{
	2:  "The top certificate openssl verify could find is not self-signed, and the certificate that issued it was not given: -CAfile holds an intermediate but not the root above it (openssl verify, like nginx, wants the chain to end in a self-signed root unless -partial_chain is given).",
	20: "openssl verify did not find the issuer of the certificate among the CAs given: -CAfile holds another CA (or the certificate itself), the intermediate is missing (it goes in -untrusted, or after the root in -CAfile), or the certificate was issued by a CA other than the one believed (a CA made again under the same name).",
	18: "The certificate is self-signed, or looks so because its issuer name equals its subject (a certificate given the same -subj or common name as its CA), and it is not in -CAfile itself: give the CA and the certificates it issues different subjects.",
	19: "The chain ends in a self-signed root that is not in -CAfile: the file given holds another root, or the root was given with -untrusted instead.",
	7:  "The certificate's signature does not verify with the key of the CA openssl verify found for it: -CAfile holds another CA of the same name (a CA made again with a new key, a second test CA called the same), or the certificate's bytes were changed after it was signed (a file edited by hand or by a tool, a bad copy or conversion). Compare its authorityKeyIdentifier with the CA's subjectKeyIdentifier (openssl x509 -text shows both): equal identifiers with a failing signature mean the certificate itself is damaged and must be issued again.",
	21: "openssl verify could not verify the signature of the certificate itself: its issuer is not among the CAs given (-CAfile holds another CA, or the certificate itself), or the intermediate that issued it was not given with -untrusted.",
}

// OfflineMeaning is what verify code code ({text}) says of a certificate
// openssl verify judged.
func OfflineMeaning(code int, text string) string {
	if m, ok := offlineMeaning[code]; ok {
		return m
	}
	return ClientMeaning(code, text)
}

// ClientMeaning is what verify code code ({text}) says about the server's
// certificate, as a client judged it.
func ClientMeaning(code int, text string) string {
	if m, ok := clientMeaning[code]; ok {
		return m
	}
	if strictCode(code) {
		v, _ := Verify(code)
		return Fill("A certificate of the server's chain fails OpenSSL's strict check {code} ({text}). {meaning} ", Vars{"code": itoa(code), "text": text, "meaning": v.Meaning}) + strings.TrimSpace(strictCheck)
	}
	return Fill("OpenSSL's verify result {code} ({text}) for the server's certificate chain.", Vars{"code": itoa(code), "text": text})
}

// clientTrust is, per client (Attribution context or reporter), how to
// give it the CA of the server it talks to.
var clientTrust = map[string]string{
	"upstream":       "Give nginx the CA that issued the backend's certificate, where it proxies:\n  proxy_ssl_trusted_certificate /etc/nginx/upstream-ca.pem;\n  proxy_ssl_verify_depth 2;\nthen reload:\n  {reload}\nand make the backend send its intermediates with its certificate. (ingress-nginx: the proxy-ssl-secret annotation, whose secret holds ca.crt, with proxy-ssl-verify; Kong: the Service's ca_certificates with tls_verify.)",
	"lua":            "Give Lua cosockets a CA bundle (in the http block):\n  lua_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n  lua_ssl_verify_depth 3;\nthen reload:\n  {reload}",
	"njs":            "Give njs's ngx.fetch() a CA bundle; it does not use ssl_trusted_certificate or proxy_ssl_*:\n  js_fetch_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n  js_fetch_verify_depth 3;\nthen reload:\n  {reload}",
	"ocsp":           "Give nginx the issuer of its own certificate, to check the OCSP answer with:\n  ssl_trusted_certificate /etc/nginx/chain.pem;\nthen reload:\n  {reload}",
	"curl":           "Give curl the server's CA:\n  curl --cacert ca.crt https://host/\n(libcurl inside a program: its CURLOPT_CAINFO option; PHP: curl.cainfo in php.ini), and make the server send its intermediates (nginx: server certificate then intermediates in the ssl_certificate file).",
	"wpa_supplicant": "Give the supplicant the CA that issued the RADIUS server's certificate, and the server's name, in the network block (NetworkManager: 802-1x.ca-cert and 802-1x.domain-suffix-match; Android: CA certificate and Domain):\n  ca_cert=\"/etc/ssl/certs/radius-ca.pem\"\n  domain_suffix_match=\"radius.example.com\"\nSee which certificate the server sends, and its issuer, in the debug log:\n  wpa_supplicant -dd -i wlan0 -c /etc/wpa_supplicant.conf",
	"openssl-verify": "Name the root CA with -CAfile and the intermediates with -untrusted:\n  openssl verify -CAfile root.crt -untrusted intermediate.crt cert.crt",
	"openssl":        "Give s_client the server's CA:\n  openssl s_client -connect host:443 -CAfile ca.crt </dev/null\nand make the server send its intermediates. For openssl verify (`error N at D depth lookup`), give the root with -CAfile and the intermediates with -untrusted:\n  openssl verify -CAfile root.crt -untrusted intermediate.crt cert.crt",
	"python":         "Give Python the server's CA bundle, e.g. with requests:\n  requests.get(url, verify='ca.crt')\nor for the whole process:\n  REQUESTS_CA_BUNDLE=ca.crt SSL_CERT_FILE=ca.crt python app.py\nand make the server send its intermediates. A public site failing with python.org's Python on macOS: that Python has no CA bundle until its Install Certificates.command is run (it installs certifi's bundle). To add a CA to the system's bundle, put each CA certificate in its own .crt file under /usr/local/share/ca-certificates/ (update-ca-certificates reads one certificate per file), then run update-ca-certificates. REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE left in the environment overrides the CA a program passes to requests (verify=), so look for them first. requests trusts certifi's bundle, not the system's: behind a TLS-intercepting proxy whose CA is installed on the machine, let Python use the system's store (pip install truststore, then truststore.inject_into_ssl(); or the pip-system-certs package).",
	"go":             "Give the Go client the server's CA: tls.Config{RootCAs: pool} with ca.crt appended, or for the process:\n  SSL_CERT_FILE=ca.crt ./app\nand make the server send its intermediates. A Go binary in a scratch or minimal image has no system roots at all: it needs the ca-certificates package, or /etc/ssl/certs/ca-certificates.crt copied into the image.",
	"java":           "Import the server's CA (or, behind a TLS-intercepting corporate proxy, the proxy's CA) into the trust store the JVM uses:\n  keytool -importcert -alias server-ca -file ca.crt -keystore truststore.jks\nand run with:\n  -Djavax.net.ssl.trustStore=truststore.jks\nFor a public site, an old JDK or Android whose built-in trust store predates the site's root (ISRG Root X1, for one) fails too: update the JDK, or import that root.",
	"node":           "Give node the server's CA:\n  NODE_EXTRA_CA_CERTS=ca.crt node app.js\n(or the `ca` option of https.request/tls.connect; set NODE_EXTRA_CA_CERTS before node starts, not from inside the program), and make the server send its intermediates. (rejectUnauthorized: false only to test.) For npm or yarn behind a proxy that re-signs TLS (a corporate proxy or antivirus), give them that proxy's CA (yarn: yarn config set cafile):\n  npm config set cafile /path/to/proxy-ca.pem\nnpm's and yarn's cafile and ca settings replace node's public roots rather than add to them: when the public registry fails, look for one left in a user's, project's or image's global .npmrc (an empty ca= too), and remove it:\n  npm config get cafile; npm config get ca\nBun and Deno carry their own roots and do not read the system's store by default: Deno reads it with DENO_TLS_CA_STORE=system, and older Bun releases ignore NODE_EXTRA_CA_CERTS. Desktop apps on Electron (Bruno, Postman, Insomnia, VS Code's extensions) send requests with node's bundled roots, not the system's keychain or store: add the CA in the app's own certificate settings. When a public site fails only while NODE_EXTRA_CA_CERTS is set, the program uses those certificates instead of adding them to its roots (a bug of some releases of programs with their own HTTP agent): unset it to check, and upgrade the program.",
	"browser":        "Import the server's CA into the browser's (or the system's) trust store, and make the server send its intermediates.",
	"apache":         "Give Apache's proxy the backend's CA, in the virtual host that proxies:\n  SSLProxyCACertificateFile /etc/apache2/backend-ca.pem\nthen reload Apache, and make the backend send its intermediates.",
	"envoy":          "Give envoy the upstream's CA in the cluster's transport_socket:\n  validation_context: { trusted_ca: { filename: /etc/envoy/upstream-ca.pem } }\nand make the upstream send its intermediates.",
	"haproxy":        "Give HAProxy the server's CA on the server line:\n  server app1 10.0.0.1:443 ssl verify required ca-file /etc/haproxy/backend-ca.pem\nand make the server send its intermediates.",
	"php":            clientTrustPHP,
	"git":            "Give git the server's CA:\n  git config --global http.sslCAInfo /path/ca.crt\n(only for that host: git config --global http.https://git.example.com/.sslCAInfo /path/ca.crt; http.sslCAInfo replaces git's bundle rather than adding to it, so a global one that holds only a company's CA makes every other host fail: look for it with git config --show-origin --get-all http.sslcainfo), or add it to the system bundle:" + addToSystemBundle + "\nand make the server send its intermediates. If the CA is already there, check the machine's clock (a board without a real-time clock starts in the past, and every certificate then looks not yet valid).",
	"rust":           clientTrustRust,
	"ruby":           clientTrustRuby,
	"dotnet":         ".NET checks the server's certificate against the system's store and the host name (the ASP.NET Core development certificate must be trusted first: dotnet dev-certs https --trust): add the CA to the system store (Linux: cp ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates; Windows: Trusted Root Certification Authorities in certlm.msc), make sure the certificate's subjectAltName carries the host name used, and make the server send its intermediates. To see which check failed, log the SslPolicyErrors in a ServerCertificateCustomValidationCallback (RemoteCertificateNameMismatch or RemoteCertificateChainErrors).",
	"mosquitto":      "Give the MQTT client the broker's CA:\n  mosquitto_sub --cafile ca.crt -h broker.example.com -p 8883 -t test\n(a bridge: bridge_cafile in mosquitto.conf), and connect with a name the broker's certificate carries.",
	"kubectl":        "Give the Kubernetes API client (kubectl, the kubelet, a controller) the API server's CA: certificate-authority-data (or certificate-authority: /path/ca.crt) in the cluster entry of its kubeconfig (the kubelet's: /etc/kubernetes/kubelet.conf; a pod's: the service account's ca.crt); that must be the cluster CA's certificate (CA:TRUE), not the API server's own, and from the cluster the kubeconfig's server address reaches. If the API server's certificate lacks the name or IP used, add it to its SANs (kubeadm: apiServer.certSANs) and regenerate the certificate.",
	"cert-manager":   "Give cert-manager the CA of the server it talks to, in the Issuer that names that server: spec.vault.caBundle (or caBundleSecretRef) for Vault, spec.acme.caBundle for a private ACME server; a CA for every Issuer goes into the cert-manager pod's trust store (a mounted bundle). Make the server send its intermediates.",
	"grafana":        "Give Grafana the CA of what it connects to: a data source in its settings, With CA Cert and the CA's PEM (tlsCACert under secureJsonData when provisioned; With Server Name when it connects by address); an OAuth provider in grafana.ini's [auth.generic_oauth] tls_client_ca; an LDAP server in ldap.toml's root_ca_cert; or add the CA to the bundle of the system or image Grafana runs in (an image without a CA bundle needs the ca-certificates package); and make the data source's server send its intermediates.",
	"loki":           "Give the Loki client the CA of the Loki endpoint (or of the proxy in front of it): promtail, Grafana Agent and Alloy in the client's tls_config (ca_file: /etc/ssl/loki-ca.crt; cert_file and key_file for a client certificate); the Docker logging driver with its log options:\n  docker run --log-driver=loki --log-opt loki-url=https://loki.example.com/loki/api/v1/push --log-opt loki-tls-ca-file=/etc/ssl/loki-ca.crt IMAGE\n(the driver runs in the daemon's plugin, so the file must be where the plugin can read it); Fluent Bit's loki output: tls.ca_file. Make the Loki endpoint (or the proxy in front) send its intermediates; an image without a CA bundle needs the ca-certificates package.",
	"vault":          "Give the Vault client the server's CA (a directory of CAs: VAULT_CAPATH; VAULT_SKIP_VERIFY only to test):\n  export VAULT_CACERT=/path/ca.crt\nA Vault node joining a raft cluster checks its leader with retry_join's leader_ca_cert_file (and leader_tls_servername when it joins by address). Make the server send its intermediates: its tls_cert_file holds the server certificate, then the intermediates.",
	"consul":         "Give the Consul client the CA (agents: ca_file in the tls block of their configuration):\n  export CONSUL_CACERT=/path/ca.crt\nWith auto_encrypt, client agents serve HTTPS with a certificate from the Connect CA, not the one that signed the servers' (consul-agent-ca.pem): trust the Connect CA's root, which the agent's API lists:\n  curl -s http://127.0.0.1:8500/v1/connect/ca/roots",
	"nomad":          "Give the Nomad client the CA (agents: ca_file in their tls block):\n  export NOMAD_CACERT=/path/ca.crt",
	"terraform":      "Terraform and its providers use the system's CA store: add the CA there (behind a TLS-inspecting proxy, the proxy's CA), or on Linux name a bundle for the process:" + addToSystemBundle + "\n  SSL_CERT_FILE=/path/ca-bundle.crt terraform init\n(macOS: the CA in the System keychain, trusted.)",
	"gitlab-runner":  "Give GitLab Runner the GitLab server's CA: tls-ca-file in the [[runners]] section of config.toml, or a file named after the host in its certs directory, which registration reads too:\n  cp ca.crt /etc/gitlab-runner/certs/gitlab.example.com.crt\n  gitlab-runner register --tls-ca-file /path/ca.crt\nThe jobs' own git and docker commands need the CA in their images as well.",
	"mc":             "Give the MinIO client the server's CA: mc reads every CA file in its certs directory:\n  mkdir -p ~/.mc/certs/CAs\n  cp ca.crt ~/.mc/certs/CAs/\n(MinIO servers read the CAs of their peers and KMS from certs/CAs in their own certs directory.)",
	"etcd":           "Give etcdctl the cluster's CA (and its client certificate where the cluster requires one):\n  etcdctl --cacert=/etc/etcd/ca.crt --cert=client.crt --key=client.key --endpoints=https://127.0.0.1:2379 endpoint health",
	"helm":           "Give helm the repository's CA:\n  helm repo add NAME URL --ca-file ca.crt\n(helm pull and install take --ca-file too), or add it to the system bundle.",
	"docker":         "Give the Docker daemon the registry's CA:\n  mkdir -p /etc/docker/certs.d/registry.example.com:5000\n  cp ca.crt /etc/docker/certs.d/registry.example.com:5000/ca.crt\nor add it to the system bundle and restart dockerd. Podman, Buildah and Skopeo read /etc/containers/certs.d/HOST:PORT/ca.crt the same way (HOST alone for a registry on port 443). docker buildx's own builder (the docker-container driver) reads neither: give it the CA in a buildkitd.toml ([registry.\"registry.example.com:5000\"] with ca=[\"/etc/certs/ca.crt\"]) and create it with:\n  docker buildx create --use --config buildkitd.toml\nkaniko reads none of these: give it the CA with --registry-certificate registry.example.com:5000=/kaniko/ca.crt (its executor image carries its own bundle, /kaniko/ssl/certs/ca-certificates.crt, outdated in an old image).",
	"traefik":        "Traefik checks its backends' certificates with a serversTransport: give it the backend's CA (rootCAs) and, when the backend is addressed by IP or another name, the name to check (serverName); insecureSkipVerify only to test:\n  serversTransport:\n    rootCAs: [/etc/traefik/backend-ca.crt]\n    serverName: backend.example.com",
	"erlang":         "Give the Erlang or Elixir client the CA: the ssl option {cacertfile, \"ca.crt\"} (or cacerts: public_key:cacerts_get() on OTP 25 and later for the system's store; Mint, Finch and hackney take the same under their transport options). Erlang does not fetch a missing intermediate, so the server must send its full chain; OTP 26 and later refuse SHA-1 signatures in the chain unless signature_algs allows them ({sha, rsa}), and old OTP releases had verification bugs, so upgrade OTP if the chain is right (before 23.3.4.5 and 24.0.4 it built Let's Encrypt's chains through the cross-signature of DST Root CA X3, expired since 2021, and so refused them as expired), and an HTTP library that passes its own verify_fun refuses valid chains on newer OTP (hackney before 1.17 on OTP 23 and later: upgrade hackney). The log line after Bad Certificate names the reason ({bad_cert, REASON}): hostname_check_failed for a certificate that matches only by a wildcard (*.example.com) needs the ssl option {customize_hostname_check, [{match_fun, public_key:pkix_verify_hostname_match_fun(https)}]}.",
	"step":           "Give the step CLI the root of the CA it talks to: step ca bootstrap --ca-url https://ca.example.com --fingerprint ROOT_FINGERPRINT (or --root root_ca.crt on each command); a proxy in front of step-ca that presents another certificate (a Let's Encrypt one) breaks this, since step trusts only its own root there.",
	"beats":          "Give the Beat the server's CA in its output settings (filebeat.yml):\n  ssl.certificate_authorities: [\"/etc/filebeat/ca.pem\"]\nand make the server send its intermediates.",
	"grpc":           "Give the gRPC client the server's CA: Python grpc.ssl_channel_credentials(root_certificates=open('ca.crt','rb').read()); Go credentials.NewClientTLSFromFile(\"ca.crt\", \"\"); the C-core based ones also read GRPC_DEFAULT_SSL_ROOTS_FILE_PATH=ca.crt. Connect with a name the server's certificate carries (or override it with grpc.ssl_target_name_override), and make the server send its intermediates.",
	"mongo":          "Give the MongoDB client the CA of the server's certificate: --tlsCAFile ca.pem for mongosh, or tlsCAFile=/path/ca.pem in the connection string (drivers: their tlsCAFile or ca option; node drivers also take NODE_EXTRA_CA_CERTS, set before node starts), as a PEM file (not a JKS keystore), and connect with a host name the certificate carries.",
	"apt":            "apt (through GnuTLS) checks the repository's certificate against the system's bundle: install or refresh it, then retry:\n  apt-get install --reinstall ca-certificates\n  update-ca-certificates\n(if apt itself cannot fetch it, install the package file by hand), and add a private or proxy CA under /usr/local/share/ca-certificates/ first.",
	"clickhouse":     "Give the ClickHouse client the server's CA in its configuration (config.xml of clickhouse-client, or the server's for its own connections): openSSL > client > caConfig naming the CA file (BoringSSL in ClickHouse does not always read the system's bundle), and make the server send its intermediates.",
	"postgres":       "Give the PostgreSQL client the server's CA with sslrootcert (or PGSSLROOTCERT), and ask it to check (sslmode=verify-full):\n  psql \"host=db.example.com sslmode=verify-full sslrootcert=/path/ca.crt\"\nsslrootcert=system (or an image that sets PGSSLROOTCERT=system) uses the system's store, where a private or cloud CA is missing (and an image without the ca-certificates package, such as the official postgres image, has none); a library that ships its own CA bundle may hold an old one. A root.crt left in ~/.postgresql is libpq's default sslrootcert, and Go's pgx reads it too: one placed there for another server makes this one untrusted.",
	"rdkafka":        "Give librdkafka the broker's CA bundle, and keep it current (a certifi bundle used there ages with its package: pip install -U certifi):\n  ssl.ca.location=/etc/ssl/certs/ca-certificates.crt",
	"httpie":         "Give HTTPie the server's CA (--verify=no only to test):\n  http --verify=/path/ca.crt https://host/",
	"mysql":          "Give the MySQL client the server's CA:\n  mysql --ssl-mode=VERIFY_CA --ssl-ca=ca.pem -h db.example.com\n(drivers: their ssl-ca option; MariaDB Connector/C 3.4 and later, under mysqlclient too, verify the server by default, so give the CA, or set ssl-verify-server-cert off knowingly). The CA file must hold the CA that signed the server's certificate, as a CA (basicConstraints CA:TRUE); with VERIFY_IDENTITY the certificate must also carry the host name, which MySQL's auto-generated certificates do not.",
	"kong":           "Kong checks an upstream's certificate only when its Service sets tls_verify, against the CA certificates the Service lists: upload the CA (POST /ca_certificates with cert=@ca.crt), then set the Service's ca_certificates to its id and tls_verify to true (tls_verify_depth for longer chains). Kong's own connections from Lua (its database, plugins) trust lua_ssl_trusted_certificate in kong.conf:\n  lua_ssl_trusted_certificate = system,/etc/kong/ca.crt",
	"":               clientTrustAny,
}

// The fixes of clientTrust that entries give too.
const (
	clientTrustRust = "Clients built on rustls (reqwest, hyper-rustls, ureq, tonic) trust only the root certificates compiled in (webpki-roots, Mozilla's list) unless built to read the system's: enable their native roots feature (reqwest: rustls-tls-native-roots; tonic: tls-roots; command-line tools have a switch, such as uv's --native-tls; Deno: DENO_TLS_CA_STORE=system, or --cert ca.pem), after which the system bundle and SSL_CERT_FILE count, or add the CA in code (reqwest: ClientBuilder::add_root_certificate). Clients on the openssl crate (native-tls on Linux, MidHandshakeSslStream and X509VerifyError in their errors) read OpenSSL's store instead, which SSL_CERT_FILE and SSL_CERT_DIR point elsewhere. Put a private CA in the system bundle:" + addToSystemBundle + "\nand make the server send its intermediates."
	clientTrustRuby = "Give Ruby the server's CA:\n  SSL_CERT_FILE=/path/ca-bundle.pem ruby app.rb\n(or Net::HTTP#ca_file, Faraday's ssl ca_file); on Windows, update RubyGems' and RubyInstaller's outdated cacert.pem (gem update --system) or point SSL_CERT_FILE at a current bundle; an RVM Ruby on macOS reads RVM's own CA file (rvm osx-ssl-certs update all renews it); and make the server send its intermediates."
	clientTrustPHP  = "Give PHP the server's CA in php.ini, with a private CA appended to the bundle (Composer: composer config --global cafile /path/ca.pem):\n  openssl.cafile=/etc/ssl/certs/ca-certificates.crt\n  curl.cainfo=/etc/ssl/certs/ca-certificates.crt\n(openssl.cafile serves streams such as file_get_contents and stream_socket_client; curl.cainfo the curl functions and Guzzle; per call: the stream context's ssl cafile option, Guzzle's 'verify' => '/path/ca.crt'), and make the server send its intermediates."
	clientTrustAny  = "Give the client the CA that issued the server's certificate (curl --cacert ca.crt, or the client's CA bundle setting; for a public CA, install the system bundle, e.g. the ca-certificates package), and make the server send its intermediates (nginx: the ssl_certificate file holds the server certificate, then the intermediates)."
)

// clientName is, per client, how the TLS client is named ({who}).
var clientName = map[string]string{
	"upstream":       "nginx, as the client of its upstream,",
	"lua":            "nginx's Lua cosocket (lua_ssl_*)",
	"ocsp":           "nginx, fetching an OCSP response,",
	"njs":            "nginx's njs fetch",
	"curl":           "curl",
	"openssl":        "openssl s_client",
	"wpa_supplicant": "wpa_supplicant (the EAP client)",
	"openssl-verify": "openssl verify",
	"python":         "the Python client",
	"go":             "the Go client",
	"java":           "the Java client",
	"node":           "the node client",
	"browser":        "the browser",
	"envoy":          "envoy",
	"haproxy":        "HAProxy",
	"apache":         "Apache (SSLProxy)",
	"traefik":        "Traefik",
	"grpc":           "the gRPC client",
	"beats":          "the Beat",
	"step":           "the step CLI",
	"erlang":         "the Erlang client",
	"mysql":          "the MySQL client",
	"postgres":       "the PostgreSQL client",
	"httpie":         "HTTPie",
	"rdkafka":        "librdkafka",
	"clickhouse":     "the ClickHouse client",
	"mongo":          "the MongoDB client",
	"apt":            "apt",
	"kong":           "Kong",
	"php":            "PHP",
	"git":            "git",
	"rust":           "the Rust client",
	"ruby":           "the Ruby client",
	"dotnet":         "the .NET client",
	"mosquitto":      "the MQTT client",
	"kubectl":        "the Kubernetes API client",
	"helm":           "helm",
	"docker":         "Docker",
	"cert-manager":   "cert-manager",
	"grafana":        "Grafana",
	"loki":           "the Loki client",
	"vault":          "the Vault client",
	"consul":         "the Consul client",
	"nomad":          "the Nomad client",
	"terraform":      "Terraform",
	"gitlab-runner":  "GitLab Runner",
	"mc":             "the MinIO client (mc)",
	"etcd":           "etcdctl",
	"":               "the client",
}

// clientNameFix, clientExpiredFix and clientNotYetFix are what to do for a
// name mismatch (62, or a client's "does not match"), an expired server
// certificate, and one not valid yet.
var (
	clientNameFix = map[string]string{
		"upstream": "Send the backend's real name in SNI (backends with several certificates choose one by it) and check that name:\n  proxy_ssl_server_name on;\n  proxy_ssl_name backend.example.com;\nthen reload:\n  {reload}\nor reissue the backend's certificate with that name in subjectAltName.",
		"consul":   "Consul with verify_server_hostname checks server certificates against server.<datacenter>.<domain> (server.dc1.consul): issue them for that name, for example with consul tls cert create -server -dc dc1, not for a wildcard of another domain.",
		"traefik":  "Tell Traefik which name to expect from the backend, in its serversTransport (a backend addressed by IP needs it, or an IP entry in its certificate's SAN; insecureSkipVerify only to test):\n  serversTransport:\n    serverName: backend.example.com",
		"kubectl":  "Add the name or IP the client uses to the API server certificate's SANs (kubeadm: apiServer.certSANs in the ClusterConfiguration, then regenerate it with kubeadm init phase certs apiserver), or connect with a name it carries.",
		"":         "Use the host name the server's certificate carries in subjectAltName, or reissue it with the name the client uses:\n  subjectAltName=DNS:host.example.com",
	}
	clientExpiredFix = "Renew the server's certificate (someone else's server: tell its owner, and check that the URL is still the one they publish). If it was renewed already, what ends TLS still serves the old one: reload the server (nginx -s reload), and renew it where TLS ends (a load balancer, CDN or ingress holds its own copy). If it is not expired, the clock of the client is wrong (an expired verdict from a fresh certificate means clock skew):\n  timedatectl\nor the client builds the chain to an expired root (Let's Encrypt's old DST Root CA X3, expired in September 2021; AddTrust External CA Root, May 2020): update the client's CA bundle (the ca-certificates package) so that it holds the current root (ISRG Root X1; a program with its own cacert.pem needs a current one from curl.se), and serve the current chain. OpenSSL 1.0.2 clients (old node, old distributions) keep choosing the expired path until upgraded."
	// A certificate not valid yet is most often a clock behind.
	clientNotYetFix     = "Check the client's clock first (not valid yet mostly means a clock that is behind: a board without a real-time clock, a virtual machine restored from a snapshot, a machine without time sync), and turn time sync on:\n  date -u\n  timedatectl set-ntp true\nIf the clock is right, the certificate was issued with a start date ahead (by a machine whose clock runs ahead): compare its notBefore, and reissue it from a machine with the right time:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -startdate"
	clientAppVerifyFix  = "See the names the server's certificate holds, and connect by one of them, or reissue it with the name the client uses in its subjectAltName:\n  openssl s_client -connect host:9440 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'\nFor ClickHouse, extendedVerification in the openSSL section of its configuration turns the name check on (false only for a test). A program's own pinning or callback that refuses it is told in its log."
	clientSignatureFix  = "Find the CA that really signed the server's certificate: its authorityKeyIdentifier must equal that CA's subjectKeyIdentifier, and the CA given to the client must verify it:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null > chain.txt\n  openssl x509 -noout -text -in chain.txt | grep -A1 'Authority Key Identifier'\n  openssl x509 -noout -text -in ca.crt | grep -A1 'Subject Key Identifier'\nthen give the client that CA (a CA made again with a new key must issue the server's certificate again)."
	clientStaleCRLFix   = "See the CRL's dates, then make a new one with the CA's key and give it to the side that checks (reload it there):\n  openssl crl -noout -lastupdate -nextupdate -in crl.pem\n  openssl ca -gencrl -crldays 30 -out crl.pem\n(easy-rsa: ./easyrsa gen-crl). A program that reads its CRL file only when it starts (Icinga 2, nginx, HAProxy) keeps the old CRL until it is reloaded, even when the file on disk is new. Make the CRL again before its nextUpdate from then on, e.g. from cron."
	clientRevokedFix    = "See whether the certificate served is the revoked one:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -serial\n  openssl crl -noout -text -in crl.pem | grep -A1 'Serial Number'\nIf it is, issue the server a new certificate and serve it; if the client has another CA's CRL, give it the right one."
	clientCAFix         = "See the extensions of each CA of the chain:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null > chain.txt\n  openssl x509 -noout -text -in ca.crt | grep -A2 -e 'Basic Constraints' -e 'Key Usage'\nthen re-sign the CA with its own key and subject, as a CA without a path length (its certificates stay valid; give the clients the new copy):\n  " + selfSignedConf + caConfLines + " > ca-new.cnf\n  openssl req -x509 -new -key ca.key -subj \"$(openssl x509 -noout -subject -nameopt compat -in ca.crt | sed 's/^subject=//')\" -days 3650 -config ca-new.cnf -out ca-new.crt\nFor an intermediate, sign its request again from the root with the same extensions; or issue the server's certificate from the root itself."
	clientConstraintFix = "See what the CA permits and what the server's certificate names:\n  openssl x509 -noout -text -in ca.crt | grep -A6 'Name Constraints'\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'\nthen reissue the server's certificate with names inside the permitted subtrees (drop the IP addresses or domains the CA excludes), or issue it from a CA without that constraint."
	clientCRLFix        = "Give the client the CRLs of the chain's CAs, or turn CRL checking off where the server's CA publishes none (.NET on Linux keeps each CRL it downloads in ~/.dotnet/corefx/cryptography/crls until the CRL's nextUpdate: after the CA or its CRL changed, delete those files); after an upgrade to OpenSSL 3.6.0, update Ruby's openssl gem (3.3.1 or later) or OpenSSL itself (the change was undone in later 3.6 releases). See where the CRLs would come from:\n  openssl s_client -connect host:443 -showcerts </dev/null > chain.txt\n  openssl x509 -noout -text -in chain.txt | grep -A4 'CRL Distribution Points'"
	clientCriticalFix   = "Find the extension marked critical, then reissue that certificate with it non-critical (or without it), or upgrade a client whose library lacks it:\n  openssl s_client -connect host:443 -showcerts </dev/null > chain.txt\n  openssl x509 -noout -text -in chain.txt | grep -A1 critical\n(the server's certificate; for a CA, save its file and look at it the same way)."
	clientPurposeFix    = "See the server certificate's usages:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 -e 'X509v3 Key Usage' -e 'Extended Key Usage' -e 'Netscape Cert Type'\nthen reissue it for a TLS server, with these lines in its -extfile and no nsCertType (or nsCertType=server; a CA in the chain needs basicConstraints CA:TRUE):\n  extendedKeyUsage=serverAuth\n  keyUsage=critical,digitalSignature,keyEncipherment"
	clientCRLScopeFix   = "Compare the CRL's Issuing Distribution Point with the certificate's CRL Distribution Points; they must name the same address:\n  openssl crl -noout -text -in crl.pem | grep -A4 'Issuing Distribution Point'\n  openssl x509 -noout -text -in cert.crt | grep -A4 'CRL Distribution Points'\nthen make the CRL again without an Issuing Distribution Point, or with the address the certificates name (for a CA's CRL, one that covers CA certificates); or check only the end certificate's CRL (-crl_check instead of -crl_check_all)."
	clientWeakFix       = map[int]string{
		66: "The server's certificate has a key below this client's security level (RSA or DSA under 2048 bits at OpenSSL's default level 2): make a new key and certificate for the server:\n  openssl req -new -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=host.example.com'\nWhen the key is 2048 bits (as public sites' are), the client's level was raised instead: the FUTURE crypto policy of Fedora, RHEL and Amazon Linux (level 3, RSA 3072) refuses them; go back to DEFAULT, or raise the level for chosen programs only:\n  update-crypto-policies --show\n  update-crypto-policies --set DEFAULT",
		67: "A CA certificate in the server's chain has a key below this client's security level (RSA under 2048 bits): reissue that CA with a 2048-bit key or more, then the server's certificate under it. When that CA's key is 2048 bits (as many public roots and intermediates are), the client's level was raised instead: the FUTURE crypto policy of Fedora, RHEL and Amazon Linux (level 3, RSA 3072) refuses them; go back to DEFAULT:\n  update-crypto-policies --show\n  update-crypto-policies --set DEFAULT",
		68: "The server's certificate (or an intermediate in its chain) is signed with SHA-1 or MD5, which this client's OpenSSL refuses: re-sign it with SHA-256 (the key can stay):\n  openssl x509 -req -sha256 -days 825 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile server.ext -out server.crt",
	}
	clientDepthFix = map[string]string{
		"upstream": "Raise the depth nginx accepts for the backend's chain:\n  proxy_ssl_verify_depth 3;\nthen reload:\n  {reload}",
		"lua":      "Raise the depth:\n  lua_ssl_verify_depth 3;\nthen reload:\n  {reload}",
		"":         "Raise the client's verify depth, or shorten the server's chain.",
	}
)

// ClientFix is the fix for verify code code printed by client key (an
// Attribution context or reporter).
func ClientFix(key string, code int) string {
	return Fill(clientFix(key, code), nil)
}

func clientFix(key string, code int) string {
	pick := func(m map[string]string) string {
		if s, ok := m[key]; ok {
			return s
		}
		return m[""]
	}
	switch code {
	case 62, 64:
		return pick(clientNameFix) + "\n" + newCheckNote
	case 9:
		return clientNotYetFix
	case 10:
		return clientExpiredFix
	case 66, 67, 68:
		// The server's certificate itself is too weak, whoever checks it.
		return clientWeakFix[code]
	case 22:
		return pick(clientDepthFix)
	case 3:
		return clientCRLFix
	case 44:
		return clientCRLScopeFix
	case 34:
		return clientCriticalFix
	case 26:
		// The server's certificate is not for servers, whoever checks it.
		return clientPurposeFix
	case 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93:
		return clientStrictFix
	case 79:
		// The chain's CA certificate itself is wrong, whoever checks it.
		if v, ok := Verify(code); ok && v.Fix != "" {
			return v.Fix
		}
	case 7:
		return clientSignatureFix
	case 50:
		return clientAppVerifyFix
	case 8, 11, 12:
		return clientStaleCRLFix
	case 23:
		return clientRevokedFix
	case 25, 32:
		// A CA of the chain is not marked (or limited) as it must be.
		return clientCAFix
	case 47, 48, 51:
		return clientConstraintFix
	}
	switch key {
	case "upstream", "lua", "njs", "ocsp", "curl", "openssl", "openssl-verify", "haproxy", "apache", "envoy", "git", "wpa_supplicant":
		// Programs with a CA setting of their own, which the fix names.
		return pick(clientTrust)
	}
	return pick(clientTrust) + "\n" + clientTrustNotes
}

// strictCode reports whether a verify result comes from OpenSSL's strict
// checks only.
func strictCode(code int) bool { return code >= 80 && code <= 93 }

// clientStrictFix reissues the certificate a strict check refused (a
// CA: re-signed with its own key and name, so that what it issued stays
// valid), and turns the check off in Python until then.
const clientStrictFix = "Reissue the certificate the check names with what it lacks. For a CA (keyUsage, a critical basicConstraints, a subjectKeyIdentifier), re-sign the CA certificate with its own key and name: the certificates it issued stay valid, and only the clients' copy of the CA changes:\n  " + selfSignedConf + caConfLines + " > ca-new.cnf\n  openssl req -x509 -new -key ca.key -subj \"$(openssl x509 -noout -subject -nameopt compat -in ca.crt | sed 's/^subject=//')\" -days 3650 -config ca-new.cnf -out ca-new.crt\nthen give the clients ca-new.crt. Until then, a Python client can leave the strict check off for its context:\n  ctx = ssl.create_default_context(cafile='ca.crt')\n  ctx.verify_flags &= ~ssl.VERIFY_X509_STRICT"

// ClientKey is the key of the client's words: an nginx context, else the
// program the line named when it has words of its own, else the reporter.
func ClientKey(reporter, context, program string) string {
	if reporter == "nginx" {
		if program == "kong" && (context == "upstream" || context == "lua") {
			return program
		}
		return context
	}
	if _, ok := clientTrust[program]; ok && program != "" {
		return program
	}
	return reporter
}

// ProgramFix is, for a finding about the server's certificate (id, and
// its verify code, if any), the fix in the words of the client program
// that printed it (helm, kubectl, PHP...), when that program has words of
// its own and the code has no fix of its own.
func ProgramFix(program string, id finding.ID, code int) (string, bool) {
	if program == "" {
		return "", false
	}
	switch id {
	case ServerCertUntrusted:
		if code != 0 && clientFix("", code) != clientTrust[""] {
			return "", false // the code's own fix, whoever checks
		}
		if s, ok := clientTrust[program]; ok {
			return Fill(s, nil), true
		}
	case ServerHostnameMismatch:
		if s, ok := clientNameFix[program]; ok {
			return Fill(s, nil), true
		}
	}
	return "", false
}

// refusingServer is, per client program whose server is known from the
// program itself, where that server keeps the CAs it trusts for client
// certificates: psql's server is PostgreSQL, mosquitto_pub's a broker.
var refusingServer = map[string]string{
	"postgres":  "The PostgreSQL server refused the client certificate that libpq sent (sslcert, sslkey): its CA and intermediates must be in the server's ssl_ca_file, it must be within its dates and made for client authentication, and ssl_crl_file must not list it. Check it as the server does:\n  openssl verify -CAfile root.crt -purpose sslclient client.crt",
	"mosquitto": "The broker refused the client certificate (--cert, --key): its CA must be in the listener's cafile, it must be within its dates, and the crlfile must not list it. Check it as the broker does:\n  openssl verify -CAfile ca.crt -purpose sslclient client.crt",
}

// RefusedByServerFix is the fix for a certificate alert (n) that a client
// program's server sent about its client certificate, in that server's
// terms, when the program names its server.
func RefusedByServerFix(program string, n int) (string, bool) {
	switch n {
	case 42, 43, 44, 45, 46, 48, 49:
		s, ok := refusingServer[program]
		return s, ok
	}
	return "", false
}

// ClientName is how the TLS client key is named in a title.
func ClientName(key string) string {
	if s, ok := clientName[key]; ok {
		return s
	}
	return clientName[""]
}

// Words explain adds to what it shows.
const (
	// YouWrote shows the user's own spelling of a verify error when it is
	// not the current OpenSSL text ({text}).
	YouWrote = "You pasted `{text}`: the same result in another OpenSSL version's words."
	// ClockSkew is added to an expired-certificate finding.
	ClockSkew = "If the certificate is not really expired, a clock is wrong on one side (a container or VM without time sync): compare `date -u` on both machines."
	// NameRules closes every name-mismatch story: how names match.
	NameRules = "The hostname must be among the subjectAltName (SAN) entries, an IP address needs an IP entry (IP SAN), and a wildcard covers one label only (*.example.com matches a.example.com, not a.b.example.com)."
	// CAPurpose follows a wrong-purpose verdict on a CA's certificate
	// (openssl verify's "error 26 at 1 depth").
	CAPurpose = "At depth 1 or more the refused certificate is a CA's: OpenSSL applies a CA's extendedKeyUsage, when it has one, to every certificate under it, so an intermediate whose extendedKeyUsage is serverAuth alone refuses the client certificates it issued (-purpose sslclient, nginx's check of client certificates) and S/MIME under it. Reissue the intermediate without extendedKeyUsage, or with every purpose it must allow."
	// HTTPTo443Marker is the text explain looks up for a line whose URL
	// is http:// to port 443.
	HTTPTo443Marker = "(an http:// url to port 443)"
	// NameBucket follows a name-mismatch story whose line names an object
	// store: buckets in the host name.
	NameBucket = "Object storage's virtual-hosted URLs put the bucket in the host name (bucket.s3.amazonaws.com), so a bucket name with dots makes more labels than the provider's wildcard certificate covers: use path-style addressing for it (the SDK's or tool's force-path-style option), or a bucket name without dots."
	// NameBucketFix opens the fix of such a story.
	NameBucketFix = "If the name is a bucket with dots at an object store, address it path-style rather than change any certificate (the provider's is right); for the AWS CLI and SDKs that read its configuration:\n  aws configure set default.s3.addressing_style path"
	// NameUsed follows NameRules for a program's name check: the name it
	// checked may not be the one it was given.
	NameUsed = "The name checked is the one the program used, which may not be the one you configured: some programs connect by an IP address they resolved, or by localhost, or send no server name (SNI) and get the server's default certificate. When the certificate names another host altogether, the connection reached another server than the one named: a hosting provider that sends outbound mail ports (25, 465, 587) to its own relay, a transparent proxy, a DNS or hosts entry that points elsewhere, or a CDN answering with its own default certificate (*.b-cdn.net, *.cloudfront.net, *.azureedge.net) because the site's name is not, or no longer, set up there (an expired account, a removed custom hostname: the site's owner fixes it)."
	// NameWithPort follows a Go name check whose name carries a port.
	NameWithPort = "The name it checked carries a port: the program set its TLS server name (tls.Config ServerName) to the address with its port, which no certificate names; it must be the host name alone."
	// RequestGiven leads a load error whose file is a certificate signing
	// request.
	RequestGiven = "The file named ends in .csr: a certificate signing request, which only asks for a certificate; the directive needs the certificate the CA signed from it (openssl x509 -req ... -out server.crt), not the request."
	// PlaceholderPath leads a load error whose path was never filled in.
	PlaceholderPath = "The path holds a template placeholder that was never filled in ({{ }}, ${ } or < >): the tool that wrote this configuration (an Ansible or Helm template, a panel, an installer) left it, and the step that should have made the file (a certificate request that failed) may not have run."
	// UsuallyHarmless starts the explanation of scanner and one-off noise.
	UsuallyHarmless = "Usually harmless: scanners and old or misconfigured clients cause this one address at a time; worry only when it is frequent or hits clients you know."
)

// ProbeTellsWhy closes the story of a client that did not trust the
// server's chain: the probe, run where that client runs, says which of
// the usual causes it is.
const ProbeTellsWhy = "Which cause it is: probe the server from the machine where the client runs, and it names a missing intermediate, a private or self-signed CA, a proxy's default certificate, a TLS-inspecting proxy's CA, an expired or SHA-1 certificate in the chain, or a CA certificate that does not say it is one (no CA:TRUE):\n  mtlsdoctor probe host:443"

// UpstreamChainNote ends the story of nginx's verify results 2 and 20
// about an upstream's chain: the two settings besides the CA that end so.
const UpstreamChainNote = "Two settings besides the CA end the same way: proxy_ssl_trusted_certificate must hold the root the chain ends at (a self-signed CA), not only an intermediate, which is no trust anchor (2 is logged when the file holds the intermediate but not its root); and proxy_ssl_verify_depth (default 1) counts the intermediates between the backend's certificate and that root, so a chain with two of them (a cross-signed root counts) fails as 22, chain too long, which nginx logs as the error after it: 20 when the backend sent the intermediates, 2 when they are in the file."

// ClientIgnoresCA follows ProbeTellsWhy: a sound chain that a client
// still refuses means the client is not reading the CA it was given.
const ClientIgnoresCA = "If the probe finds the chain sound, this client is not using the CA you gave it: a container has its own CA store, not the host's; Java, Python (certifi), node and gRPC can carry their own bundles; and some programs ignore a CA or insecure option in one of their parts (a bug that later releases fix). Or the client does not reach that server: where it runs, the name resolves elsewhere (a hosts-file entry, a DNS filter or ad blocker such as Pi-hole or NextDNS answering for a name it blocks), and another machine's certificate answers. A client that checks revocation also refuses a sound chain once its CRL has passed its nextUpdate:\n  openssl crl -noout -nextupdate -in crl.pem"

// RenewedServerNote follows the probe's step for a chain a client did
// not trust: a chain that stopped being trusted when the server's
// certificate or CA changed.
const RenewedServerNote = "If it began after the server's certificate or its CA was renewed or replaced: every server behind the name (each replica, a load balancer, an ingress or CDN with its own copy) must serve the new certificate with its chain and have reloaded it (many programs read it only at start), and a client that pinned the old certificate or keeps its own copy of the old CA needs the new one."

// ServerSideTrustNote follows RenewedServerNote for clients other than
// nginx: the lasting fix of a server whose clients are not the user's.
const ServerSideTrustNote = "When the server is yours and its clients are not (browsers, other people's machines and tools), fix it on the server rather than in every client: serve a certificate from a CA they already trust (a public CA such as Let's Encrypt for a public name; your organisation's CA inside it), with its full chain, in place of a self-signed certificate or a private CA."

// ProbeTellsServerWhy closes the story of a server whose client refused
// its certificate: the probe, connecting as clients do, says why.
const ProbeTellsServerWhy = "To see why clients refuse this server's certificate, probe it with the name they use; it names a missing intermediate, a private or self-signed CA, a proxy's default certificate, an expired or SHA-1 certificate in the chain, or a CA certificate that does not say it is one (no CA:TRUE):\n  mtlsdoctor probe host:443"

// ProbeTellsDates closes the story of a client that found the server's
// certificate expired: the probe shows what is served now.
const ProbeTellsDates = "See which certificate the server serves now, with its dates, from the machine where the client runs:\n  mtlsdoctor probe host:443"

// Ids for nginx as a client that are not about its upstreams.
const (
	StaplingFailed finding.ID = "logs/stapling-failed"
	LuaVerifyError finding.ID = "logs/lua-verify-error"
	// TLSUnexplained is the group of TLS lines no entry explains.
	TLSUnexplained finding.ID = "logs/tls-unexplained"
)

var clientLogIDs = []finding.Spec{
	{ID: StaplingFailed, Severity: warn, Others: []finding.Severity{note}},
	{ID: LuaVerifyError, Severity: errs},
	{ID: TLSUnexplained, Severity: warn, Others: []finding.Severity{note}},
}

func init() { finding.Register(clientLogIDs...) }

// TLSUnexplainedText is the group of lines about TLS that no entry
// explains ({count}).
var TLSUnexplainedText = Text{ID: TLSUnexplained,
	Title: "lines about TLS that mtlsdoctor cannot explain",
	Why:   "These lines mention SSL or TLS but match no catalogue entry, so they are counted here rather than dropped. The example shows one of them.",
	Fix:   "Read the lines in full, with their context:\n  grep -F '{reason}' /var/log/nginx/error.log | head",
}

// TLSUnexplainedOtherText is the group of other programs' TLS lines past
// the bound on groups ({max} kinds): counted, not told one by one.
var TLSUnexplainedOtherText = Text{ID: TLSUnexplained,
	Title: "lines about TLS of more kinds than mtlsdoctor tells apart ({max})",
	Why:   "This log holds more kinds of TLS lines than the {max} groups mtlsdoctor keeps in memory, so the lines of kinds past that bound are counted here, not dropped and not told one by one: they are of many programs and causes, and the example is only one of them.",
	Fix:   "Run logs on fewer kinds at a time (one service's or one day's lines), or explain a line by itself:\n  grep -F 'service' /var/log/nginx/error.log | mtlsdoctor logs -\n  mtlsdoctor explain 'the line'",
}

// UnexplainedClientText and UnexplainedServerText answer a pasted line
// that speaks of TLS or certificates but matches no entry: where its usual
// causes lie, on the side that wrote it; UnexplainedEitherText when nothing
// in the line shows that side.
var (
	UnexplainedClientText = Text{ID: TLSUnexplained,
		Title: "A TLS client's failure that mtlsdoctor has no entry for",
		Why: "No catalogue entry matches this line, but its words show a TLS client (it opened the connection). Four causes cover most of a client's TLS failures: " +
			"1. the server's certificate is not trusted or not for this name (a private or self-signed CA the client was not given, a missing intermediate, a TLS-intercepting proxy's CA, a name or IP address the certificate lacks); " +
			"2. the server wants a client certificate the client did not send, or refuses the one it sent; " +
			"3. the server refuses the hello: no server name (SNI) was sent (a client given an IP address, an SDK without its SNI option), or no TLS version or cipher is shared (an old or pinned client), or the client's OpenSSL refuses the server's small DH group or short key at its security level (Debian's and Ubuntu's SECLEVEL=2 refuse 1024 bits); " +
			"4. the port does not speak TLS (plain HTTP, a STARTTLS protocol). A program that fails where openssl below succeeds ignores a setting it was given, or has a bug of its release: see its version's issue tracker.",
		Fix: "Look at the server's side from the same machine, with the name the client uses; the output shows the chain, the verify result (causes 1) and any client certificate request (2):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nThen without the name: if only this one fails, set the client's SNI option (3); no certificate at all in the answer means no TLS on that port (4):\n  openssl s_client -connect host:443 -noservername </dev/null",
	}
	UnexplainedServerText = Text{ID: TLSUnexplained,
		Title: "A TLS server's failure that mtlsdoctor has no entry for",
		Why: "No catalogue entry matches this line, but its words show a TLS server (it accepted the connection, or loads its own certificate). Four causes cover most of a server's TLS failures: " +
			"1. its own certificate or key files, at start-up: a wrong path, permissions, not PEM, a key that does not match, or a setting its release does not take (check its version); " +
			"2. clients refusing the server's certificate and hanging up: a missing intermediate (cert.pem served where fullchain.pem belongs), an expired or self-signed certificate, a name the clients did not connect by; " +
			"3. a client certificate the server requires and did not get, or does not trust; " +
			"4. clients speaking plain HTTP or an old TLS version, scanners, or a load balancer's health checks that open and drop connections (harmless one address at a time, or one check address at a steady interval).",
		Fix: "Check the server's certificate and key files (1), then connect as a client would: one certificate in the chain shown means the intermediate is missing (2), and the verify result and the CA names asked for tell 3:\n  openssl x509 -noout -subject -dates -in server.crt\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	}
	// UnexplainedRoutineText is one of Apache mod_ssl's routine start-up
	// and connection lines at info level.
	UnexplainedRoutineText = Text{ID: RoutineLine,
		Title: "A routine mod_ssl line (info level), not a failure",
		Why:   "Apache's mod_ssl logs its start-up (Init, Configuring server, Certificate and private key configured) and each connection (Connection to child established) at info level; nothing in this line failed. Failed handshakes at this level have their own lines, which mtlsdoctor explains: AH02008 with the SSL Library Error after it, AH02039 and AH02276 for a client certificate, AH02006 for a cut connection.",
		Fix:   "Nothing to fix in this line. Look for the lines that say why a connection failed:\n  grep -E 'AH02008|AH02039|AH02276|ssl:error|ssl:warn' /var/log/apache2/error.log",
	}
	UnexplainedEitherText = Text{ID: TLSUnexplained,
		Title: "A TLS failure that mtlsdoctor has no entry for (which side wrote it is not known)",
		Why: "No catalogue entry matches this line, and nothing in it shows whether its program opened the connection (a client) or accepted it (a server). Four causes cover most cases: " +
			"1. a client does not trust the server's certificate (a private CA it was not given, a TLS-intercepting proxy's CA, an outdated CA list the program carries itself, a missing intermediate, an expired certificate, a name or IP address the certificate lacks); " +
			"2. a server wanted a client certificate and got none, or refused the one sent; " +
			"3. a program's own certificate, key or TLS setting cannot be used (a wrong path, a damaged file, a key that does not match, a key type, value or feature its release does not take, a build without TLS: check its version and release notes); " +
			"4. the two sides share no TLS version or cipher (an old client with TLS 1.0 only), the server wants a server name (SNI) the client did not send, or one of them does not speak TLS on that port.",
		Fix: "Connect as the client does, with the name it uses; the output shows the server's chain and verify result (1), any client certificate request (2), and the versions and cipher agreed (4):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nFor 3, check the files the program names, and its version against the setting:\n  openssl x509 -noout -subject -dates -in server.crt",
	}
)

// unexplainedWriter answer, per writer (a reporter or program), a line of
// that writer that speaks of TLS but matches no entry: the causes that
// cover most of its TLS failures, in its own settings, and the switch that
// makes it say more.
var unexplainedWriter = []struct {
	writer string
	text   Text
}{
	{"java", Text{ID: TLSUnexplained,
		Title: "A Java program's TLS failure that mtlsdoctor has no entry for",
		Why: "No catalogue entry matches this line. In Java programs four causes cover most TLS failures: " +
			"1. the trust store the JVM uses (its cacerts, or the javax.net.ssl.trustStore or the application's own truststore setting) lacks the CA of the server it connects to: a private CA, a TLS-intercepting proxy's CA, or a newer public root an old JDK lacks; " +
			"2. its keystore cannot be used: a wrong path, type (JKS or PKCS12) or password, an alias without its private key (a trustedCertEntry), or a PEM key not in PKCS#8; " +
			"3. the JDK disables what the peer needs (jdk.tls.disabledAlgorithms and jdk.certpath.disabledAlgorithms in java.security: TLS 1.0 and 1.1, SHA-1 or MD5 signatures, RSA keys under 2048 bits), or the peer lacks what this JDK offers; " +
			"4. the server wanted a client certificate and the program sent none (no keystore given, or none whose issuer the server names).",
		Fix: "Run the program with the JSSE debug output, which names the step that fails and why:\n  java -Djavax.net.debug=ssl:handshake -jar app.jar\nand see whether the trust store holds the server's CA:\n  keytool -list -cacerts -storepass changeit | grep -c trustedCertEntry\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	}},
	{"go", Text{ID: TLSUnexplained,
		Title: "A Go program's TLS failure that mtlsdoctor has no entry for",
		Why: "No catalogue entry matches this line. In Go programs four causes cover most TLS failures: " +
			"1. the server's CA is not among the roots the program uses (the system's bundle, which a scratch or distroless image lacks; SSL_CERT_FILE or SSL_CERT_DIR; or its own RootCAs, which replace the system's); " +
			"2. a newer Go refuses what an older one took, and a GODEBUG setting restores it for a while: RSA key exchange and TLS 1.0 and 1.1 on servers (Go 1.22: tlsrsakex=1, tls10server=1), a negative serial number (Go 1.23: x509negativeserial=1), SHA-1 signatures (Go 1.18), a certificate with only a common name and no subjectAltName (Go 1.15); " +
			"3. its certificate and key files (tls.LoadX509KeyPair): a wrong path, swapped files, an encrypted key, or a key Go's strict parser refuses; " +
			"4. a client certificate the server wants and the program does not send (none configured, or GetClientCertificate finds none).",
		Fix: "See the Go version the program was built with, and what the server sends:\n  go version -m ./app\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nand, for a program built with a newer Go, try the GODEBUG setting its release notes name for the change, e.g.:\n  GODEBUG=x509negativeserial=1 ./app",
	}},
	{"python", Text{ID: TLSUnexplained,
		Title: "A Python program's TLS failure that mtlsdoctor has no entry for",
		Why: "No catalogue entry matches this line. In Python programs four causes cover most TLS failures: " +
			"1. the CA bundle in use lacks the server's CA: requests and many libraries use certifi's bundle, not the system's (a private CA or a TLS-intercepting proxy's CA installed on the machine is not in it; REQUESTS_CA_BUNDLE and SSL_CERT_FILE change it), and python.org's macOS Python has no bundle until Install Certificates.command is run; " +
			"2. the OpenSSL Python is linked with refuses the peer: OpenSSL 3 and distribution policies refuse SHA-1, small keys and TLS 1.0 and 1.1, and Python 3.13 and later turn on strict X.509 checks (VERIFY_X509_STRICT); " +
			"3. its client certificate and key (load_cert_chain): a wrong path, an encrypted key without its password, or a certificate and key that do not match; " +
			"4. an old Python or library (before 2.7.9 no SNI; old urllib3 or pyOpenSSL) against a server that needs it.",
		Fix: "See which OpenSSL and CA files Python uses:\n  python3 -c 'import ssl; print(ssl.OPENSSL_VERSION); print(ssl.get_default_verify_paths())'\n  python3 -c 'import certifi; print(certifi.where())'\nthen give it the server's CA (REQUESTS_CA_BUNDLE=/path/ca.pem, or verify= in the call) and compare with:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	}},
	{"node", Text{ID: TLSUnexplained,
		Title: "A Node.js program's TLS failure that mtlsdoctor has no entry for",
		Why: "No catalogue entry matches this line. In Node.js programs four causes cover most TLS failures: " +
			"1. node trusts its own bundled roots, not the system's store: a private CA or a TLS-intercepting proxy's CA installed on the machine is not used unless given with NODE_EXTRA_CA_CERTS (set before node starts), the ca option, or --use-openssl-ca (newer releases: --use-system-ca); " +
			"2. node 17 and later run OpenSSL 3, which refuses what older ones took: a PKCS#12 with old ciphers, MD5 or SHA-1 signatures, small keys, TLS 1.0 and 1.1 at the default security level; " +
			"3. the program's cert, key, pfx or passphrase options: a wrong path, an encrypted key without its passphrase, a certificate and key that do not match; " +
			"4. a client certificate the server wants and the program does not send.",
		Fix: "Let node say what it does, and give it the CA before it starts:\n  NODE_DEBUG=tls node app.js\n  NODE_EXTRA_CA_CERTS=/path/ca.pem node app.js\nand compare with what the server sends:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	}},
	{"dotnet", Text{ID: TLSUnexplained,
		Title: "A .NET program's TLS failure that mtlsdoctor has no entry for",
		Why: "No catalogue entry matches this line. In .NET programs four causes cover most TLS failures: " +
			"1. the server's CA is not trusted by the system's store (Windows' Trusted Root Certification Authorities, or on Linux the OpenSSL bundle), or the certificate does not carry the name used (SslPolicyErrors: RemoteCertificateChainErrors or RemoteCertificateNameMismatch); " +
			"2. no TLS version is shared: .NET Framework 4.6 and older, or an unpatched Windows, offer TLS 1.0 only unless told otherwise (SchUseStrongCrypto, SystemDefaultTlsVersions), and Windows itself may have TLS 1.2 or 1.3 turned off; " +
			"3. a client or server certificate whose private key the process's account may not use, or a PFX this Windows cannot open; " +
			"4. the server wanted a client certificate and none was sent.",
		Fix: "See the certificate the server sends and what the system thinks of it:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  certutil -verify -urlfetch server.cer\nand log the SslPolicyErrors in a ServerCertificateCustomValidationCallback to see which check failed.",
	}},
}

// UnexplainedWriter is the answer for writer's line that matches no
// entry, if that writer has one.
func UnexplainedWriter(writer string) (Text, bool) {
	for _, w := range unexplainedWriter {
		if w.writer == writer && writer != "" {
			return w.text, true
		}
	}
	return Text{}, false
}

// ServerGotAlertText is a certificate alert received by a server other
// than nginx ({num}, {name}, {meaning}): its client refused the server's
// own certificate.
var ServerGotAlertText = Text{ID: TLSAlert,
	Title: "A client refused this server's certificate (TLS alert {num} {name})",
	Why: "{lead} the alert came from its client, which says: {meaning} " +
		"It is the client's complaint about this server's own certificate, not about a client certificate. Five causes cover most cases: " +
		"1. the client does not trust the server's CA: self-signed or a private CA the client was not given, an intercepting proxy's CA (MITM, debugging and filtering proxies) not on the device or in the app, a Kubernetes webhook whose caBundle (in an admission webhook configuration, a CRD's conversion webhook or an APIService) is not the CA of the certificate it serves (a new certificate at a restart, one per replica, a re-applied manifest, a CA rotation that updated some of its caBundles and not the others); " +
		"2. the server does not send its intermediate (cert.pem served where fullchain.pem belongs), or its own CA certificate lacks basicConstraints CA:TRUE; " +
		"3. the certificate is not for the name the client used (an IP address, another site's name), often a proxy's default self-signed certificate served for a name it has none for (Traefik's TRAEFIK DEFAULT CERT when ACME failed, ingress-nginx's fake certificate); " +
		"4. a date: the certificate or one above it has expired, or the server still serves the old one after a renewal; " +
		"5. a signature or key the client no longer accepts: a certificate signed with MD5 or SHA-1 (Java's jdk.certpath.disabledAlgorithms, OpenSSL 3's security level) or an RSA key shorter than the client's minimum (2048 bits at OpenSSL's security level 2, the default of Debian and Ubuntu).",
	Fix: "Make the clients trust the CA that issued this server's certificate (with each client's CA file option, such as --cacert for curl, --cafile for mosquitto or a truststore for Java; an intercepting proxy's CA goes on the device or into the app's trust store), serve the intermediates with the certificate, and give it a subjectAltName (SAN) with the name clients use:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nLook at its signature algorithm and key size; reissue one signed with MD5 or SHA-1 or with a short key:\n  openssl x509 -noout -text -in server.crt | grep -E 'Signature Algorithm|Public-Key'\nA CA of your own must say it is one (CA:TRUE, keyCertSign):\n  openssl x509 -noout -text -in ca.crt | grep -A1 -e 'Basic Constraints' -e 'X509v3 Key Usage'\nAfter renewing a certificate, reload the server: it keeps serving the old one until then. When all your clients work, find the one refusing by the addresses in the log: an agent of an old cluster, an outdated sidecar or operator image, or a client holding a stored copy of the previous certificate is to be updated or removed, not given a new CA. For an admission webhook, compare the caBundle of its configuration with the CA of the certificate it serves:\n  kubectl get validatingwebhookconfigurations,mutatingwebhookconfigurations -o yaml | grep caBundle",
}

// serverGotAlertTexts replace ServerGotAlertText's causes for the alerts
// that name one: a date (45), trust (48), revocation (44) and a
// certificate the client cannot use (43).
var serverGotAlertTexts = map[int]Text{
	45: {ID: TLSAlert,
		Title: ServerGotAlertText.Title,
		Why: "{lead} the alert came from its client, which says: {meaning} " +
			"It is the client's complaint about this server's own certificate (or a certificate above it), not about a client certificate. Four causes cover most cases: " +
			"1. the server's certificate has expired: not renewed, renewed on disk but not reloaded, renewed on one of the servers behind the name only, or a mesh's or cluster's own certificate (a sidecar's, an ingress's, a kubelet's or API server's serving certificate) that its rotation did not renew, often after the cluster was stopped for longer than the certificates live; " +
			"2. an intermediate or root above it has expired, or an old client builds its chain through an expired cross-signing root (DST Root CA X3 in 2021, AddTrust in 2020); " +
			"3. the client's clock is wrong (a device without a clock battery or NTP, a virtual machine restored from a snapshot), or a new certificate is not yet valid by it; " +
			"4. the client checks a CRL that has passed its nextUpdate (OpenSSL clients send this alert for an expired CRL too).",
		Fix: "See the dates of the certificates the server sends now, with the name clients use:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | openssl x509 -noout -subject -dates\n" +
			"Renew what has expired and reload or restart the server (it serves the old certificate until then); behind a load balancer, check every server. For a mesh or cluster, renew its certificates with its own tool (istioctl proxy-config secret POD, kubeadm certs renew all, a k3s restart) and restart what still holds the old ones. " +
			"If the dates are good, compare the client's clock with them:\n  date -u\nand look at the CRL the client checks:\n  openssl crl -noout -nextupdate -in crl.pem",
	},
	48: {ID: TLSAlert,
		Title: ServerGotAlertText.Title,
		Why: "{lead} the alert came from its client, which says: {meaning} " +
			"It is the client's complaint about this server's own certificate, not about a client certificate. Four causes cover most cases: " +
			"1. the server's CA is private or self-signed and the client was not given it, or was given it where it does not read it (its own bundle, a container's store); " +
			"2. the program that logged it intercepts TLS (a debugging, filtering or MITM proxy) and the browser or app does not trust the proxy's CA: it is not installed, or installed in a store that client does not read (Firefox's own store, an app that pins or ships its own CAs); " +
			"3. the server does not send its intermediate (cert.pem served where fullchain.pem belongs); " +
			"4. the CA changed (a rotation, a regenerated self-signed certificate, a new certificate at each restart or replica, a Kubernetes webhook's caBundle left behind) and the client still holds the old one.",
		Fix: "Give the clients the CA that issued this server's certificate (each client's CA option: --cacert for curl, a truststore for Java; an intercepting proxy's CA goes into the browser's or app's own store, Firefox's included) and serve the intermediates with the certificate; see what is served:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n" +
			"After a CA rotation, give every client the new CA (keep both while clients move). " + ProbeTellsServerWhy,
	},
	44: {ID: TLSAlert,
		Title: ServerGotAlertText.Title,
		Why: "{lead} the alert came from its client, which says: {meaning} " +
			"It is the client's complaint about this server's own certificate, not about a client certificate. Three causes cover most cases: " +
			"1. the certificate was revoked (a reissue revoked the old one, a key compromise, a mistake) and the server still serves it: it was not reloaded, or one server behind the name still has it; " +
			"2. a private CA gave two certificates the same serial number, and the revocation of one matches the other; " +
			"3. the client checks a CRL or OCSP responder of another CA whose name matches this certificate's issuer.",
		Fix: "See the certificate the server sends and its serial:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -serial -issuer\nthen look for that serial in the CA's CRL:\n  openssl crl -noout -text -in crl.pem | grep -i -A1 SERIAL\nServe a certificate that is not revoked and reload the server; a private CA must give each certificate a serial of its own (a serial file kept between signings, as -CAcreateserial makes):\n  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -sha256 -out server.crt",
	},
	43: {ID: TLSAlert,
		Title: ServerGotAlertText.Title,
		Why: "{lead} the alert came from its client, which says: {meaning} " +
			"It is the client's complaint about this server's own certificate, not about a client certificate. Three causes cover most cases: " +
			"1. its extendedKeyUsage lacks serverAuth or its keyUsage lacks what the key exchange needs (a client certificate, or a CA's own certificate, served as the server's); " +
			"2. a key type or signature the client cannot use (ECDSA, Ed25519 or RSA-PSS for an old client or an embedded TLS stack, a key too small for its policy); " +
			"3. an extension marked critical that the client does not support (some clients refuse a critical extendedKeyUsage or nameConstraints in an intermediate).",
		Fix: "Look at what the served certificate allows:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 -E 'Key Usage|Public Key Algorithm|Signature Algorithm|critical'\nIssue the server certificate with extendedKeyUsage = serverAuth (keyUsage = digitalSignature, keyEncipherment for RSA), with a key type the clients support.",
	},
}

// ClientSentAlertText is a certificate alert a TLS client sent: it
// refused the server's certificate.
var ClientSentAlertText = Text{ID: ServerCertUntrusted,
	Title: "{who} refused the server's certificate (it sent TLS alert {num} {name})",
	Why:   "The alert was sent by this side, the TLS client: it checked the server's certificate and refused it. With unknown_ca or bad_certificate the server's chain does not lead to a CA the client trusts (a private CA not given to it, a TLS-intercepting corporate proxy or firewall re-signing the traffic with its own CA, a missing intermediate, or a public root newer than the CA list the client carries itself: a tool's bundled list such as Hex's or castore's, an old certifi); with certificate_expired the chain holds an expired certificate or a clock is wrong; with unsupported_certificate a certificate of the chain has a keyUsage or extendedKeyUsage that does not allow its use (serverAuth for the server's, keyCertSign for a CA's; Erlang/OTP 27.1.0 to 27.1.2 also refused a critical extendedKeyUsage on an intermediate, fixed in 27.1.3).",
	Fix:   "{fix}",
}

// ServerSentAlertText is a certificate alert a server other than nginx
// says it sent (OpenSSL's "alert write:"): it refused the client's
// certificate.
var ServerSentAlertText = Text{ID: VerifyError,
	Title: "The server refused the client's certificate (it sent TLS alert {num} {name})",
	Why:   "The alert was sent by this side, the TLS server: it checked the certificate the client sent and refused it. With unknown_ca the client's chain does not lead to a CA in the server's client-CA file (the CA or an intermediate missing there, or a client that does not send its intermediate); with bad_certificate a signature or an extension it refused; with certificate_expired an expired client certificate or a wrong clock; with unsupported_certificate a certificate whose keyUsage or extendedKeyUsage does not allow client authentication (clientAuth), a CA's included.",
	Fix:   "Check the client's certificate as the server does, against the server's CA file:\n  openssl verify -purpose sslclient -CAfile ca.pem -untrusted int.pem client.crt\nthen put the missing CA in the server's client-CA file (FreeRADIUS: ca_file in the tls-config section of mods-available/eap), or reissue the client's certificate.",
}

// ServerSentAlertFinding tells certificate alert n as sent by a server.
func ServerSentAlertFinding(n int) finding.Finding {
	a, _ := alertByNumber(n)
	return ServerSentAlertText.New(Vars{"num": itoa(a.num), "name": a.name})
}

// ServerRefusedClientText is a server other than nginx (whose own entries
// say it) failing the handshake on its client's certificate.
var ServerRefusedClientText = Text{ID: VerifyError,
	Title: "The server refused its client's certificate (certificate verify failed)",
	Why: "The program that wrote this line accepted the connection and asked for a client certificate; the one its client sent did not verify against the CAs this server trusts for clients: " +
		"four causes cover most cases: 1. the server's client-CA file lacks the CA that issued the client certificate (or its intermediate), or the server still holds the CA file it loaded before a rotation, or it reads a CA directory (Redis's tls-ca-cert-dir, a CApath) whose files have no hash-named links (openssl rehash makes them); 2. the client does not send its intermediate with its certificate; 3. the client certificate itself is expired or not yet valid, self-signed, revoked, or not for client authentication (no clientAuth in its extendedKeyUsage); 4. a CRL the server checks has expired or is empty or unreadable (OpenVPN's crl-verify, for one, then refuses every client, and logs `CRL: cannot read CRL from file` for an empty one). The reason after it, when the line has one, says which.",
	Fix: "Put the CA that issued the client certificates (and its intermediates) in the server's client-CA file (mosquitto: cafile; Apache: SSLCACertificateFile; HAProxy: ca-file; Redis: tls-ca-cert-file; tls-auth-clients no asks for none (Redis 6.0.0 to 6.0.5 still checked one sent), while optional still checks any certificate a client such as a health probe sends; nginx: ssl_client_certificate), and check the client certificate against it:\n  openssl verify -CAfile client-ca.pem -purpose sslclient client.crt\nIf the server checks a CRL, make sure it is current (nextUpdate in the future), and regenerate it when not (Easy-RSA: ./easyrsa gen-crl):\n  openssl crl -noout -nextupdate -in crl.pem\n  openssl ca -gencrl -crldays 3650 -out crl.pem",
}

// ServerGotPlainText is a server other than nginx that read something
// that is not TLS on its TLS port (OpenSSL's "wrong version number",
// "http request", "unknown protocol").
var ServerGotPlainText = Text{ID: HandshakeFailed,
	Title: "A client connected to this server's TLS port without TLS",
	Why: "The program that wrote this line accepted the connection on a port where it requires TLS, and the first bytes were not a TLS ClientHello. Two causes: (1) one address now and then is harmless: a scanner, or a plain TCP or HTTP health check; (2) when it repeats from hosts you know, a client of yours connects without TLS: " +
		"an http:// URL or a scheme without TLS (redis:// instead of rediss://, a database URL without its TLS option), a command-line client run without its TLS flag (redis-cli --tls, psql sslmode, mongosh --tls; mosquitto_sub and mosquitto_pub speak TLS only when given --cafile or --capath), a mail client using STARTTLS on a port with TLS from the start (465, 993, 995), a replica, Sentinel or cluster peer that was not told to use TLS (Redis: tls-replication yes, tls-cluster yes), or a proxy or load balancer that forwards in plain text.",
	Fix: "Find the client by the address in the line, then give it TLS (its URL scheme or TLS option) and the server's CA; test the port as a TLS client would:\n  openssl s_client -connect host:PORT </dev/null\nRedis replicas and Sentinels need, besides the certificate options:\n  tls-replication yes\nOpenSSL 1.0 servers (SSL23_GET_CLIENT_HELLO) also say unknown protocol for a real hello whose only version (SSLv3, TLS 1.0) the server has turned off: an old client, which must be upgraded:\n  openssl s_client -connect host:PORT -tls1 </dev/null",
}

// ClientGotPlainText is a client other than nginx that read something
// that is not TLS where the server's answer belonged (OpenSSL's "wrong
// version number", "unknown protocol").
// ClientUnexpectedEOFText is a client's OpenSSL 3 finding the server's
// end of the connection without close_notify.
var ClientUnexpectedEOFText = Text{ID: HandshakeFailed,
	Title: "The server closed the connection without a TLS close_notify (unexpected eof while reading)",
	Why:   "The program that wrote this line opened the connection, and the server (or something in between) ended it without TLS's closing message. In the handshake (no certificate came back), the server refused the hello without an alert. Four causes cover most cases: 1. the port or name does not serve TLS this way: a plain or STARTTLS port, implicit TLS where the server wants explicit (FTP's 990 against 21), a server that needs the name (SNI) to pick a certificate; 2. the server requires a client certificate, or an allowed address, and closes on clients without; 3. a server or device in between that fails on a TLS 1.3 or large post-quantum hello (a server's bug that its vendor's update fixes; capping the client at TLS 1.2 shows it); 4. a firewall or proxy that cut it. After the handshake, it is a server that closes without close_notify at the end of a response, which OpenSSL 3 reports where older releases did not: harmless once the data arrived, and programs that read until the server closes need their release that tolerates it.",
	Fix:   "See how far the handshake gets, then with TLS 1.2 only and with the name:\n  openssl s_client -connect host:443 -servername host </dev/null\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\nIf only TLS 1.2 works, the server (or a device in front) fails on the newer hello: update it, or cap the client meanwhile. If it lists acceptable client certificate CA names, give the client its certificate.",
}

var ClientGotPlainText = Text{ID: HandshakeFailed,
	Title: "The client spoke TLS, and what answered was not TLS",
	Why: "The program that wrote this line opened the connection and sent a TLS ClientHello; the bytes that came back were not a TLS record. Five causes cover most cases: 1. the port does not serve TLS: https:// to a plain HTTP port (80, 8080, an app's own port), or a server whose TLS settings do not reach that listener; 2. an https:// proxy URL (HTTPS_PROXY=https://...) for a proxy that speaks plain HTTP (Python's urllib3 uses TLS to such a proxy since 1.26), or a client library that does not tunnel through an HTTP proxy with CONNECT and starts TLS at the proxy's plain port (older axios with HTTPS_PROXY); " +
		"3. a protocol that starts in plain text and upgrades with STARTTLS (SMTP on 587 or 25, IMAP 143, LDAP 389, PostgreSQL, MySQL): implicit TLS there reads the server's plain greeting (implicit TLS is port 465 for SMTP, 993 for IMAP, 636 for LDAP); 4. something in between answers in plain text: a corporate proxy's or captive portal's page, a load balancer listener without TLS, or a service-mesh sidecar that takes the port for plain HTTP (Istio does for a Service port named http, even when the call goes to an outside host on the same port number); " +
		"5. a client pinned to one old version (SSLv3 or TLS 1.0: Python's ssl.PROTOCOL_TLSv1, CURLOPT_SSLVERSION, a forceSSLv3 option) against a server that no longer takes it, or a server whose own version setting (Splunk's sslVersions, a Java or appliance minimum) leaves none the client offers: older OpenSSL reads the refusal as a wrong version; let the version be negotiated (Python: ssl.PROTOCOL_TLS_CLIENT), and compare both sides' settings.",
	Fix: "See what the port answers, in plain HTTP and in TLS:\n  curl -v http://host:PORT/\n  openssl s_client -connect host:PORT -servername host </dev/null\nthen use the scheme and port that serve TLS, an http:// proxy URL for a plain proxy:\n  export HTTPS_PROXY=http://proxy.example.com:3128\nor STARTTLS (mail: port 587 with secure: false or STARTTLS), tested so:\n  openssl s_client -starttls smtp -connect host:587 </dev/null\nIn a mesh, name the Service port https or tls.",
}

// Leads of ServerGotAlertText: the line showed a server, or nothing in it
// said which side wrote it.
const (
	serverAlertLead  = "The program that wrote this line accepted the connection, so"
	guessedAlertLead = "Nothing in the line says which side wrote it. If this program accepted the connection (a server or a proxy),"
)

// RolesMayBeReversed follows a received alert taken as the server's when
// nothing in the line said which side wrote it.
const RolesMayBeReversed = "If this program opened the connection instead, the roles are reversed: the server refused this client's certificate, so check it against the CA the server trusts, and look at the server's CRL if it checks one (a Java server refuses an untrusted client certificate, one not yet valid, and one whose revocation it could not check against its CRL, with certificate_unknown, as real runs here showed)."

// VerifySideGuessed is added to verify result code when its line shows no
// side: it is told as nginx judging a client certificate, the usual
// question; a client's trust fix is named for the codes about trust.
func VerifySideGuessed(code int) string {
	switch code {
	case 2, 18, 19, 20, 21:
		return "Nothing in the line shows which side printed it. If a TLS client printed it (curl, a browser, an app, a library; nginx or an nginx-based gateway as the client of its backend, whose full line says upstream), it is about the server's certificate instead: give that client the CA that issued the server's certificate (nginx: proxy_ssl_trusted_certificate), and make the server send its intermediates."
	}
	return "Nothing in the line shows which side printed it. If a TLS client printed it (curl, a browser, an app, a library), the certificate in question is the server's, not a client certificate."
}

// VerifyClientGuessed is added to a verify result told as a client's
// when only the words around it (not nginx's) suggested a client.
const VerifyClientGuessed = "Nothing in the line shows which side printed it; most programs that print verify results so are clients checking a server's certificate. If a server printed it about a client certificate it was shown (nginx logs it as `client SSL certificate verify error`), the client certificate is in question instead: check it against the CA file that server trusts (nginx: ssl_client_certificate)."

// ClientVerifyNotNginx ends a client's verify result when the line shows
// the client; a guessed side drops it.
const ClientVerifyNotNginx = "; nginx's ssl_client_certificate plays no part."

// serverToo is, per program whose servers print a verify failure in the
// same words as its clients (python, java), what the line means when a
// server wrote it.
var serverToo = map[string]string{
	"python": "A Python server that requires client certificates (ssl.CERT_REQUIRED; uvicorn's and gunicorn's cert-reqs) raises the same error about its client's certificate (its traceback then shows server_side=True or accept): if a server printed it, the client certificate is in question: its CA is missing from the CA file that server loaded, or the client did not send its intermediate.",
	"java":   "A Java server that requires client certificates (needClientAuth; Tomcat's certificateVerification, Spring Boot's server.ssl.client-auth=need) logs the same words about its client's certificate (its stack trace then shows checkClientTrusted): if a server printed it, the client certificate is in question: its CA is missing from that server's trust store, or the certificate itself is expired or revoked.",
}

// ServerToo is what a client's verify failure in reporter's words means
// when a server of the same runtime wrote it; "" when only clients print
// it so.
func ServerToo(reporter string) string {
	return serverToo[reporter]
}

// ServerTooFor is ServerToo, or "" when the explanation already tells the
// server's case in its own words ("A Java server ...").
func ServerTooFor(reporter, explanation string) string {
	too := ServerToo(reporter)
	if lead, _, _ := strings.Cut(too, " that "); too == "" || strings.Contains(explanation, lead) {
		return ""
	}
	return too
}

// VerifyServerToo is added to a verify callback's line ("verify
// error:num=N"), which openssl s_server prints as s_client does.
const VerifyServerToo = "openssl s_server prints the same line about its client's certificate; if s_server printed it, the client certificate is in question: check it against s_server's -CAfile."

// roleEntries are the lines whose writer is not nginx judging a client
// certificate: nginx as a client (upstream, Lua, OCSP), and servers and
// clients other than nginx. Lookup reads them before the other tables.
var roleEntries = []Entry{
	// nginx to an upstream: reasons other than an alert about its certificate.
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"to upstream"},
		Match:       []string{"unrecognized name", "alert internal error", "alert illegal parameter"},
		Title:       "The upstream refused the name nginx sent (or sent none) in SNI",
		Explanation: "Here nginx is the client of an https upstream. By default nginx sends no server name (SNI) to upstreams, and a backend that serves several names (a CDN, Kubernetes ingress, a cloud load balancer) then ends the handshake with `unrecognized name` (112) or `internal error` (80).",
		Fix:         "Send the backend's name:\n  proxy_ssl_server_name on;\n  proxy_ssl_name backend.example.com;\nthen reload:\n  " + reload,
		Confirm:     "openssl s_client -connect BACKEND:443 -servername backend.example.com </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"to upstream"},
		Match:       []string{"wrong version number", "unknown protocol", "http request", "packet length too long", "record layer failure"},
		Title:       "The upstream does not speak TLS on that port",
		Explanation: "Here nginx is the client: proxy_pass says https:// but the backend answered in plain HTTP (or another protocol), so OpenSSL read a TLS record header that is not one: the backend serves TLS on another port, its TLS settings did not reach that listener, or something in between (a sidecar, a load balancer) ends TLS and forwards plain HTTP. A backend behind a CDN or a shared host that needs the server name (SNI) can also answer a ClientHello without one in plain text or with an HTTP error: nginx sends no SNI to upstreams unless proxy_ssl_server_name is on.",
		Fix:         "Use the backend's real scheme and port, e.g.:\n  proxy_pass http://backend:8080;\nor point https:// at the port where the backend serves TLS. For a backend that needs its name:\n  proxy_ssl_server_name on;\n  proxy_ssl_name backend.example.com;",
		Confirm:     "curl -v http://BACKEND:PORT/",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"to upstream"},
		Match:       []string{"unsupported protocol", "no protocols available", "version too low", "alert protocol version", "no ciphers available", "no shared cipher", "dh key too small", "no suitable signature algorithm"},
		Title:       "nginx and its upstream share no TLS version or cipher",
		Explanation: "Here nginx is the client: the backend accepts only versions or ciphers that nginx's proxy_ssl_protocols / proxy_ssl_ciphers (or OpenSSL's security level) do not offer, or the reverse.",
		Fix:         "Offer what the backend speaks, where nginx proxies to it:\n  proxy_ssl_protocols TLSv1.2 TLSv1.3;\n  proxy_ssl_ciphers DEFAULT;\nthen reload:\n  " + reload + "\nand upgrade an old backend.",
		Confirm:     "openssl s_client -connect BACKEND:443 -tls1_2 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"to upstream", "reading upstream", "from upstream"},
		Match: []string{"alert bad certificate", "alert unknown ca", "alert certificate unknown", "alert certificate required", "alert access denied",
			"alert certificate expired", "alert unsupported certificate", "alert certificate revoked", "alert decrypt error"},
		Title:       "The upstream refused nginx's client certificate (or got none)",
		Explanation: "Here nginx is the client of an https upstream, and the backend sent an alert about the client certificate: nginx sent none (proxy_ssl_certificate is unset) or sent one whose CA the backend does not trust, expired, or without clientAuth. With TLS 1.3 the backend's verdict arrives after the handshake, so it shows up on nginx's first read from the upstream. nginx reads proxy_ssl_certificate at start and on reload only: a certificate rotated on disk (a service mesh's short-lived ones, a renewed Kubernetes secret) is sent only after a reload, so an expired one right after a rotation means nginx (or its ingress controller) did not reload.",
		Fix:         "Give nginx a client certificate the backend trusts:\n  proxy_ssl_certificate     /etc/nginx/upstream-client.crt;\n  proxy_ssl_certificate_key /etc/nginx/upstream-client.key;\nthen reload:\n  " + reload + "\nand check it against the CA the backend trusts. (ingress-nginx: the nginx.ingress.kubernetes.io/proxy-ssl-secret annotation names a secret with tls.crt, tls.key and ca.crt; a proxy that ends the user's TLS cannot pass the user's own certificate on, so let such backends trust the proxy's certificate, or pass TLS through with ssl-passthrough.)",
		Confirm:     "openssl s_client -connect BACKEND:443 -servername backend.example.com -cert /etc/nginx/upstream-client.crt -key /etc/nginx/upstream-client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"to upstream"},
		Match:       []string{"certificate verify failed"},
		Title:       "Upstream certificate verification failed: nginx did not trust its upstream's certificate",
		Explanation: "Here nginx is the client and proxy_ssl_verify is on: the backend's server certificate did not verify against proxy_ssl_trusted_certificate. The `upstream SSL certificate verify error: (N:...)` line just before names the reason.",
		Fix:         "Give nginx the backend's CA:\n  proxy_ssl_trusted_certificate /etc/nginx/upstream-ca.pem;\n  proxy_ssl_verify_depth 2;\nthen reload:\n  " + reload,
		Confirm:     "openssl s_client -connect BACKEND:443 -CAfile /etc/nginx/upstream-ca.pem </dev/null | grep 'Verify return code'",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"to upstream"}, Fallback: true,
		Match:       []string{"ssl_do_handshake() failed", "peer closed connection in ssl handshake", "while ssl handshaking to upstream", "ssl_read() failed", "ssl_write() failed"},
		Title:       "nginx could not finish the TLS handshake with its upstream",
		Explanation: "Here nginx is the client of an https upstream and the backend ended the handshake. Backends that need a name close the connection when nginx sends no SNI; backends that require client certificates close it or send alert 40/116 when nginx sends none; backends that allow only TLS versions or ciphers nginx does not offer (TLS 1.3 only, against an old nginx or OpenSSL, or a narrow proxy_ssl_protocols) close it too. A backend that speaks plain HTTP on that port (proxy_pass https:// to an http port) often just closes it, and so does one that starts TLS at once when nginx's stream module first sends a PROXY protocol header (proxy_protocol on) it does not expect.",
		Fix:         "Send the backend's name, and a client certificate if it requires one:\n  proxy_ssl_server_name on;\n  proxy_ssl_certificate     /etc/nginx/upstream-client.crt;\n  proxy_ssl_certificate_key /etc/nginx/upstream-client.key;\nthen reload:\n  " + reload + "\nIf the backend speaks only newer TLS versions, offer them (an old nginx or OpenSSL needs an upgrade):\n  proxy_ssl_protocols TLSv1.2 TLSv1.3;",
		Confirm:     "openssl s_client -connect BACKEND:443 -servername backend.example.com </dev/null",
	},
	// Alert 40 in an nginx line cut before its context ("... SSL alert
	// number 40"): most of these are nginx's own, to a backend.
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"alert number 40", "alert handshake failure"},
		Without:     []string{"while ssl handshaking", "while reading", "while sending", "while waiting", "upstream", "client:", "context:", "lua", "by_lua"},
		Match:       []string{"ssl_do_handshake() failed"},
		Title:       "nginx's TLS handshake ended with alert 40 (the line does not show which side nginx was)",
		Explanation: "The other side sent handshake_failure: it found nothing it accepts in nginx's handshake. In nginx's log this comes most often from nginx's own connections to an https backend (the whole line ends `while SSL handshaking to upstream`): a CDN, cloud load balancer or ingress refuses a client that sends no server name (proxy_ssl_server_name is off by default), and a backend that requires client certificates refuses nginx when proxy_ssl_certificate is not set. When the line ends `while SSL handshaking, client: ...` without an upstream, a client found no TLS version, cipher or signature algorithm it shares with nginx's ssl_protocols and ssl_ciphers.",
		Fix:         "Read the whole line. To an upstream, send the backend's name, and a client certificate if it requires one:\n  proxy_ssl_server_name on;\n  proxy_ssl_certificate     /etc/nginx/upstream-client.crt;\n  proxy_ssl_certificate_key /etc/nginx/upstream-client.key;\nFrom a client, compare its TLS versions with nginx's:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect BACKEND:443 -servername backend.example.com </dev/null",
	},
	// Any other failed handshake of a Lua cosocket.
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{luaHandshake}, Without: []string{"upstream"}, Fallback: true,
		Match:       []string{"ssl_do_handshake() failed", "peer closed connection in ssl handshake"},
		Title:       "A Lua cosocket's TLS handshake failed (nginx as the client)",
		Explanation: "Here nginx is the client: Lua code (a cosocket's sslhandshake, lua-resty-http, Kong's plugins) opened a TLS connection in a timer or while serving a request, and the server it connected to ended the handshake. nginx's own clients finish their handshakes before their requests are read, so a handshake that fails in a request's context is nginx's. A server closes so when it wants a client certificate the cosocket did not send, a name (SNI: the server name passed to sslhandshake), or a TLS version not in lua_ssl_protocols; `certificate verify failed` means lua_ssl_trusted_certificate lacks the server's CA.",
		Fix:         "Give the cosockets a CA bundle and the versions the server takes, in the http block:\n  lua_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n  lua_ssl_verify_depth 3;\n  lua_ssl_protocols TLSv1.2 TLSv1.3;\nthen reload:\n  " + reload + "\npass the server's name to sock:sslhandshake(nil, \"server.example.com\", true), and test the server by hand:\n  openssl s_client -connect SERVER:443 -servername server.example.com </dev/null",
		Confirm:     "openssl s_client -connect SERVER:443 -servername server.example.com </dev/null",
	},
	// A Lua cosocket offering no TLS version the server accepts (a real
	// run: Debian 12's lua-nginx-module against a TLS 1.3-only server).
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{luaHandshake}, Without: []string{"upstream"},
		Match:       []string{"alert protocol version", "unsupported protocol", "no protocols available"},
		Title:       "A Lua cosocket and the server it connected to share no TLS version",
		Explanation: "Here nginx is the client: Lua code opened a TLS connection with tcpsock:sslhandshake, and it offers only the versions in lua_ssl_protocols, not ssl_protocols. Its default in older lua-nginx-module releases (0.10.23, Debian 12's, as a real run here showed) stops at TLS 1.2, so a server that accepts only TLS 1.3 refuses it with protocol_version (70); an old server refuses TLS 1.2 the same way.",
		Fix:         "List the versions the server accepts in the http block, then reload:\n  lua_ssl_protocols TLSv1.2 TLSv1.3;\n  " + reload,
		Confirm:     "openssl s_client -connect SERVER:443 -tls1_3 </dev/null",
	},
	// Lua cosockets (OpenResty, lua-resty-*) refused by the server they
	// connect to (real runs: a timer's cosocket against openssl s_server
	// asking for a client certificate).
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{luaHandshake}, Without: []string{"upstream"},
		Match: []string{"alert handshake failure", "alert certificate required", "alert unknown ca", "alert bad certificate",
			"alert certificate unknown", "alert access denied", "alert certificate expired", "alert certificate revoked", "alert unsupported certificate", "handshake failed"},
		Title: "The server a Lua cosocket connected to refused nginx's handshake",
		Explanation: "Here nginx is the client: Lua code (a timer, `context: ngx.timer`, or a *_by_lua handler; lua-resty-http, a database or etcd client, Kong, APISIX) opened a TLS connection with tcpsock:sslhandshake, and the server ended it. " +
			"The reason is that server's complaint about nginx: handshake failure (40) or certificate required (116) from a server that requires client certificates means the cosocket sent none, as it sends one only when the code sets it; unknown ca (48), bad certificate (42), certificate expired (45) or revoked (44) mean the server refused the one sent. " +
			"ssl_certificate and ssl_client_certificate play no part; the Lua code's own `handshake failed` line follows the SSL_do_handshake() line that names the alert.",
		Fix:     "Give the cosocket a client certificate that the server trusts: tcpsock:setclientcert(cert, key) before sslhandshake (lua-nginx-module 0.10.22 and later; read them with ngx.ssl.parse_pem_cert and ngx.ssl.parse_pem_priv_key), or the library's option (lua-resty-http's ssl_client_cert and ssl_client_priv_key, APISIX's etcd tls cert and key, a Kong Service's client_certificate).",
		Confirm: "openssl s_client -connect SERVER:443 -cert client.crt -key client.key </dev/null",
	},
	// Lua cosockets (OpenResty, lua-resty-*).
	{
		ID: LuaVerifyError, Kind: "nginx", Level: "error",
		Match:       []string{"lua ssl certificate verify error", "lua_ssl_trusted_certificate"},
		Title:       "A Lua https request could not verify the server's certificate",
		Explanation: "A Lua cosocket (ngx.socket.tcp:sslhandshake, lua-resty-http, lua-resty-auto-ssl...) is the TLS client here, and it trusts only lua_ssl_trusted_certificate, which is unset by default: every server certificate then fails with 20 (unable to get local issuer certificate). ssl_client_certificate plays no part.",
		Fix:         "In the http block:\n  lua_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n  lua_ssl_verify_depth 3;\nthen reload:\n  " + reload,
		Confirm:     "nginx -T | grep lua_ssl",
	},
	// nginx marking an upstream server down: the consequence, not the cause.
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "warn", Within: []string{"to upstream"},
		Match:       []string{"upstream server temporarily disabled"},
		Title:       "nginx took an upstream server out of rotation; the cause is in the lines before",
		Explanation: "After max_fails failed attempts nginx skips that server of the upstream group for fail_timeout and writes this warning. It does not say why the handshakes failed: the error line just before it, with the same connection number (*N), does. With TLS to the upstream that is usually nginx refusing the backend's certificate (a chain longer than proxy_ssl_verify_depth, an untrusted CA), the backend refusing nginx (SNI, a client certificate it wants), or a port that does not speak TLS.",
		Fix:         "Read the error lines of the same connection (its *N number), then explain the one that says why:\n  grep -F '*11 ' /var/log/nginx/error.log | tail -n 5\nThe two most common: a backend that wants its name in SNI (an alert such as handshake failure or unrecognized name), and a chain too long for the default depth of 1:\n  proxy_ssl_server_name on;\n  proxy_ssl_verify_depth 3;",
		Confirm:     "grep -F 'to upstream' /var/log/nginx/error.log | tail -n 20",
	},
	// The "ssl" directive: deprecated since 1.15.0, removed in 1.25.1.
	{
		ID: StartupFailed, Kind: "nginx",
		Match:       []string{`the "ssl" directive is deprecated`, `unknown directive "ssl"`, `is defined for the "ssl" directive`},
		Title:       `The "ssl on" directive: deprecated, and gone since nginx 1.25.1`,
		Explanation: `"ssl on;" turns TLS on for every listen of its server block, port 80 included (whose clients then get 400 "The plain HTTP request was sent to HTTPS port"); nginx 1.15.0 deprecated it for the ssl parameter of listen, and 1.25.1 removed it, so a configuration that still has it no longer starts ("unknown directive").`,
		Fix:         "Take \"ssl on;\" out, mark the TLS port in its listen line and give that server its certificate, then test and reload:\n  listen 443 ssl;\n  ssl_certificate     /etc/nginx/server.crt;\n  ssl_certificate_key /etc/nginx/server.key;\n  " + reload,
		Confirm:     "nginx -T 2>/dev/null | grep -n 'ssl on'",
	},
	// ssl_stapling_file naming something that is not a response file.
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"read ocsp response file"},
		Title:       "nginx cannot read the OCSP response file that ssl_stapling_file names",
		Explanation: "ssl_stapling_file must name a file holding one DER-encoded OCSP response for the server's certificate (what openssl ocsp -respout writes); a directory, a missing file or a PEM file stops nginx from starting. nginx builds without their own OCSP fetching (some BoringSSL-based ones) need this file.",
		Fix:         "Write the response to a file and name that file:\n  openssl ocsp -issuer chain.pem -cert server.crt \\\n      -url http://ocsp.example.com -respout /etc/nginx/ocsp.der\n  ssl_stapling_file /etc/nginx/ocsp.der;\nthen reload:\n  " + reload,
		Confirm:     "openssl ocsp -respin /etc/nginx/ocsp.der -resp_text -noverify",
	},
	// OCSP stapling in Apache's mod_ssl, before nginx's entries (whose
	// words "stapling" and "ocsp" Apache's lines share).
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"ah02604", "ah02217", "ah02218", "sslstaplingforceurl", "ssl_stapling_init_cert"},
		Title:       "OCSP stapling is off for this Apache certificate",
		Explanation: "Apache's mod_ssl could not set up OCSP stapling for a certificate (AH02604), and the line before says why: AH02218, the certificate names no OCSP responder (private CAs, and Let's Encrypt's certificates since it ended OCSP in 2025), or AH02217, Apache cannot find the certificate's issuer: when the subject and the issuer the line names are the same, the certificate is self-signed and has no issuer to staple for (turn stapling off for it); otherwise the intermediate is not in SSLCertificateFile after the certificate, nor in SSLCertificateChainFile on Apache before 2.4.8. Handshakes still work, without a stapled answer; clients that require one (a Must-Staple certificate) refuse the server.",
		Fix:         "See whether the certificate names a responder:\n  openssl x509 -noout -ocsp_uri -in /etc/ssl/certs/server.crt\nWith none, turn stapling off (or give a responder with SSLStaplingForceURL):\n  SSLUseStapling off\nWith one, put the intermediate after the certificate in SSLCertificateFile and reload Apache.",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A3 'OCSP response'",
	},
	// OCSP stapling: nginx fetching OCSP answers for its own certificate.
	{
		ID: StaplingFailed, Kind: "nginx", Level: "warn",
		Match: []string{"issuer certificate not found"}, Within: []string{"stapling"},
		Title:       "OCSP stapling is off: nginx cannot find the issuer of its certificate",
		Explanation: "ssl_stapling needs the certificate that issued nginx's own certificate, from the ssl_certificate file (after the server certificate) or ssl_trusted_certificate; with neither, nginx ignores stapling. A self-signed certificate (a panel's or appliance's default, a test one) has no issuer to ask at all: stapling must be off for it, so a global ssl_stapling on in nginx.conf meets it in every server that uses one. Handshakes still work.",
		Fix:         "Put the intermediate after the server certificate in ssl_certificate, or name it:\n  ssl_trusted_certificate /etc/nginx/chain.pem;\nthen reload:\n  " + reload,
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile /etc/nginx/certs/server.crt | openssl pkcs7 -print_certs -noout",
	},
	{
		ID: StaplingFailed, Kind: "nginx", Level: "warn",
		Match:       []string{"no ocsp responder url", "could not extract ocsp responder url"},
		Title:       "OCSP stapling is off: the certificate names no OCSP responder",
		Explanation: "The server certificate has no OCSP URL in its Authority Information Access (private CAs, and Let's Encrypt since it ended OCSP in 2025), so there is nothing to staple. Handshakes still work. ingress-nginx with enable-ocsp says so from its Lua code (certificate.lua) on every request for such a certificate. When the certificate does name a responder, nginx read another certificate than the one it serves as the one to staple for: ssl_trusted_certificate (the CA chain nginx uses to find the issuer) pointing at the site's own certificate, or the ssl_certificate file holding the chain in the wrong order.",
		Fix:         "See whether the certificate names a responder:\n  openssl x509 -noout -ocsp_uri -in /etc/nginx/certs/server.crt\nNone: turn stapling off for this certificate (or give a responder):\n  ssl_stapling off;\n  ssl_stapling_responder http://ocsp.example.com/;\nOne: point ssl_trusted_certificate at the intermediate and root certificates, not at the site's, and keep the site's certificate first in ssl_certificate. ingress-nginx: enable-ocsp: \"false\" in its ConfigMap.",
		Confirm:     "openssl x509 -noout -ocsp_uri -in /etc/nginx/certs/server.crt",
	},
	{
		ID: StaplingFailed, Kind: "nginx", Level: "warn",
		Match:       []string{"no resolver defined to resolve"},
		Title:       "OCSP stapling: nginx has no resolver for the responder's name",
		Explanation: "nginx resolves the OCSP responder's host at run time with its own resolver, not the system's; without a `resolver` directive it cannot fetch OCSP answers. Handshakes still work, without stapling.",
		Fix:         "In the http or server block:\n  resolver 127.0.0.53 valid=300s;\n  resolver_timeout 5s;\nthen reload:\n  " + reload,
		Confirm:     "nginx -T | grep resolver",
	},
	{
		ID: StaplingFailed, Kind: "nginx", Level: "error",
		Match:       []string{"ocsp_basic_verify() failed", "ocsp response not successful", "certificate status \"revoked\"", "ocsp_check_validity() failed", "invalid ocsp response", "ocsp responder sent invalid", "ocsp response"},
		Within:      []string{"certificate status", "ocsp"},
		Title:       "OCSP stapling: the responder's answer was refused",
		Explanation: "nginx fetched an OCSP answer for its own certificate and could not use it. Three causes: (1) its signature did not verify against the issuer nginx knows: ssl_trusted_certificate lacks the issuer chain (or holds the site's own certificate instead); (2) it was out of date (a responder's stale answer, or a clock that is off); (3) it was not successful (the responder does not know the certificate, or the CA has stopped OCSP; 'unauthorized' or 'try later' right after issuance, or during the CA's own outage, passes by itself, and a line that says it continues anyway is not fatal). No stapled answer is sent; clients that require one (Must-Staple) refuse the server.",
		Fix:         "Give nginx the issuer chain of its own certificate:\n  ssl_trusted_certificate /etc/nginx/chain.pem;\nthen reload:\n  " + reload + "\nor, if the CA stopped OCSP:\n  ssl_stapling off;",
		Confirm:     "openssl ocsp -issuer chain.pem -cert server.crt -url $(openssl x509 -noout -ocsp_uri -in server.crt) -CAfile chain.pem",
	},
	{
		ID: StaplingFailed, Kind: "nginx", Level: "error", Fallback: true,
		Match:       []string{"while requesting certificate status", "ssl_stapling", "stapling"},
		Title:       "OCSP stapling: nginx could not reach the OCSP responder",
		Explanation: "nginx fetches OCSP answers for its own certificate from the responder named in it, and that request failed. It is the client of that request; handshakes go on without a stapled answer. Three causes: (1) no outbound HTTP from the server on port 80 (a firewall, a host without internet, a proxy nginx does not use); (2) name resolution: no resolver, or one that cannot resolve the responder (a container's, an IPv6 answer on a host without IPv6); (3) the responder itself is gone or slow: Let's Encrypt shut its OCSP service down in 2025.",
		Fix:         "Let nginx reach the responder (resolver and outbound HTTP on port 80):\n  resolver 127.0.0.53 valid=300s;\nor turn stapling off:\n  ssl_stapling off;\nthen reload:\n  " + reload,
		Confirm:     "curl -sv $(openssl x509 -noout -ocsp_uri -in /etc/nginx/certs/server.crt) -o /dev/null",
	},
	// nginx as the server, beyond client certificates.
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error",
		Match:       []string{"no \"ssl_certificate\" is defined in server listening on ssl port"},
		Title:       "A TLS handshake reached a server block with no ssl_certificate",
		Explanation: "The client's SNI name (or the default server of the port) picked a server block that has `listen ... ssl` but no ssl_certificate, so nginx had no certificate to send.",
		Fix:         "Give that server block a certificate, or make a block with one the default server of the port:\n  listen 443 ssl default_server;\n  ssl_certificate     /etc/nginx/certs/server.crt;\n  ssl_certificate_key /etc/nginx/certs/server.key;",
		Confirm:     "nginx -T | grep -nE 'listen|server_name|ssl_certificate'",
	},
	// Go servers and clients.
	{
		ID: TLSAlert, Kind: "client", Within: []string{"http: tls handshake error"},
		Match:       []string{"remote error: tls:"},
		Title:       "A client refused this Go server's certificate",
		Explanation: "A Go server logged that a client (the address in the line) ended the handshake with an alert: the alert is the client's complaint about the server's own certificate (bad certificate, unknown authority: the client does not trust its CA or the name does not match). It is not about a client certificate.",
		Fix:         "Make the clients trust the server's CA (curl --cacert, RootCAs), serve the intermediates with the server certificate, and make its subjectAltName (SAN) carry the name clients use:\n  openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"tls: client didn't provide a certificate"},
		Title:       "The Go server required a client certificate and got none",
		Explanation: "A Go server with ClientAuth: RequireAndVerifyClientCert (or RequireAnyClientCert) ended the handshake because the client sent no certificate: it has none configured, or its TLS settings (cert_file and key_file, tls.Config.Certificates) were not applied to the connection that failed. Some programs turn mutual TLS on as soon as they are given a CA file (a caFile or ca option meant for the server's own chain), so every client without a certificate fails. Go clients also send none when their certificate's issuer is not among the CA names the server advertised. When it comes again and again from one address, it is usually a health check or monitoring probe (a kubelet liveness probe, a blackbox exporter checking the certificate) that cannot present a certificate: harmless noise, unless that probe's failure takes the service down; give probes a port or endpoint without client authentication (etcd: --listen-metrics-urls), or a certificate.",
		Fix:         "Configure the client certificate:\n  curl --cert client.crt --key client.key https://host/\nand make sure its issuer is in the server's ClientCAs.",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// A Go server's log about a client certificate, per x509 text, as a
	// real Go server logs them for the fixture sets' faulty certificates.
	{
		ID: NotACA, Kind: "client", Within: []string{"handshake error from"},
		Match:       []string{"parent certificate cannot sign this kind of certificate"},
		Title:       "The Go server refused a client certificate whose issuer is not a CA",
		Explanation: "A certificate in the client's chain, the intermediate the client sent or the CA in ClientCAs, has basicConstraints CA:FALSE (or none) or lacks keyCertSign in its keyUsage, so Go does not accept it as an issuer (`parent certificate cannot sign this kind of certificate`; the candidate authority certificate in the message is that issuer).",
		Fix:         "Reissue the intermediate (or CA) as a CA, then the client certificates below it:\n  basicConstraints=critical,CA:TRUE\n  keyUsage=critical,keyCertSign,cRLSign",
		Confirm:     "openssl x509 -noout -text -in int.crt | grep -A1 -e 'Basic Constraints' -e 'X509v3 Key Usage'",
	},
	{
		ID: NotYetValid, Kind: "client", Within: []string{"handshake error from"},
		Match:       []string{"certificate has expired or is not yet valid: current time"},
		Without:     []string{" is after "},
		Title:       "The Go server refused a client certificate that is not yet valid",
		Explanation: "Go says `is before`: the server's clock is before the certificate's notBefore. The certificate was made moments ago on a machine whose clock is ahead of the server's, or with a start date in the future (-not_before, a CA's clock), or the server's clock is behind (a VM or container without time sync).",
		Fix:         "Compare the certificate's start with the server's clock, and set the clocks right (NTP); or reissue the certificate with a start date in the past:\n  openssl x509 -noout -startdate -in client.crt\n  date -u",
		Confirm:     "openssl x509 -noout -startdate -in client.crt",
	},
	{
		// The same words from a Go client, about the server's certificate.
		ID: ServerCertExpired, Kind: "client", Within: []string{" is before "}, Without: []string{"handshake error from"},
		Match:       []string{"x509: certificate has expired or is not yet valid: current time"},
		Title:       "The Go client finds the server's certificate not yet valid: its own clock is behind, or the certificate starts in the future",
		Explanation: "Go says `current time ... is before ...`: this machine's clock is before the notBefore of the server's certificate (or of a CA in its chain). Certificates are used from the moment they are issued, so this is almost always the client's clock: a board without a real-time clock, a VM or container host without time sync, a battery-less device after a power cut. Less often the certificate was made with a start date in the future, or on a machine whose clock is ahead.",
		Fix:         "Compare this machine's clock with the date in the message, and turn on time sync:\n  date -u\n  timedatectl set-ntp true",
		Confirm:     "date -u",
	},
	{
		ID: CriticalExtension, Kind: "client", Within: []string{"handshake error from"},
		Match:       []string{"x509: unhandled critical extension"},
		Title:       "The Go server refused a client certificate chain with a critical extension Go does not handle",
		Explanation: "A certificate in the chain (often the intermediate) marks an extension critical that Go's verifier does not process, so the whole chain is refused: name constraints of a kind Go does not check (directoryName or others besides DNS, IP, email and URI), certificate policies with constraints, or a private extension. OpenSSL may accept the same chain.",
		Fix:         "Reissue the certificate with that extension non-critical or without it (nameConstraints for DNS or IP only):\n  openssl x509 -noout -text -in int.crt | grep -A3 critical",
		Confirm:     "openssl x509 -noout -text -in int.crt | grep -B1 -A3 critical",
	},
	// A Go server's log about a client certificate signed with SHA-1, or
	// by a CA of the issuer's name with another key (checked with a real
	// Go server and client); before its general verify entry.
	{
		ID: WeakSignature, Kind: "client", Within: []string{"handshake error from"},
		Match: []string{"cannot verify signature: insecure algorithm sha1", "cannot verify signature: insecure algorithm ecdsa-sha1",
			"cannot verify signature: insecure algorithm md5", "cannot verify signature: insecure algorithm dsa-sha1"},
		Title:       "The Go server refused a client certificate signed with SHA-1 or MD5",
		Explanation: "Go 1.18 and later accept no SHA-1 or MD5 signature in a chain, and a Go server checking client certificates (tls.RequireAndVerifyClientCert) refuses such a client certificate, or one below such an intermediate, although its CA is in ClientCAs. The candidate authority certificate in the message is the CA that made the signature.",
		Fix:         "Sign the client certificate again with SHA-256 (its key stays):\n  " + resignClientCmd,
		Confirm:     "openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm'",
	},
	{
		ID: BadSignature, Kind: "client", Within: []string{"handshake error from"}, Without: []string{"parent certificate cannot sign", "insecure algorithm"},
		Match:       []string{"while trying to verify candidate authority certificate"},
		Title:       "The Go server has a CA of the client certificate's issuer name, but not the key that signed it",
		Explanation: "The Go server found in ClientCAs a CA whose name is the client certificate's issuer, but its key did not make the signature: the CA was made again under the same name, and either the server's CA file or the client's certificate is from the old one.",
		Fix:         "Compare the server's client CA with the issuer of the client's certificate (the key identifiers must match):\n  openssl x509 -noout -subject -text -in client-ca.crt | grep -A1 -e '^subject=' -e 'Subject Key Identifier'\n  openssl x509 -noout -issuer -text -in client.crt | grep -A1 -e '^issuer=' -e 'Authority Key Identifier'\nthen put the current CA in the server's ClientCAs, or issue the client a certificate from it.",
		Confirm:     "openssl verify -CAfile client-ca.crt client.crt",
	},
	{
		// Go 1.20 and later say "tls: failed to verify certificate" on both
		// sides; in a server's "handshake error from" line it is the client's.
		ID: VerifyError, Kind: "client", Within: []string{"handshake error from"},
		// The x509 texts with a story of their own.
		Without: []string{"incompatible key usage", "parent certificate cannot sign", "insecure algorithm", "candidate authority certificate",
			"unhandled critical extension", "is not yet valid: current time"},
		Match:       []string{"tls: failed to verify certificate"},
		Title:       "The Go server refused the client certificate",
		Explanation: "A Go server (its `http: TLS handshake error from` line names the client's address) checked the client certificate against its ClientCAs pool and the chain did not verify; the x509 text after it names why (unknown authority: the client certificate's CA is not in ClientCAs, or the client did not send its intermediate, which a Go server does not fetch; expired; wrong key usage: Go requires clientAuth in extendedKeyUsage).",
		Fix:         "Add the CA that issued the client certificate to the server's tls.Config ClientCAs, or reissue the client certificate from that CA with:\n" + clientExtLines,
		Confirm:     verifyClient,
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"handshake error from"},
		Match:       []string{": eof", "connection reset by peer", "i/o timeout"},
		Title:       "A client closed the connection during the TLS handshake (Go server)",
		Explanation: "The client went away in the middle of the handshake without an alert: load balancer and Kubernetes TCP health checks, port scanners, and clients that refused the server's certificate without saying why (Node.js clients check it after the handshake and close without an alert, as a real run here showed; Dart and some Java clients do the same). Usually harmless when it comes from a health checker's address now and then.",
		Fix:         "Look at the address in the line: a load balancer or probe (switch its check to TLS or HTTP), or a real client (run it by hand and read its own error):\n  curl -v https://host:PORT/",
		Confirm:     "openssl s_client -connect host:PORT -servername host </dev/null",
	},
	{
		// Seen with a real Go 1.26 server: curl, Python and openssl s_client
		// refusing its certificate over TLS 1.3 all give this line; over
		// TLS 1.2 the same refusal is "remote error: tls: unknown
		// certificate authority", from a Go client "remote error: tls: bad
		// certificate".
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"handshake error from"},
		Match:       []string{"local error: tls: bad record mac"},
		Title:       "A client refused this Go server's certificate (TLS 1.3, a client built on OpenSSL)",
		Explanation: "When a client built on OpenSSL (curl, Python, openssl s_client) refuses the server's certificate in a TLS 1.3 handshake, the alert it sends does not decrypt with the keys a Go server expects at that point, so the Go server logs `local error: tls: bad record MAC` instead of the client's reason. The client's own error says it (curl: (60), CERTIFICATE_VERIFY_FAILED): the server's certificate is self-signed or from a CA the client was not given, served without its intermediate, or does not carry the name the client used. Rarely, a middlebox that alters traffic causes it.",
		Fix:         "Make the clients trust this server's certificate: give them its CA (curl --cacert ca.crt), serve the full chain (leaf, then intermediates) and put the name they use in its subjectAltName. The probe says which of these it is:\n  mtlsdoctor probe host:443",
		Confirm:     "curl -v https://host:443/",
	},
	// etcd's TLS listener (and servers on its transport: TiDB's PD):
	// "rejected connection" with the handshake's error in a field, whose
	// own entry, when it has one, tells it first.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"remote-addr", "rejected connection from", "server-name", "servername"}, Fallback: true,
		Match:       []string{"rejected connection"},
		Title:       "etcd refused a connection whose TLS handshake failed",
		Explanation: "etcd logs `rejected connection` when a TLS handshake on its client or peer port fails, and its error field says why. `EOF`: the connection closed before or during the handshake without an alert: TCP health checks and probes that open the port without TLS (a Kubernetes tcpSocket probe, a load balancer, Prometheus' blackbox exporter with tcp_connect), or a client that refused etcd's certificate without saying so. `tls: failed to verify client certificate` (or `client's certificate`): the client's certificate is not from etcd's --trusted-ca-file (--peer-trusted-ca-file between members), or has expired. `remote error: tls: bad certificate` or `unknown certificate authority`: the client refused etcd's own certificate: its CA is not the one the client trusts (--cacert), or the certificate lacks the name or IP the client dialled (etcd's certificates need every address that clients and peers use in their subjectAltName). `first record does not look like a TLS handshake`: the client spoke plain HTTP (http:// in its endpoints). TiDB's PD and other servers built on etcd's transport log the same words.",
		Fix:         "Read the error field and remote-addr. For a probe, switch it to a TLS or HTTP check. For a real client, check its certificate against etcd's CA:\n  openssl verify -CAfile /etc/etcd/pki/ca.crt client.crt\nThen check etcd's certificate for the names and IPs the clients use:\n  openssl x509 -noout -text -in /etc/etcd/pki/server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "etcdctl --endpoints=https://IP:2379 --cacert=ca.crt --cert=client.crt --key=client.key endpoint health",
	},
	// A server's handshake failure with no reason at all (TiKV's status
	// server, and others): the one story that fits most of them.
	{
		ID: HandshakeFailed, Kind: "client", Fallback: true,
		Match:       []string{"tls handshake error"},
		Within:      []string{"server", " from ", "accept", "listen", "incoming", "remote-addr", "remote_addr"}, // a bare "TLS Handshake Error" is anyone's
		Title:       "A server's TLS handshake failed, and the line gives no reason",
		Explanation: "The server that wrote this saw a handshake fail and logged no cause. Most often the client was not speaking TLS at all: TCP health checks and monitoring probes that open and close the port (a load balancer, a Kubernetes tcpSocket probe, Prometheus' blackbox exporter with tcp_connect), port scanners, or a client using http:// on the TLS port. Otherwise a client refused the server's certificate (its own error says why), sent no client certificate where one is required, or offered no TLS version or cipher the server accepts.",
		Fix:         "Find the client by its address (the server's debug log, or the probe's configuration): switch a probe to a TLS check (blackbox exporter: a tls_config with the CA), or to HTTP on a plain port; run a real client by hand, it says what it did not accept:\n  openssl s_client -connect host:PORT -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:PORT -servername host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"tls handshake error", "security handshake from"}, Without: []string{"handshake error from"},
		Match:       []string{": eof"},
		Title:       "A client closed the connection during the TLS handshake",
		Explanation: "The server that wrote this line saw its client go away in the middle of the handshake without an alert: TCP health checks of a load balancer or monitor (they open and close the port without TLS), port scanners, or a client that refused the server's certificate without saying why (node, Dart and some Java clients send no alert; a client that lacks support for the certificate's curve or key type does the same). Usually harmless when it comes from a health checker's address now and then.",
		Fix:         "Look at the address in the line: a load balancer or monitor (switch its check to TLS or HTTP), or a real client (run it by hand and read its own error; it usually says what it did not accept):\n  curl -v https://host:PORT/",
		Confirm:     "openssl s_client -connect host:PORT -servername host </dev/null",
	},
	{
		ID: VerifyError, Kind: "client",
		// The x509 texts with a story of their own.
		Without: []string{"incompatible key usage", "parent certificate cannot sign", "insecure algorithm", "candidate authority certificate",
			"unhandled critical extension", "is not yet valid: current time"},
		Match:       []string{"tls: failed to verify client certificate", "tls: failed to verify client's certificate"},
		Title:       "The Go server refused the client certificate",
		Explanation: "A Go server checked the client certificate against its ClientCAs pool and the chain did not verify; the x509 text after it names why (unknown authority, expired, wrong key usage: Go requires clientAuth in extendedKeyUsage).",
		Fix:         "Add the CA that issued the client certificate to the server's tls.Config ClientCAs, or reissue the client certificate from that CA with:\n" + clientExtLines,
		Confirm:     verifyClient,
	},
	// Java (JSSE).
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"null cert chain", "empty client certificate chain"},
		Title:       "The Java server required a client certificate and got none",
		Explanation: "A Java (JSSE) server with client authentication required ended the handshake because the client sent an empty certificate chain. Java clients send none when no key in their keystore is issued by one of the CA names the server advertised.",
		Fix:         "Give the client a certificate from a CA the server trusts (in its keystore, with -Djavax.net.ssl.keyStore=client.p12), and add that CA to the server's trust store:\n  keytool -importcert -alias client-ca -file ca.crt -keystore truststore.jks",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// handshake_failure alone: three causes of equal weight.
	{
		ID: TLSAlert, Kind: "client",
		Match: []string{"received fatal alert: handshake_failure", "tlsfatalalertreceived: handshake_failure"},
		Title: "The server ended the Java client's handshake (handshake_failure)",
		Explanation: "The server sent handshake_failure, which has three usual causes: it requires a client certificate and Java sent none (servers other than nginx, over TLS 1.2; Java sends none when no key in its keystore is issued by a CA the server lists, or no keystore is set); no TLS version or cipher suite in common (an old JDK, a JVM in FIPS mode, algorithms disabled in java.security, a server that allows only TLS 1.3 or only a few ciphers); or a server that needs the host name in SNI, which Java does not send when it connects to an IP address (and some HTTP clients never send). " +
			"A Java server logs the same words when its client ended the handshake: no version or cipher in common, or an Erlang client that refused the server's certificate for its name (hostname_check_failed).",
		Fix:     "Find which from the JVM's handshake log, then fix that one:\n  -Djavax.net.debug=ssl:handshake\nA CertificateRequest answered with an empty certificate: give the JVM a keystore (javax.net.ssl.keyStore) with a client certificate from a CA the server lists. No shared version or cipher: upgrade the JDK, or enable the versions:\n  -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3\nNo server_name in the ClientHello: connect by host name.",
		Confirm: "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match: []string{"received fatal alert: bad_certificate", "received fatal alert: certificate_unknown", "received fatal alert: unknown_ca", "received fatal alert: certificate_required",
			"received fatal alert: certificate_expired", "received fatal alert: certificate_revoked", "received fatal alert: unsupported_certificate",
			// BouncyCastle's JSSE provider (BCJSSE) spells them so
			"tlsfatalalertreceived: bad_certificate", "tlsfatalalertreceived: certificate_unknown", "tlsfatalalertreceived: unknown_ca",
			"tlsfatalalertreceived: certificate_required"},
		// Charles Proxy's log of the devices it intercepts has its own entry.
		Without: []string{"failure sslhandshake"},
		Title:   "The server refused the Java client's certificate (or got none)",
		Explanation: "The Java client received a fatal alert from the server. With a server that requires client certificates, bad_certificate and certificate_required usually mean Java sent no certificate: it sends none when no key in its keystore is issued by a CA the server advertised, or when no keystore is configured. unknown_ca means the server does not trust the CA of the certificate Java sent; certificate_expired, certificate_revoked and unsupported_certificate that it found the client certificate expired, revoked (by a CRL it checks) or not for client authentication; an OpenSSL server also answers bad_certificate for a client certificate that is not yet valid by its clock, and a Java server certificate_unknown; certificate_unknown from a server is its complaint about the client's certificate, from the client's view about the server's. " +
			"A Java server (Tomcat, Spring Boot, a Kafka broker) prints the same words when its client sends the alert: then the client (a browser, another service) refused the server's own certificate, and the server's keystore chain is in question.",
		Fix:     "Give the JVM a keystore with the client key and certificate, issued by a CA the server trusts:\n  openssl pkcs12 -export -in client.crt -inkey client.key -out client.p12\nand run with:\n  -Djavax.net.ssl.keyStore=client.p12 -Djavax.net.ssl.keyStorePassword=changeit -Djavax.net.ssl.keyStoreType=PKCS12\nTo see what is sent:\n  -Djavax.net.debug=ssl:handshake",
		Confirm: "openssl s_client -connect host:443 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	// Android's own words (its TrustManagerImpl), before the JDK's.
	{
		// Conscrypt's (Android's) own words when its chain check fails for
		// another reason than a missing anchor.
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"sslhandshakeexception", "javax.net.ssl", "conscrypt", "android"},
		Match:       []string{"chain validation failed"},
		Title:       "Android could not validate the server's certificate chain (Chain validation failed)",
		Explanation: "Android (Conscrypt) built the server's chain and a check on it failed, other than a missing trust anchor: most often a date, either the server's certificate (or an intermediate) has expired or the device's clock is wrong (an emulator or a device with a date far off); also a revoked certificate, one the platform refuses (a SHA-1 signature, a key too small), or an OCSP response the server staples that is invalid, stale or for another certificate (Android checks a stapled response, where browsers ignore a bad one).",
		Fix:         "Check the device's date first, then the dates of the chain the server sends:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -E 's:|NotAfter'\nRenew the server's certificate if it has expired, and serve the full chain. If the dates are right, look at the OCSP response the server staples (its status, the certificate it is for, Next Update), and turn stapling off until it is right (nginx: ssl_stapling off):\n  openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A12 'OCSP response'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"trust anchor for certification path not found", "not trusted server certificate",
			// the same, cut short by the paste, or reworded by an app that
			// retypes it ("trust anchor for identification path")
			"certpathvalidatorexception: trust anchor for certification", "trust anchor for identification path not found"},
		Title:       "The Android app does not trust the server's certificate",
		Explanation: "These are Android's words: the chain the server sent does not lead to a CA the device trusts for this app. Four causes cover most cases: 1. the server sends only its own certificate: Android does not fetch missing intermediates, so it fails there while desktop browsers work; 2. a private or self-signed CA, or a user-installed one (an intercepting corporate proxy's, a debugging proxy's): apps targeting Android 7 (API 24) and later ignore CAs the user installed unless their network_security_config trusts them, and Android installs as a CA only a certificate that says it is one (basicConstraints CA:TRUE; a self-signed server certificate made with openssl's one-liner is not: make a CA, or a self-signed certificate with CA:TRUE and the server's name in its subjectAltName); 3. an old device: before Android 7.1.1 it lacks ISRG Root X1, which Let's Encrypt's chains need since its cross-signature by DST Root CA X3 ended, and before Android 14 ISRG Root X2, which Let's Encrypt's ECDSA chains end at when served without the cross-signed intermediate; 4. a CA shipped or pinned in the app that is not the one that signed the server's certificate now (the server moved to another CA, or the app's copy expired).",
		Fix:         "Serve the full chain, the certificate then its intermediates:\n  cat server.crt intermediate.crt > fullchain.crt\n  ssl_certificate /etc/nginx/fullchain.crt;\nFor a private CA, or ISRG Root X1 on old devices, ship the CA in the app and trust it in res/xml/network_security_config.xml (a <certificates src=\"@raw/ca\"/> in its <trust-anchors>).",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"pkix path building failed", "unable to find valid certification path", "path does not chain with any of the trust anchors", "suncertpathbuilderexception"},
		// The SQL Server driver's and JavaMail's own entries tell their
		// settings.
		Without: []string{"could not establish a secure connection to sql server", "could not convert socket to tls"},
		Title:   "The Java client does not trust the server's certificate",
		Explanation: "Java checked the server's certificate against its trust store (the JDK's cacerts unless javax.net.ssl.trustStore says otherwise) and found no path to a trusted CA. Four causes cover most cases: " +
			"1. a private CA not imported into the trust store the program really uses (some programs and plugins ignore javax.net.ssl.* and read only the JDK's cacerts or their own option); " +
			"2. the server does not send its intermediates (its full chain); " +
			"3. TLS interception by a corporate proxy or security product whose CA the JVM or device does not have; " +
			"4. when a public site (Maven Central, Google, AWS) fails so, the trust store in use lacks its root: a truststore given to the program replaces cacerts rather than adding to it (javax.net.ssl.trustStore, or a product's own truststore setting, holding only a private CA), or the JVM's own cacerts is old, truncated or empty (an old JDK, some AdoptOpenJDK 8 builds, images after a ca-certificates-java change). " +
			"A truststore that holds an old copy of the server's own certificate fails once the server renews it; `Path does not chain with any of the trust anchors` is a CA of the right name that did not sign: a CA made again under the same name, whose old copy the trust store holds.",
		Fix:     "Import the server's CA:\n  keytool -importcert -alias server-ca -file ca.crt -keystore truststore.jks\nand run with:\n  -Djavax.net.ssl.trustStore=truststore.jks\nFor a public site, count the JVM's roots (a current JDK has over 100; on Java 8 put -keystore $JAVA_HOME/jre/lib/security/cacerts for -cacerts) and update the JDK or image if few:\n  keytool -list -cacerts -storepass changeit | grep -c trustedCertEntry\n" + clientTrustNotes,
		Confirm: "openssl s_client -connect host:443 -showcerts </dev/null",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match: []string{"no subject alternative names", "no subjectaltnames on the certificate match", "no name matching", "no subject alternative dns name matching", "doesn't match any of the subject", "doesn't contain cn or dns subjectalt"},
		Title: "The server's certificate does not carry the name the Java client used",
		Explanation: "Java (JSSE, or Apache HttpClient's hostname verifier) checks the host name against the server certificate's subjectAltName (SAN) only. Five causes cover most cases: " +
			"1. the certificate has no SAN, or not this name: an IP address needs an IP entry (IP SAN), and a wildcard covers one label only (*.example.com matches a.example.com, not a.b.example.com); " +
			"2. the client connected by another name than the certificate's: an IP address, an alias, localhost, or an address it resolved or found itself; " +
			"3. something else answered: a CDN's, a proxy's or another site's default certificate, often because no server name (SNI) was sent (Java sends none for an IP address or a name without a dot); " +
			"4. LDAPS: JDK 8u181 and later check the LDAP server's name too (com.sun.jndi.ldap.object.disableEndpointIdentification=true turns it off, knowingly), so an Active Directory certificate without the name used fails after a JDK update; " +
			"5. a hostname verifier of an old library release (some Apache HttpClient versions refused names in private domains; a trust-all option that leaves hostname verification on): upgrade it. " +
			"A Java server logs the same words about a client certificate when endpoint identification is on for client certificates (a Jetty server whose SslContextFactory keeps endpointIdentificationAlgorithm HTTPS with client authentication required, as in some Spring Boot versions): it then checks the client's certificate against the client's address; set the server's algorithm to null." +
			" When an operator or chart made the certificate (Strimzi, CloudNativePG, Crunchy PGO, a Helm chart's self-signed one), its names come from the operator's settings or release: add the missing name in its resource (Strimzi's listener alternativeNames, CloudNativePG's serverAltDNSNames) or upgrade an operator release that left a name out, rather than reissuing it by hand.",
		Fix:     "Reissue the server certificate with:\n  subjectAltName=DNS:host.example.com",
		Confirm: "openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"server aborted the ssl handshake"},
		Title:       "The server closed the handshake on curl (macOS Secure Transport)",
		Explanation: "curl built on macOS's Secure Transport says so when the server ended the handshake without a usable answer: it wanted a client certificate and got none (Secure Transport sends one only from the keychain or a .p12), it found no certificate for the name curl sent (SNI), no TLS version or cipher was shared, or something in between (a proxy, an SNI router) closed it.",
		Fix:         "See what the server asks for and answers, with the name curl uses:\n  openssl s_client -connect host:443 -servername host </dev/null\nIf it lists acceptable client certificate CA names, give curl a client certificate (on macOS as a .p12):\n  curl --cert-type P12 --cert client.p12:password https://host/",
		Confirm:     "curl -v https://host/",
	},
	// curl loading its own client certificate and key.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"unable to set private key file"},
		Title:       "curl could not use the client key (--key)",
		Explanation: "curl (exit 58) could not load the key given with --key (or, without --key, the key it looks for in the --cert file), or it does not belong to the --cert certificate: a wrong path, a file that holds only the certificate (a .pem given to --cert without --key, or to both), a key in DER form without --key-type DER, an encrypted key without --pass, the other certificate's key, or a pkcs11: URI that this curl reads as a file name (it needs --key-type ENG with an engine, or a newer curl).",
		Fix:         "See what the file holds, check that the key pairs with the certificate:\n  grep -c 'PRIVATE KEY' client.key\n  " + keyPairCheck + "\nthen give curl both files:\n  curl --cert client.crt --key client.key https://host/",
		Confirm:     "openssl pkey -in client.key -noout",
	},
	{
		ID: CertLoadFailed, Kind: "client", Fallback: true,
		Match:       []string{"could not load pem client certificate", "unable to use client certificate"},
		Title:       "curl could not load the client certificate (--cert)",
		Explanation: "curl (exit 58) could not read the file given with --cert as a PEM certificate: a wrong path, DER or PKCS#12 given without --cert-type, or (OpenSSL 3) a certificate refused by the security level (the OpenSSL reason after it says which). A path that exists can still be misread: curl takes what follows a colon in --cert as the pass phrase (file:password), so a colon in the file name must be escaped with a backslash; and a Windows UNC path written with backslashes (\\\\server\\share) is not opened (fopen: No such process): write it //server/share/client.pem.",
		Fix:         "Give a PEM certificate (or say its type):\n  curl --cert client.crt --key client.key https://host/\n  curl --cert-type P12 --cert client.p12:password https://host/",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	// HAProxy as the server.
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"ssl client certificate not trusted"},
		Title:       "HAProxy refused the client certificate",
		Explanation: "HAProxy (bind ... verify required ca-file ...) found an error in the client's own certificate (depth 0): most often its issuer is not in ca-file (or the client does not send its intermediate), but HAProxy logs the same words for an expired or not yet valid certificate, one revoked by crl-file, or one not for client authentication (checked with a real HAProxy 2.6: an expired client certificate from a trusted CA gives this line, and the client sees alert certificate_expired; one for servers only, without clientAuth, gives it too, and the client sees alert unsupported_certificate).",
		Fix:         "Log the OpenSSL verify code to see which it is (10 is expired, 20 an issuer not in ca-file, 23 revoked, 26 not for clients):\n  log-format \"%ci:%cp [%tr] %ft %[ssl_c_err] %[ssl_c_ca_err] %[ssl_c_s_dn]\"\nThe client CA and its intermediates belong in the bind line's ca-file:\n  bind :443 ssl crt /etc/haproxy/server.pem ca-file /etc/haproxy/client-ca.pem verify required",
		Confirm:     verifyClient,
	},
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"ssl client ca chain cannot be verified"},
		Title:       "HAProxy refused a CA in the client certificate's chain",
		Explanation: "HAProxy (bind ... verify required ca-file ...) found an error above the client's certificate (depth 1 or more): an intermediate or root that is not in ca-file, expired, revoked by crl-file, or not a CA, or a chain longer than HAProxy's verify depth.",
		Fix:         "Log the CA's verify code and depth to see which it is:\n  log-format \"%ci:%cp [%tr] %ft %[ssl_c_ca_err] %[ssl_c_ca_err_depth]\"\nand put the client CA and its current intermediates in the bind line's ca-file:\n  bind :443 ssl crt /etc/haproxy/server.pem ca-file /etc/haproxy/client-ca.pem verify required",
		Confirm:     verifyClient,
	},
	{
		// HAProxy 2.8 and later add OpenSSL's reason to its connection errors.
		ID: VerifyError, Kind: "client", Within: []string{": ssl handshake failure ("},
		Match:       []string{"certificate verify failed"},
		Title:       "HAProxy refused the client certificate",
		Explanation: "HAProxy (bind ... verify required ca-file ...) could not verify the client certificate's chain against its ca-file: the client's CA (or its intermediate) is not in ca-file, or the client does not send its intermediate.",
		Fix:         "Put the client CA and its intermediates in the bind line's ca-file:\n  bind :443 ssl crt /etc/haproxy/server.pem ca-file /etc/haproxy/client-ca.pem verify required\nthen reload HAProxy.",
		Confirm:     verifyClient,
	},
}

// otherServer is, per server program other than nginx (the reporter), how
// it is named, where it keeps the CAs it trusts for client certificates,
// and how to put the client's CA there.
var otherServer = map[string]struct{ who, ca, crl, fix string }{
	"apache": {"Apache", "SSLCACertificateFile", "SSLCARevocationFile",
		"Put the CA that issued the client certificates, and its intermediates, in the virtual host's SSLCACertificateFile (raise SSLVerifyDepth for longer chains), then reload Apache:\n  SSLCACertificateFile /etc/apache2/client-ca.pem\n  SSLVerifyDepth 2\n  apachectl configtest && apachectl graceful"},
	"haproxy": {"HAProxy", "the bind line's ca-file", "the bind line's crl-file",
		"Put the CA that issued the client certificates, and its intermediates, in the bind line's ca-file, then reload HAProxy:\n  bind :443 ssl crt /etc/haproxy/server.pem ca-file /etc/haproxy/client-ca.pem verify required"},
	"go": {"The Go server", "its tls.Config ClientCAs pool", "the CRLs its VerifyPeerCertificate checks",
		"Add the CA that issued the client certificates to the server's tls.Config ClientCAs pool, and have clients send their intermediates with their certificate."},
	"openssl": {"openssl s_server", "its -CAfile (or -verifyCAfile)", "its -CRL file",
		"Give s_server the CA that issued the client certificates, and its intermediates, with -CAfile (or -verifyCAfile); clients send their intermediates with -cert_chain:\n  openssl s_server -accept 8443 -cert server.crt -key server.key -CAfile client-ca.pem -Verify 2 -verify_return_error"},
	"python": {"The Python server", "the CA file its SSL context loaded (load_verify_locations)", "the CRL it loaded",
		"Give the server's SSL context the CA that issued the client certificates, and have clients send their intermediates with their certificate:\n  ctx.load_verify_locations('client-ca.pem')\nuvicorn: --ssl-ca-certs client-ca.pem --ssl-cert-reqs 2; gunicorn: --ca-certs client-ca.pem --cert-reqs 2."},
	"node": {"The Node.js server", "its ca option", "its crl option",
		"Give the server the CA that issued the client certificates in its ca option, and have clients send their intermediates with their certificate:\n  https.createServer({ ca: fs.readFileSync('client-ca.pem'), requestCert: true, rejectUnauthorized: true, cert, key }, app)"},
	// A server the line does not name (uWSGI's "[uwsgi-ssl] client
	// certificate verify error", Postfix, Redis, MongoDB...).
	"unknown": {"The server", "the server's client CA file", "the server's CRL file",
		"Put the CA that issued the client certificates, and its intermediates, in the server's client CA file, and restart the server.\nThat file is uWSGI's CA after `!` in its https option, lighttpd's ssl.ca-file, Postfix's smtpd_tls_CAfile, Redis's tls-ca-cert-file, MongoDB's net.tls.CAFile, Dovecot's ssl_client_ca_file, PostgreSQL's ssl_ca_file."},
	"java": {"The Java server", "its trust store", "the CRLs it checks",
		"Import the CA that issued the client certificates into the server's trust store (server.ssl.trust-store, javax.net.ssl.trustStore):\n  keytool -importcert -alias client-ca -file ca.crt -keystore truststore.jks"},
}

// caFileCodes are the verify results that say the client's CA is missing
// from the server's client CAs (or the chain the client sends is short).
var caFileCodes = map[int]bool{2: true, 19: true, 20: true, 21: true, 22: true}

// KnowsServer is true for the servers other than nginx whose words
// OtherServerVerify has.
func KnowsServer(reporter string) bool {
	_, ok := otherServer[reporter]
	return ok
}

// OtherServerVerify tells a verify result that a server other than nginx
// (reporter, one KnowsServer knows) logged about a client certificate: the code's meaning in that
// server's words, and the fix in its terms (where to put the client's CA),
// or the code's own fix up to its first nginx-only step.
func OtherServerVerify(reporter string, v VerifyCode) (title, why, fix string) {
	o := otherServer[reporter]
	title = Fill("{who} refused the client certificate ({code}:{text})", Vars{"who": o.who, "code": itoa(v.Code), "text": v.Text})
	why = strings.NewReplacer("the nginx CA file", o.ca, "the ssl_crl file", o.crl).Replace(v.Meaning) + " " +
		Fill("{who} accepted the connection and checked the client certificate against {ca}; nginx's directives play no part.", Vars{"who": o.who, "ca": o.ca})
	if caFileCodes[v.Code] {
		return title, why, o.fix
	}
	var keep []string
	plain := strings.NewReplacer(" && nginx -s reload", "", "/etc/nginx/", "").Replace(v.Fix)
	for _, l := range strings.Split(plain, "\n") {
		if strings.Contains(l, "nginx") || strings.Contains(l, "ssl_") {
			break
		}
		keep = append(keep, l)
	}
	if len(keep) == 0 {
		return title, why, o.fix
	}
	return title, why, strings.Join(keep, "\n")
}

// clientCertHow is, per client (a ClientKey), how it is given its own
// certificate and key, for a server that wanted one and got none.
var clientCertHow = map[string]string{
	"python":        "Python sends one only when given it; requests takes it with each request, the ssl module in its context:\n  requests.get(url, cert=('client.crt', 'client.key'))\n  ctx.load_cert_chain('client.crt', 'client.key')",
	"go":            "A Go client sends the certificate in its tls.Config, and only if its issuer is among the CA names the server asks for (GetClientCertificate sends it anyway):\n  pair, err := tls.LoadX509KeyPair(\"client.crt\", \"client.key\")\n  cfg := &tls.Config{Certificates: []tls.Certificate{pair}}",
	"node":          "node sends the certificate given in the request's TLS options (or pfx and passphrase):\n  https.request(url, { cert: fs.readFileSync('client.crt'), key: fs.readFileSync('client.key') })",
	"java":          "Java sends a certificate from its key store, which must hold the private key entry, and only if its issuer is among the CA names the server asks for:\n  -Djavax.net.ssl.keyStore=client.p12 -Djavax.net.ssl.keyStoreType=PKCS12 -Djavax.net.ssl.keyStorePassword=changeit",
	"openssl":       "s_client sends one only when given it:\n  openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	"dotnet":        ".NET sends a certificate from its handler's ClientCertificates, which must have its private key (a .pfx, or PEM certificate and key together):\n  handler.ClientCertificates.Add(X509Certificate2.CreateFromPemFile(\"client.crt\", \"client.key\"));",
	"ruby":          "Ruby's Net::HTTP sends the certificate and key set on it:\n  http.cert = OpenSSL::X509::Certificate.new(File.read('client.crt'))\n  http.key = OpenSSL::PKey.read(File.read('client.key'))",
	"php":           "PHP's curl functions send the certificate set with CURLOPT_SSLCERT and CURLOPT_SSLKEY (Guzzle: its cert and ssl_key options):\n  curl_setopt($ch, CURLOPT_SSLCERT, '/path/client.crt');\n  curl_setopt($ch, CURLOPT_SSLKEY, '/path/client.key');",
	"git":           "git sends the certificate its configuration names:\n  git config --global http.sslCert /path/client.crt\n  git config --global http.sslKey /path/client.key",
	"kubectl":       "A Kubernetes client sends the certificate of its kubeconfig's user entry (client-certificate-data and client-key-data, or the file paths):\n  kubectl config set-credentials NAME --client-certificate=client.crt --client-key=client.key --embed-certs",
	"mosquitto":     "The MQTT client sends the certificate it is given (a bridge: bridge_certfile and bridge_keyfile):\n  mosquitto_pub --cafile ca.crt --cert client.crt --key client.key -h broker -p 8883 -t test -m hi",
	"grpc":          "A gRPC client sends the certificate in its channel credentials (Python shown; Go: credentials.NewTLS with Certificates):\n  grpc.ssl_channel_credentials(root_certificates=ca, private_key=key, certificate_chain=cert)",
	"postgres":      "The PostgreSQL client sends the certificate named by sslcert and sslkey (by default ~/.postgresql/postgresql.crt and .key):\n  psql \"host=db sslmode=verify-full sslcert=client.crt sslkey=client.key sslrootcert=ca.crt\"",
	"mysql":         "The MySQL client sends the certificate it is given:\n  mysql --ssl-cert=client.crt --ssl-key=client.key --ssl-ca=ca.crt -h db",
	"mongo":         "The MongoDB client sends the certificate and key of one PEM file:\n  mongosh --tls --tlsCertificateKeyFile client.pem --tlsCAFile ca.crt",
	"erlang":        "An Erlang or Elixir client sends the certificate of its ssl options {certfile, \"client.crt\"} and {keyfile, \"client.key\"} (Mint, Finch and hackney take them under their transport options).",
	"vault":         "The Vault client sends the certificate and key its environment (or -client-cert and -client-key) names:\n  export VAULT_CLIENT_CERT=client.crt VAULT_CLIENT_KEY=client.key",
	"consul":        "The Consul client sends the certificate and key its environment names:\n  export CONSUL_CLIENT_CERT=client.crt CONSUL_CLIENT_KEY=client.key",
	"nomad":         "The Nomad client sends the certificate and key its environment names:\n  export NOMAD_CLIENT_CERT=client.crt NOMAD_CLIENT_KEY=client.key",
	"etcd":          "etcdctl sends the certificate it is given:\n  etcdctl --cacert=ca.crt --cert=client.crt --key=client.key endpoint health",
	"gitlab-runner": "GitLab Runner sends the certificate of tls-cert-file and tls-key-file in the [[runners]] section of config.toml.",
	"rust":          "A rustls client (reqwest) sends the identity it is built with, the certificate and key in one PEM:\n  reqwest::Client::builder().identity(reqwest::Identity::from_pem(&pem)?)",
}

// clientSNIHow is, per client (a ClientKey), how it is made to send the
// server's name (SNI), for a server that refuses a hello without it.
var clientSNIHow = map[string]string{
	"python":   "Python sends the name given as server_hostname (requests: the URL's host name, never an IP address):\n  ctx.wrap_socket(sock, server_hostname='api.example.com')",
	"go":       "A Go client sends tls.Config's ServerName, or the URL's host when it is a name (not an IP address):\n  &tls.Config{ServerName: \"api.example.com\"}",
	"node":     "node sends the servername option, or the host when it is a name (never an IP address):\n  https.request(url, { servername: 'api.example.com' })",
	"java":     "Java sends the host name it connects to, not an IP address nor a name without a dot; set it on the socket's SSLParameters with setServerNames(List.of(new SNIHostName(\"api.example.com\"))).",
	"envoy":    "envoy sends a name to its upstream only when the cluster's UpstreamTlsContext sets sni (Istio: the DestinationRule's trafficPolicy.tls.sni; Emissary: a TLSContext with sni).",
	"curl":     "curl sends the URL's host name; to reach an address with the right name, keep the name in the URL and give the address apart:\n  curl --resolve api.example.com:443:192.0.2.10 https://api.example.com/",
	"openssl":  "s_client sends the name of -servername (recent releases send the -connect host when it is a name):\n  openssl s_client -connect 192.0.2.10:443 -servername api.example.com </dev/null",
	"erlang":   "An Erlang client sends the name of its ssl option {server_name_indication, \"api.example.com\"}, which it leaves out when it connects by address.",
	"upstream": "nginx sends no name to an upstream unless told to:\n  proxy_ssl_server_name on;\n  proxy_ssl_name api.example.com;",
}

// ClientSNIHow is how the client of key is made to send the server's name,
// when it has words of its own.
func ClientSNIHow(key string) (string, bool) {
	s, ok := clientSNIHow[key]
	return s, ok
}

// ClientCertHow is how the client of key is given its certificate, when
// it has words of its own.
func ClientCertHow(key string) (string, bool) {
	s, ok := clientCertHow[key]
	return s, ok
}

// toolLines are lines openssl s_client and s_server print on every
// connection, which no failure entry matches: what each says (by its
// lower-case words).
var toolLines = []struct {
	prefix string
	text   Text
}{
	{"acceptable client certificate ca names", Text{ID: ClientCertRequired,
		Title: "The server asks for a client certificate (s_client lists the CAs it accepts)",
		Why:   "The server sent a certificate request; the names after this line are the CAs whose certificates it accepts. A client certificate must chain to one of them, or many clients (Go, browsers, Java) send none at all.",
		Fix:   "Send a client certificate issued by one of the listed CAs:\n  openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	}},
	{"no client certificate ca names sent", Text{ID: MTLSNotEnforced,
		Title: "The server named no CAs for client certificates (s_client)",
		Why:   "s_client saw no list of acceptable CAs: the server does not ask for a client certificate at all (nginx without ssl_verify_client), or asks without naming CAs (nginx with ssl_verify_client optional_no_ca, or with its CAs only in ssl_trusted_certificate; a Windows server, IIS or a .NET SslStream server, sends an empty list by default since Windows Server 2012, unless SendTrustedIssuerList is set, so its clients get no hint which certificate to offer and may pick a wrong one or none; some servers that require one never name CAs, librelp's (rsyslog's RELP over TLS) among them). Where mTLS is meant to be enforced, the server is not enforcing it on this name and port.",
		Fix:   "See what the server asks for with the name clients use, then check its configuration:\n  mtlsdoctor probe host:443\n  mtlsdoctor nginx /etc/nginx/nginx.conf",
	}},
}

// RoutineToolText is a routine line of openssl s_client or s_server
// output ("Can't use SSL_get_servername", "verify return:1").
var RoutineToolText = Text{ID: RoutineLine,
	Title: "A routine line of openssl s_client or s_server output, not a failure",
	Why:   "s_client and s_server print lines like this one on every connection. The lines that say why a handshake failed hold `error:`, `verify error` or `Verification error`; paste one of them, or the whole output.",
	Fix:   "Explain the whole output at once:\n  openssl s_client -connect host:443 </dev/null > out.txt 2>&1\n  mtlsdoctor explain \"$(cat out.txt)\"",
}

// routineToolStarts are the starts of s_client's and s_server's routine
// lines (lower-case), and whether only s_server prints it.
var routineToolStarts = []struct {
	start  string
	server bool
}{
	{"can't use ssl_get_servername", false}, {"using default temp dh parameters", true}, {"verify depth is ", true},
	{"verify return:", false}, {"depth=", false}, {"verification: ok", false}, {"shutting down ssl", false},
	{"connection closed", false}, {"ssl handshake has read", false},
}

// ToolLine says what a line of openssl s_client or s_server output that
// no failure entry matches means: a text, and whether s_server (not
// s_client) printed it.
func ToolLine(line string) (t Text, server, ok bool) {
	lower := strings.ToLower(strings.TrimSpace(line))
	for _, l := range toolLines {
		// Their words are distinctive: anywhere in a line people quote.
		if strings.Contains(lower, l.prefix) {
			return l.text, false, true
		}
	}
	for _, s := range routineToolStarts {
		if strings.HasPrefix(lower, s.start) {
			return RoutineToolText, s.server, true
		}
	}
	return Text{}, false, false
}

// What explain puts before a client's refusal of a public service's
// certificate ({host}), whose certificate every current trust store
// accepts: the cause is on the client's side.
const (
	PublicUntrusted    = "{host} is a public service: its certificate chains to a root that every current trust store holds. When a client refuses it, the cause is on the client's side: a TLS-inspecting proxy, firewall or antivirus re-signs the connection with its own CA (most often, on a company network), the client's CA bundle is missing or outdated (a container image without ca-certificates, an old OS or device, a program that ships its own bundle), or its clock is wrong."
	PublicUntrustedFix = "See who issued the certificate this machine receives:\n  openssl s_client -connect {host}:443 </dev/null | grep i:\nAn issuer that is not a public CA (your company's, an antivirus's) is the proxy's, and its root goes into this client's trust store. A public issuer means the client's bundle lacks its root. Install or update the bundle (Debian, Ubuntu, and in a container image):\n  apt-get install --reinstall ca-certificates\nA program that carries its own bundle (gcloud and other SDKs, RubyGems, pip and certifi, a JDK's cacerts, an old Node) gets a new one only with a new release of itself: upgrade the program, or its runtime."
	PublicMismatch     = "{host} is a public service that serves certificates for its own names. A certificate for another name means the connection reached another server: a hosts-file entry or a DNS answer (a VPN's, a captive portal's, a stale one) points elsewhere, or a proxy on the way answers with its own certificate. Now and then the service itself serves a wrong certificate for a while (a deployment mistake): then browsers and other networks see it too, and it is theirs to fix."
	PublicMismatchFix  = "See where the name leads from this machine, and what answers there:\n  getent hosts {host}\n  openssl s_client -connect {host}:443 </dev/null | grep s:\nRemove a wrong /etc/hosts entry, fix the DNS server, or set the proxy the network requires."
	PublicExpired      = "{host} is a public service that renews its certificates before they expire, so first suspect this machine: its clock (a board, VM or container host without time sync), an old CA bundle that builds the chain to an expired root, or a proxy on the way that re-signs it with a certificate of its own. Public services do slip now and then: if the dates the server sends are past (the command below), it is theirs to renew."
	PublicExpiredFix   = "Check the clock, and turn on time sync:\n  date -u\n  timedatectl set-ntp true"
)
