# source: https://github.com/namikingsoft/sample-terraform-docker-swarm-over-tls/blob/7b5e3b82d47c19da87802411c84bc61d3755589b/provision/tlsgen-base.sh
# title: namikingsoft/sample-terraform-docker-swarm-over-tls provision/tlsgen-base.sh
# (the script's "rm -rf * && true" inside keys/ is left out: not an openssl/cat/echo/mkdir/touch/printf command)

# workdir
mkdir keys && true
cd keys

# ca cert
openssl genrsa -out ca-key.pem 4096
openssl req -subj "/CN=server" -new -x509 -days 365 -key ca-key.pem -out ca.pem

# extfile
echo "extendedKeyUsage = clientAuth" >> extfile-client.cnf

# client cert
openssl genrsa -out key.pem 4096
openssl req -subj '/CN=ca' -new -key key.pem -out client.csr
openssl x509 -req -days 365 -sha256 -in client.csr -out cert.pem \
  -CA ca.pem -CAkey ca-key.pem -CAcreateserial -extfile extfile-client.cnf
