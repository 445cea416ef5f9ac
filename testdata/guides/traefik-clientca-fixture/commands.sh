# source: https://github.com/traefik/traefik/blob/master/integration/fixtures/https/clientca/README.md
# title: This is how the certs were created
# ca1.example.com
# adapted: (a) subject prompt answered with -subj from the answers the page shows; (b) passphrase prompt via -passout pass:guide (page says Password: traefik)
openssl req -new -newkey rsa:2048 -x509 -days 3650 -extensions v3_ca -keyout ca1.pem -out ca1.crt -subj '/CN=ca1.example.com' -passout pass:guide

# ca2.example.com
# adapted: (a) subject prompt answered with -subj from the answers the page shows; (b) passphrase prompt via -passout pass:guide (page says Password: traefik)
openssl req -new -newkey rsa:2048 -x509 -days 3650 -extensions v3_ca -keyout ca2.pem -out ca2.crt -subj '/CN=ca2.example.com' -passout pass:guide

# ca3.example.com
# adapted: (a) subject prompt answered with -subj from the answers the page shows; (b) passphrase prompt via -passout pass:guide (page says Password: traefik)
openssl req -new -newkey rsa:2048 -x509 -days 3650 -extensions v3_ca -keyout ca3.pem -out ca3.crt -subj '/CN=ca3.example.com' -passout pass:guide

# adapted: (b) passphrase prompt via -passin pass:guide
openssl rsa -in ca1.pem -out ca1.key -passin pass:guide
# adapted: (b) passphrase prompt via -passin pass:guide
openssl rsa -in ca2.pem -out ca2.key -passin pass:guide
# adapted: (b) passphrase prompt via -passin pass:guide
openssl rsa -in ca3.pem -out ca3.key -passin pass:guide
cat ca1.crt ca2.crt > ca1and2.crt
# omitted: rm ca1.pem ca2.pem ca3.pem (not an openssl/cat/echo/mkdir/touch/printf/chmod line)

openssl genrsa -out client1.key 2048
openssl genrsa -out client2.key 2048
openssl genrsa -out client3.key 2048

# adapted: (a) subject prompt answered with -subj from the answers the page shows (challenge password left empty)
openssl req -key client1.key -new -out client1.csr -subj '/CN=clien1.example.com'

# adapted: (a) subject prompt answered with -subj from the answers the page shows (challenge password left empty)
openssl req -key client2.key -new -out client2.csr -subj '/CN=client2.example.com'

# adapted: (a) subject prompt answered with -subj from the answers the page shows (challenge password left empty)
openssl req -key client3.key -new -out client3.csr -subj '/CN=client3.example.com'

openssl x509 -req -days 3650 -in client1.csr -CA ca1.crt -CAkey ca1.key -CAcreateserial -out client1.crt
openssl x509 -req -days 3650 -in client2.csr -CA ca2.crt -CAkey ca2.key -CAcreateserial -out client2.crt
openssl x509 -req -days 3650 -in client3.csr -CA ca3.crt -CAkey ca3.key -CAcreateserial -out client3.crt
