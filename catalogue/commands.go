package catalogue

// Commands several fixes share, written to run alike on OpenSSL 1.1.1 and
// 3.x and on LibreSSL (macOS's openssl): -nodes, not 3.0's -noenc; x509
// -signkey and -extfile, not 3.0's -key and -copy_extensions.
//
// A self-signed certificate (req -x509) takes its extensions from a
// configuration file the fix writes, never from -addext: OpenSSL 1.1.1's
// default configuration gives every req -x509 its v3_ca section
// (basicConstraints CA:TRUE and the key identifiers), -addext of one of
// them adds that extension a second time, and verifiers refuse a
// certificate with a duplicate extension. A file of its own reads the
// same everywhere.
const (
	// selfSignedConf starts the printf that writes such a file; its
	// extension lines and the file name follow.
	selfSignedConf = "printf '[req]\\ndistinguished_name=dn\\nx509_extensions=ext\\n[dn]\\n[ext]\\n"
	// caConfLines are a CA's extensions in it.
	caConfLines = "basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\nsubjectKeyIdentifier=hash\\n'"
	// remakeCACmd makes ca.crt again from ca.key, marked as a CA.
	remakeCACmd = selfSignedConf + caConfLines + " > ca.cnf\n  openssl req -x509 -new -key ca.key -sha256 -days 3650 -subj '/CN=My CA' -config ca.cnf -out ca.crt"
	// selfSignedLeafCmd makes a self-signed server certificate that is
	// no CA, with its name in subjectAltName.
	selfSignedLeafCmd = selfSignedConf + "basicConstraints=critical,CA:FALSE\\nsubjectAltName=DNS:host.example.com\\n' > server.cnf\n" +
		"  openssl req -x509 -newkey rsa:2048 -nodes -keyout server.key -out server.crt -days 365 -subj '/CN=host.example.com' -config server.cnf"
	// resignServerCmd and resignClientCmd sign server.crt or client.crt
	// again with SHA-256 from ca.crt, keeping the key, with the
	// extensions of a server (its name to be put in) or a client.
	resignServerCmd = "printf 'subjectAltName=DNS:host.example.com\\nextendedKeyUsage=serverAuth\\nkeyUsage=critical,digitalSignature,keyEncipherment\\nauthorityKeyIdentifier=keyid\\n' > server.ext\n" +
		"  openssl x509 -x509toreq -in server.crt -signkey server.key -out server.csr\n" +
		"  openssl x509 -req -sha256 -days 825 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile server.ext -out server.crt"
	resignClientCmd = "printf 'extendedKeyUsage=clientAuth\\nkeyUsage=critical,digitalSignature,keyEncipherment\\nauthorityKeyIdentifier=keyid\\n' > client.ext\n" +
		"  openssl x509 -x509toreq -in client.crt -signkey client.key -out client.csr\n" +
		"  " + reissueClient
)
