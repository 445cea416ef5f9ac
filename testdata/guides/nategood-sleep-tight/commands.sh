# source: https://github.com/nategood/sleep-tight
# title: Why Client-Side Certificate Authentication? Why nginx? (nategood/sleep-tight README; also published as "Client Side Certificate Auth in Nginx")
# Create the CA Key and Certificate for signing Client Certs
# adapted: (b) -des3 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -des3 -out ca.key -passout pass:guide 4096
# adapted: (a) guide gives no CA subject; chosen in the style of its client DN example (b) ca.key passphrase -> -passin pass:guide
openssl req -new -x509 -days 365 -key ca.key -out ca.crt -subj '/C=US/ST=Florida/L=Orlando/O=CA NAME/CN=CA NAME' -passin pass:guide

# Create the Server Key, CSR, and Certificate
# adapted: (b) -des3 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -des3 -out server.key -passout pass:guide 1024
# adapted: (a) CN from the guide's server_name example.com (b) server.key passphrase -> -passin pass:guide
openssl req -new -key server.key -out server.csr -subj '/C=US/ST=Florida/L=Orlando/O=example.com/CN=example.com' -passin pass:guide

# We're self signing our own server cert here.  This is a no-no in production.
# adapted: (b) ca.key passphrase -> -passin pass:guide
openssl x509 -req -days 365 -in server.csr -CA ca.crt -CAkey ca.key -set_serial 01 -out server.crt -passin pass:guide

# Create the Client Key and CSR
# adapted: (b) -des3 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -des3 -out client.key -passout pass:guide 1024
# adapted: (a) subject from the guide's example DN "/C=US/ST=Florida/L=Orlando/O=CLIENT NAME/CN=CLIENT NAME" (b) client.key passphrase -> -passin pass:guide
openssl req -new -key client.key -out client.csr -subj '/C=US/ST=Florida/L=Orlando/O=CLIENT NAME/CN=CLIENT NAME' -passin pass:guide

# Sign the client certificate with our CA cert.  Unlike signing our own server cert, this is what we want to do.
# adapted: (b) ca.key passphrase -> -passin pass:guide
openssl x509 -req -days 365 -in client.csr -CA ca.crt -CAkey ca.key -set_serial 01 -out client.crt -passin pass:guide
