# source: https://github.com/lookcrabs/2way_ssl_example
# title: Two-Way SSL with HAProxy
openssl genrsa -out ca.key 4096
openssl req -new -x509 -days 365 -sha256 -key ca.key -out ca.crt -subj '/CN=poisoned.site CA/O=Gengar'
cat > ca.conf <<'EOF'
[ ca ]
default_ca   = BULLSHIZ_ca

[ crl_ext ]
authorityKeyIdentifier=keyid:always

[ BULLSHIZ_ca ]
DIR               = ./      # Default directory.
unique_subject    = no

certificate       = ${DIR}/ca.crt
database          = ${DIR}/index.txt

new_certs_dir     = ${DIR}/

private_key       = ${DIR}/ca.key
serial            = ${DIR}/serial

default_md        = sha256

name_opt          = ca_default
cert_opt          = ca_default
copy_extensions   = copyall

default_days      = 360
default_crl_days  = 360

policy            = BULLSHIZ_policy

[ BULLSHIZ_policy ]
C=      optional        # Country
ST=     optional        # State or province
L=      optional        # Locality
O=      supplied        # Organization
OU=     optional        # Organizational unit
CN=     supplied        # Common name
EOF
touch index.txt
echo '01' > serial
openssl ca -config ca.conf -gencrl -keyfile ca.key -cert ca.crt -out crl.pem
openssl genrsa -out server.key 2048
openssl req -new -key server.key -out server.csr -subj '/CN=server.poisoned.site/O=Gengar' -addext 'subjectAltName = DNS:website,DNS:website.poisoned.site'
openssl ca -batch -config ca.conf -notext -in server.csr -out server.crt
openssl pkcs12 -export -chain -CAfile ca.crt -in server.crt -inkey server.key -passout pass:mypassword > server.p12
openssl pkcs12 -in server.p12 -passin pass:mypassword -nodes -out server.pem
openssl genrsa -passout pass:myclientpw -out client.key 2048
openssl req -new -key client.key -passin pass:myclientpw -out client.csr -subj '/CN=client.poisoned.site/O=Gengar'
openssl ca -batch -config ca.conf -notext -in client.csr -out client.crt
openssl pkcs12 -export -chain -CAfile ca.crt -in client.crt -inkey client.key -passin pass:myclientpw -passout pass:myclientpw > client.p12
