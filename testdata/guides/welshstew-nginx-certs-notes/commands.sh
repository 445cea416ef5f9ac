# source: https://github.com/welshstew/simple-nginx-reverseproxy/blob/06a67a36f74a946afc469ce3052e0e7e72cd9e81/certs-notes.md
# title: welshstew/simple-nginx-reverseproxy certs-notes.md (first procedure, before the '--------' separator)
openssl genrsa -aes256 -passout pass:password -out ca.pass.key 4096
openssl rsa -passin pass:password -in ca.pass.key -out ca.key
# adapted: interactive subject prompt; the source suggests no CA subject, so a plain CA common name is given
openssl req -new -x509 -days 3650 -key ca.key -out ca.pem -subj '/CN=ca'

CLIENT_ID="01-alice"
CLIENT_SERIAL=01

openssl genrsa -aes256 -passout pass:password -out ${CLIENT_ID}.pass.key 4096
openssl rsa -passin pass:password -in ${CLIENT_ID}.pass.key -out ${CLIENT_ID}.key
# adapted: interactive subject prompt; the source says the Common Name is like a display name or login (client id 01-alice)
openssl req -new -key ${CLIENT_ID}.key -out ${CLIENT_ID}.csr -subj '/CN=alice'
openssl x509 -req -days 3650 -in ${CLIENT_ID}.csr -CA ca.pem -CAkey ca.key -set_serial ${CLIENT_SERIAL} -out ${CLIENT_ID}.pem

cat ${CLIENT_ID}.key ${CLIENT_ID}.pem ca.pem > ${CLIENT_ID}.full.pem

# adapted: export password prompt answered with -passout pass:guide
openssl pkcs12 -export -out ${CLIENT_ID}.full.pfx -inkey ${CLIENT_ID}.key -in ${CLIENT_ID}.pem -certfile ca.pem -passout pass:guide

# adapted: passphrase prompt answered with -passout pass:guide (placed before numbits)
openssl genrsa -des3 -out server.key -passout pass:guide 1024
# adapted: passphrase prompt (-passin pass:guide) and interactive subject prompt (-subj, server host name)
openssl req -new -key server.key -out server.csr -passin pass:guide -subj '/CN=localhost'

openssl x509 -req -days 365 -in server.csr -CA ca.pem -CAkey ca.key -set_serial 01 -out server.crt
