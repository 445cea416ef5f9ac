# source: https://github.com/candlepin/candlepin/blob/8b66b20439b04c2547e6983383230443d08f757c/server/client/ruby/test/certs/README.md
# title: candlepin/candlepin server/client/ruby/test/certs/README.md
# (the README's "$ " prompt prefixes are removed)

# Make a self-signed CA:
openssl genrsa -out test-ca.key 2048
openssl req -new -key test-ca.key -out test-ca.csr -subj "/C=US/CN=Test CA"
openssl x509 -req -days 11000 -in test-ca.csr -signkey test-ca.key -out test-ca.crt -extensions v3_ca

# Generate a server certificate signed by the CA:
openssl genrsa -out server.key 2048
openssl req -new -key server.key -out server.csr -subj "/C=US/CN=localhost"
openssl x509 -req -days 11000 -in server.csr -out server.crt -CA test-ca.crt -CAkey test-ca.key -CAcreateserial

# Generate a client certificate signed by the CA:
openssl genrsa -out client.key 2048
openssl req -new -key client.key -out client.csr -subj "/C=US/CN=Client Certificate"
openssl x509 -req -days 11000 -in client.csr -out client.crt -CA test-ca.crt -CAkey test-ca.key -CAcreateserial
