# source: https://github.com/nginxinc/nginx-loadbalancer-kubernetes/blob/main/docs/tls/SS-MTLS.md
# title: Mutual TLS with self-signed certificates (NGINX Loadbalancer for Kubernetes docs; commands from the linked CERTIFICATE-AUTHORITY.md, SERVER-CERTIFICATE.md, CLIENT-CERTIFICATE.md)
# --- CERTIFICATE-AUTHORITY.md ---
# adapted: (a) "You will be prompted to enter the Distinguished Name (DN) information for the CA" -> -subj with the same DN values used in ca.cnf below
openssl req -newkey rsa:2048 -nodes -x509 -out ca.crt -keyout ca.key -subj '/C=US/ST=Washington/L=Seattle/O=Example/OU=NLK'
# adapted: (c) config template printed by the page written with a heredoc; [COUNTRY]..[ORGANIZATION_UNIT] placeholders replaced with example values, as the page instructs ("update the values in the [ dn ] section")
cat > ca.cnf <<'EOF'
[ req ]
distinguished_name = dn
prompt = no
req_extensions = req_ext

[ req_ext ]
basicConstraints = CA:TRUE
keyUsage = critical, keyCertSign, cRLSign

[ dn ]
C=US
ST=Washington
L=Seattle
O=Example
OU=NLK
EOF
openssl req -newkey rsa:2048 -nodes -x509 -config ca.cnf -out ca.crt -keyout ca.key
# --- SERVER-CERTIFICATE.md ---
# adapted: (c) config template written with a heredoc; [COUNTRY]..[COMMON_NAME] placeholders replaced with example values (CN from the page's alt_names mydomain.com); alt_names kept as printed
cat > server.cnf <<'EOF'
[ req ]
distinguished_name = dn
req_extensions = req_ext
prompt = no

[ dn ]
C=US
ST=Washington
L=Seattle
O=Example
OU=NLK
CN=mydomain.com

[ req_ext ]
basicConstraints = CA:FALSE
keyUsage = nonRepudiation, digitalSignature, keyEncipherment
subjectAltName = @alt_names
extendedKeyUsage = serverAuth

[ alt_names ]
DNS.1 = mydomain.com
DNS.2 = server.mydomain.com
DNS.3 = *.mydomain.com
IP.1 = 10.0.0.10
IP.2 = 10.0.0.11
EOF
openssl genrsa -out server.key 2048
openssl req -new -key server.key -config server.cnf -out server.csr
openssl x509  -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 365 -sha256 -extensions req_ext -extfile server.cnf
openssl x509 -in server.crt -text -noout | grep -A 1 "Subject Alternative Name"
# --- CLIENT-CERTIFICATE.md ---
# adapted: (c) config template written with a heredoc; placeholders replaced with the SAME values as the CA ("The certificate has the same basic field as the CA certificate"); the page's [ dn ] has no CN
cat > client.cnf <<'EOF'
[ req ]
distinguished_name = dn
prompt = no

[ dn ]
C=US
ST=Washington
L=Seattle
O=Example
OU=NLK

[ client ]
extendedKeyUsage = clientAuth
EOF
openssl genrsa -out client.key 2048
openssl req -new -key client.key -config client.cnf -out client.csr
openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 365 -sha256 -extfile client.cnf -extensions client
openssl x509 -in client.crt -noout -purpose | grep 'SSL client :'
