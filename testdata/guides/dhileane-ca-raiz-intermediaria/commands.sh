# source: https://github.com/DhileaneRodriges/Criar-Certificado-Raiz-Intermedi-rio-e-Cliente-no-Linux
# title: Criar-Certificado-Raiz-Intermedi-rio-e-Cliente-no-Linux
# Pasta base
mkdir ca_selfsign
cd ca_selfsign

# CA Raiz: cria pastas e arquivos
mkdir certs crl newcerts private
chmod 700 private
touch index.txt
echo 1000 > serial

# CA Intermediaria: cria pastas e arquivos
mkdir -p intermediate/certs intermediate/crl intermediate/csr intermediate/newcerts intermediate/private
chmod 700 intermediate/private
touch intermediate/index.txt
echo 1000 > intermediate/serial
echo 1000 > intermediate/crlnumber
cat > openssl.cnf << 'EOF'
[ ca ]
default_ca = CA_default

[ CA_default ]
dir               = .
certs             = $dir/certs
crl_dir           = $dir/crl
new_certs_dir     = $dir/newcerts
database          = $dir/index.txt
serial            = $dir/serial
crlnumber         = $dir/crlnumber
crl               = $dir/crl/ca.crl.pem
private_key       = $dir/private/ca.key.pem
certificate       = $dir/certs/ca.cert.pem
default_md        = sha256
name_opt          = ca_default
cert_opt          = ca_default
default_days      = 7300
preserve          = no
policy            = policy_strict
unique_subject    = no

[ policy_strict ]
countryName             = match
stateOrProvinceName     = match
organizationName        = match
organizationalUnitName  = optional
commonName              = supplied
emailAddress            = optional

[ req ]
default_bits        = 4096
default_md          = sha256
string_mask         = utf8only
distinguished_name  = req_distinguished_name
x509_extensions     = v3_ca

[ req_distinguished_name ]
countryName                     = Country Name (2 letter code)
countryName_default             = GB
stateOrProvinceName             = State or Province Name
stateOrProvinceName_default     = England
localityName                    = Locality Name
localityName_default            = Cambridge
0.organizationName              = Organization Name
0.organizationName_default      = University of Cambridge
organizationalUnitName          = Organizational Unit Name
organizationalUnitName_default  = Computer Laboratory
commonName                      = Common Name
commonName_default              = TLS root CA CAMB
commonName_max                  = 64
emailAddress                    = Email Address
emailAddress_default            = carlos.molina@cl.cam.ac.uk
emailAddress_max                = 64

[ v3_ca ]
subjectKeyIdentifier    = hash
authorityKeyIdentifier  = keyid:always,issuer
basicConstraints        = critical, CA:true
keyUsage                = critical, digitalSignature, cRLSign, keyCertSign

[ v3_intermediate_ca ]
subjectKeyIdentifier    = hash
authorityKeyIdentifier  = keyid:always,issuer
basicConstraints        = critical, CA:true, pathlen:0
keyUsage                = critical, digitalSignature, cRLSign, keyCertSign
EOF
# Gerar a chave privada da CA raiz
# adapted: (b) passphrase prompt answered with -passout pass:guide
openssl genrsa -aes256 -passout pass:guide -out private/ca.key.pem 4096
chmod 400 private/ca.key.pem

# Gerar o certificado autoassinado da CA raiz
# adapted: (a) subject prompt answered with -subj holding the defaults printed in the config (pressing Enter); (b) key passphrase via -passin pass:guide
openssl req -config openssl.cnf \
      -key private/ca.key.pem \
      -new -x509 -days 7300 -sha256 -extensions v3_ca \
      -out certs/ca.cert.pem \
      -subj '/C=GB/ST=England/L=Cambridge/O=University of Cambridge/OU=Computer Laboratory/CN=TLS root CA CAMB/emailAddress=carlos.molina@cl.cam.ac.uk' -passin pass:guide
chmod 444 certs/ca.cert.pem
cat > intermediate/openssl.cnf << 'EOF'
[ ca ]
default_ca = CA_default

