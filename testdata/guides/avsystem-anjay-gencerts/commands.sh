# source: https://github.com/AVSystem/Anjay/blob/704222249f5f4993b62d8fb49396ad34356b9a58/tools/generate-certs.sh
# title: AVSystem/Anjay tools/generate-certs.sh
# (left out: sourcing utils.sh, the CERTS_DIR/pushd/popd wrapper (the current directory plays CERTS_DIR),
#  the OpenSSL version probing, "export MSYS2_ARG_CONV_EXCL", and the keytool-only generate_java_keystores function.
#  Variable lines below are the script's own assignments: OPENSSL=openssl is its non-Homebrew branch,
#  ADDEXT_OPT is its OpenSSL >= 1.1.1 branch.)

TRUSTSTORE_PASSWORD=rootPass
KEYSTORE_PASSWORD=endPass
OPENSSL=openssl

echo "* generating self signed certs"
mkdir self-signed
cd self-signed

"$OPENSSL" ecparam -name prime256v1 -genkey -out server.key
"$OPENSSL" ecparam -name prime256v1 -genkey -out client.key

ADDEXT_OPT=(-addext 'subjectAltName = DNS:127.0.0.1,IP:127.0.0.1')
"$OPENSSL" req -batch -new -subj '/CN=127.0.0.1' "${ADDEXT_OPT[@]}" -key server.key -x509 -sha256 -days 9999 -out server.crt
"$OPENSSL" req -batch -new -subj '/CN=localhost' -key client.key -x509 -sha256 -days 9999 -out client.crt
"$OPENSSL" x509 -in server.crt -outform der > server.crt.der
"$OPENSSL" x509 -in client.crt -outform der > client.crt.der
"$OPENSSL" pkcs8 -topk8 -in client.key -inform pem -outform der -nocrypt > client.key.der
cd ..
echo "* generating self signed certs - done"

echo "* generating root cert"
"$OPENSSL" ecparam -name prime256v1 -genkey -out root.key
"$OPENSSL" req -batch -new -subj '/CN=root' -key root.key -x509 -sha256 -days 9999 -out root.crt
"$OPENSSL" x509 -in root.crt -outform der > root.crt.der
echo "* generating root cert - done"

echo "* generating client cert"
"$OPENSSL" ecparam -name prime256v1 -genkey -out client.key
"$OPENSSL" req -batch -new -subj '/CN=localhost' -key client.key -sha256 -out client.csr
"$OPENSSL" x509 -sha256 -req -in client.csr -CA root.crt -CAkey root.key -out client.crt -days 9999 -CAcreateserial
cat client.crt root.crt > client-and-root.crt
echo "* generating client cert - done"
"$OPENSSL" x509 -in client.crt -outform der > client.crt.der
"$OPENSSL" pkcs8 -topk8 -in client.key -inform pem -outform der \
    -passin "pass:$KEYSTORE_PASSWORD" -nocrypt > client.key.der

echo "* generating client2_ca cert"
"$OPENSSL" ecparam -name prime256v1 -genkey -out client2_ca.key
"$OPENSSL" req -batch -new -subj '/CN=intermediate' -key client2_ca.key -sha256 -out client2_ca.csr
"$OPENSSL" x509 -sha256 -req -in client2_ca.csr -CA root.crt -CAkey root.key -out client2_ca.crt -days 9999 -extfile <(echo 'basicConstraints = CA:TRUE') -CAcreateserial
cat client2_ca.crt root.crt > client2_ca-and-root.crt
echo "* generating client2_ca cert - done"
"$OPENSSL" x509 -in client2_ca.crt -outform der > client2_ca.crt.der

echo "* generating client2 cert"
"$OPENSSL" ecparam -name prime256v1 -genkey -out client2.key
"$OPENSSL" req -batch -new -subj '/CN=client2' -key client2.key -sha256 -out client2.csr
"$OPENSSL" x509 -sha256 -req -in client2.csr -CA client2_ca.crt -CAkey client2_ca.key -out client2.crt -days 9999 -CAcreateserial
cat client2.crt client2_ca.crt > client2-and-ca.crt
cat client2-and-ca.crt root.crt > client2-full-path.crt
echo "* generating client2 cert - done"
"$OPENSSL" x509 -in client2.crt -outform der > client2.crt.der
"$OPENSSL" pkcs8 -topk8 -in client2.key -inform pem -outform der \
    -passin "pass:$KEYSTORE_PASSWORD" -nocrypt > client2.key.der

echo "* generating server_ca cert"
"$OPENSSL" ecparam -name prime256v1 -genkey -out server_ca.key
"$OPENSSL" req -batch -new -subj '/CN=localhost' -key server_ca.key -sha256 -out server_ca.csr
"$OPENSSL" x509 -sha256 -req -in server_ca.csr -CA root.crt -CAkey root.key -out server_ca.crt -days 9999 -extfile <(echo 'basicConstraints = CA:TRUE') -CAcreateserial
cat server_ca.crt root.crt > server_ca-and-root.crt
echo "* generating server_ca cert - done"
"$OPENSSL" x509 -in server_ca.crt -outform der > server_ca.crt.der

echo "* generating server cert"
"$OPENSSL" ecparam -name prime256v1 -genkey -out server.key
"$OPENSSL" req -batch -new -subj '/CN=127.0.0.1' -key server.key -sha256 -out server.csr
"$OPENSSL" x509 -sha256 -req -in server.csr -CA server_ca.crt -CAkey server_ca.key -out server.crt -days 9999 -extfile <(echo 'subjectAltName = DNS:127.0.0.1,IP:127.0.0.1') -CAcreateserial
cat server.crt server_ca.crt > server-and-ca.crt
cat server-and-ca.crt root.crt > server-full-path.crt
echo "* generating server cert - done"
"$OPENSSL" x509 -in server.crt -outform der > server.crt.der
