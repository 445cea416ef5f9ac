# source: https://github.com/jcmoraisjr/haproxy-ingress/blob/13d1ba0f4a5645dba12c1b2d949a1574046cb9a4/examples/PREREQUISITES.md
# title: jcmoraisjr/haproxy-ingress examples/PREREQUISITES.md (sections "TLS certificates" and "CA Authentication")
# (the README's "$ " prompt prefixes are removed; left out: kubectl commands (cluster), "openssl s_client -connect www.google.com:443" (network),
#  and the illustrative "openssl x509 -in certificate.der ..." / "cat certificate1.crt certificate2.crt certificate3.crt >> ca.crt" lines, whose input files the guide never creates)

# TLS certificates
openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout tls.key -out tls.crt -subj "/CN=localhost"

# Generating a CA
openssl genrsa -out ca.key 2048
openssl req -x509 -new -nodes -key ca.key -days 10000 -out ca.crt -subj "/CN=example-ca"

# Generating the client certificate: 'openssl.cnf' content exactly as printed in the guide, written with a heredoc
cat > openssl.cnf <<'EOF'
[req]
req_extensions = v3_req
distinguished_name = req_distinguished_name
[req_distinguished_name]
[ v3_req ]
basicConstraints = CA:FALSE
keyUsage = nonRepudiation, digitalSignature, keyEncipherment
EOF

openssl genrsa -out client1.key 2048
openssl req -new -key client1.key -out client1.csr -subj "/CN=client1" -config openssl.cnf

openssl x509 -req -in client1.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client1.crt -days 365 -extensions v3_req -extfile openssl.cnf