[ CA_default ]
dir               = ./intermediate
certs             = $dir/certs
crl_dir           = $dir/crl
new_certs_dir     = $dir/newcerts
database          = $dir/index.txt
serial            = $dir/serial
crlnumber         = $dir/crlnumber
crl               = $dir/crl/intermediate.crl.pem
private_key       = $dir/private/intermediate.key.pem
certificate       = $dir/certs/intermediate.cert.pem
default_md        = sha256
name_opt          = ca_default
cert_opt          = ca_default
default_days      = 375
preserve          = no
policy            = policy_loose
unique_subject    = no

[ policy_loose ]
countryName             = optional
stateOrProvinceName     = optional
localityName            = optional
organizationName        = optional
organizationalUnitName  = optional
commonName              = supplied
emailAddress            = optional

[ req ]
default_bits        = 2048
default_md          = sha256
string_mask         = utf8only
distinguished_name  = req_distinguished_name

[ req_distinguished_name ]
countryName                     = Country Name (2 letter code)
countryName_default             = GB
stateOrProvinceName             = State or Province Name
stateOrProvinceName_default     = England
localityName                    = Locality Name
localityName_default            = Cambridge
0.organizationName              = Organization Name
0.organizationName_default      = University of Cambridge
organizationalUnitName          = Organizational Unit Name
organizationalUnitName_default  = Computer Laboratory
commonName                      = Common Name
commonName_default              = TLS server CAMB
commonName_max                  = 64
emailAddress                    = Email Address
emailAddress_default            = carlos.molina@cl.cam.ac.uk
emailAddress_max                = 64

[ v3_ca ]
subjectKeyIdentifier    = hash
authorityKeyIdentifier  = keyid:always,issuer
basicConstraints        = critical, CA:true, pathlen:0
keyUsage                = critical, digitalSignature, cRLSign, keyCertSign

[ v3_intermediate_ca ]
subjectKeyIdentifier    = hash
authorityKeyIdentifier  = keyid:always,issuer
basicConstraints        = critical, CA:true, pathlen:0
keyUsage                = critical, digitalSignature, cRLSign, keyCertSign

[ server_cert ]
subjectKeyIdentifier    = hash
authorityKeyIdentifier  = keyid,issuer
basicConstraints        = CA:FALSE
keyUsage                = critical, digitalSignature, keyEncipherment
extendedKeyUsage        = serverAuth
nsCertType              = server
nsComment               = "OpenSSL Generated Server Certificate"

[ usr_cert ]
subjectKeyIdentifier    = hash
authorityKeyIdentifier  = keyid,issuer
basicConstraints        = CA:FALSE
keyUsage                = critical, digitalSignature, keyEncipherment
extendedKeyUsage        = clientAuth, emailProtection
nsCertType              = client, email
nsComment               = "OpenSSL Generated Client Certificate"

[ crl_ext ]
authorityKeyIdentifier  = keyid:always

[ ocsp ]
basicConstraints        = CA:FALSE
keyUsage                = critical, digitalSignature
extendedKeyUsage        = critical, OCSPSigning
EOF
# Gerar a chave privada da CA intermediária
# adapted: (b) passphrase prompt answered with -passout pass:guide
openssl genrsa -aes256 -passout pass:guide -out intermediate/private/intermediate.key.pem 4096
chmod 400 intermediate/private/intermediate.key.pem

# Gerar o CSR da CA intermediária
# adapted: (a) subject prompt answered with -subj holding the defaults printed in the config (pressing Enter); (b) key passphrase via -passin pass:guide
openssl req -config intermediate/openssl.cnf -new -sha256 \
      -key intermediate/private/intermediate.key.pem \
      -out intermediate/csr/intermediate.csr.pem \
      -subj '/C=GB/ST=England/L=Cambridge/O=University of Cambridge/OU=Computer Laboratory/CN=TLS server CAMB/emailAddress=carlos.molina@cl.cam.ac.uk' -passin pass:guide

