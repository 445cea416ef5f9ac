# source: https://gist.github.com/mtigas/952344
# title: Mini tutorial for configuring client-side SSL certificates.
# adapted: (b) -des3 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -des3 -out ca.key -passout pass:guide 4096
# adapted: (a) guide: "Organization & Common Name: Some human identifier for this server CA." (b) ca.key passphrase -> -passin pass:guide
openssl req -new -x509 -days 365 -key ca.key -out ca.crt -subj '/O=Example Server CA/CN=Example Server CA' -passin pass:guide
# adapted: (b) -des3 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -des3 -out client.key -passout pass:guide 4096
# adapted: (a) guide: "Organization & Common Name = Person name" (b) client.key passphrase -> -passin pass:guide
openssl req -new -key client.key -out client.csr -subj '/O=Jane Doe/CN=Jane Doe' -passin pass:guide
# self-signed
# adapted: (b) ca.key passphrase -> -passin pass:guide
openssl x509 -req -days 365 -in client.csr -CA ca.crt -CAkey ca.key -set_serial 01 -out client.crt -passin pass:guide
# adapted: (b) client.key passphrase -> -passin pass:guide; export password -> -passout pass:guide
openssl pkcs12 -export -clcerts -in client.crt -inkey client.key -out client.p12 -passin pass:guide -passout pass:guide
# adapted: (b) import password -> -passin pass:guide; PEM pass phrase -> -passout pass:guide
openssl pkcs12 -in client.p12 -out client.pem -clcerts -passin pass:guide -passout pass:guide
