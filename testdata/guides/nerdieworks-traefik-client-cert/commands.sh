# source: https://github.com/Nerdieworks/nerdieworks.nl/blob/12726a0d21e54f2508e06b72926faa18293f0746/content/posts/client-certificate-authentication-with-traefik.md
# title: Client certificate authentication with Traefik
# adapted: (b) passphrase prompt via -passout pass:guide (placed before the key size)
openssl genrsa -des3 -passout pass:guide -out 'ca.key' 4096
# adapted: (a) the page shows no CA subject; -subj uses the page's ORGANIZATION/COUNTRY values (Example, NL) with CN 'Example CA'; (b) key passphrase via -passin pass:guide
openssl req -x509 -new -nodes -key 'ca.key' -sha384 -days 1825 -out 'ca.crt' -subj '/CN=Example CA/O=Example/C=NL' -passin pass:guide

export DOMAIN=example.com # Same as Host in IngressRoute's match
export ORGANIZATION=Example
export COUNTRY=NL

# adapted: (b) passphrase prompt via -passout pass:guide (placed before the key size)
openssl genrsa -des3 -passout pass:guide -out "$DOMAIN.key" 4096
# adapted: (b) key passphrase via -passin pass:guide
openssl req -new -key "$DOMAIN.key" -out "$DOMAIN.csr" -subj "/CN=$DOMAIN/O=$ORGANIZATION/C=$COUNTRY" -passin pass:guide

# Use ca.crt and ca.key from step 1
# adapted: (b) CA key passphrase via -passin pass:guide
openssl x509 -sha384 -req -CA 'ca.crt' -CAkey 'ca.key' -CAcreateserial -days 365 -in "$DOMAIN.csr" -out "$DOMAIN.crt" -passin pass:guide
# adapted: (b) key passphrase via -passin pass:guide, export password via -passout pass:guide
openssl pkcs12 -export -out "$DOMAIN.pfx" -inkey "$DOMAIN.key" -in "$DOMAIN.crt" -passin pass:guide -passout pass:guide