# adapted: (d) 'openssl ca' questions answered with -batch; (b) CA key passphrase via -passin pass:guide
openssl ca -config openssl.cnf -extensions v3_intermediate_ca \
      -days 3650 -notext -md sha256 \
      -in intermediate/csr/intermediate.csr.pem \
      -out intermediate/certs/intermediate.cert.pem \
      -batch -passin pass:guide
chmod 444 intermediate/certs/intermediate.cert.pem

cat intermediate/certs/intermediate.cert.pem \
      certs/ca.cert.pem > intermediate/certs/ca-chain.cert.pem
chmod 444 intermediate/certs/ca-chain.cert.pem

# Gerar a chave privada do servidor
# adapted: (b) passphrase prompt answered with -passout pass:guide
openssl genrsa -aes256 -passout pass:guide -out intermediate/private/server.key.pem 2048
chmod 400 intermediate/private/server.key.pem

# Criar o CSR do servidor
# adapted: (a) subject prompt answered with -subj holding the defaults printed in the config (pressing Enter); (b) key passphrase via -passin pass:guide
openssl req -config intermediate/openssl.cnf \
      -key intermediate/private/server.key.pem \
      -new -sha256 -out intermediate/csr/server.csr.pem \
      -subj '/C=GB/ST=England/L=Cambridge/O=University of Cambridge/OU=Computer Laboratory/CN=TLS server CAMB/emailAddress=carlos.molina@cl.cam.ac.uk' -passin pass:guide

# Assinar o certificado do servidor com a CA intermediária
# adapted: (d) 'openssl ca' questions answered with -batch; (b) CA key passphrase via -passin pass:guide
openssl ca -config intermediate/openssl.cnf -extensions server_cert \
      -days 375 -notext -md sha256 \
      -in intermediate/csr/server.csr.pem \
      -out intermediate/certs/server.cert.pem \
      -batch -passin pass:guide
chmod 444 intermediate/certs/server.cert.pem

# Criar a cadeia de certificados do servidor
cat intermediate/certs/server.cert.pem \
      intermediate/certs/ca-chain.cert.pem > intermediate/certs/server.chain.pem
chmod 444 intermediate/certs/server.chain.pem

# Gerar a chave privada do cliente
# adapted: (b) passphrase prompt answered with -passout pass:guide
openssl genrsa -aes256 -passout pass:guide -out intermediate/private/client.key.pem 2048
chmod 400 intermediate/private/client.key.pem

# Criar o CSR do cliente
# adapted: (a) subject prompt answered with -subj holding the defaults printed in the config (pressing Enter); (b) key passphrase via -passin pass:guide
openssl req -config intermediate/openssl.cnf \
      -key intermediate/private/client.key.pem \
      -new -sha256 -out intermediate/csr/client.csr.pem \
      -subj '/C=GB/ST=England/L=Cambridge/O=University of Cambridge/OU=Computer Laboratory/CN=TLS server CAMB/emailAddress=carlos.molina@cl.cam.ac.uk' -passin pass:guide

# Assinar o certificado do cliente com a CA intermediária
# adapted: (d) 'openssl ca' questions answered with -batch; (b) CA key passphrase via -passin pass:guide
openssl ca -config intermediate/openssl.cnf -extensions usr_cert \
      -days 375 -notext -md sha256 \
      -in intermediate/csr/client.csr.pem \
      -out intermediate/certs/client.cert.pem \
      -batch -passin pass:guide
chmod 444 intermediate/certs/client.cert.pem

# Criar a cadeia de certificados do cliente
cat intermediate/certs/client.cert.pem \
      intermediate/certs/ca-chain.cert.pem > intermediate/certs/client.chain.pem
chmod 444 intermediate/certs/client.chain.pem

# Verificar o certificado do servidor
openssl verify -CAfile intermediate/certs/ca-chain.cert.pem \
      intermediate/certs/server.cert.pem

# Verificar o certificado do cliente
openssl verify -CAfile intermediate/certs/ca-chain.cert.pem \
      intermediate/certs/client.cert.pem
