# source: https://github.com/kubernetes/ingress-nginx/blob/main/docs/examples/auth/client-certs/README.md
# title: Client Certificate Authentication (ingress-nginx docs, examples/auth/client-certs; also at https://kubernetes.github.io/ingress-nginx/examples/auth/client-certs/)
openssl req -x509 -sha256 -newkey rsa:4096 -keyout ca-key.der -out ca-cert.der -days 356 -nodes -subj '/CN=My Cert Authority'
openssl req -new -newkey rsa:4096 -keyout server-key.der -out server.csr -nodes -subj '/CN=mydomain.com'
openssl x509 -req -sha256 -days 365 -in server.csr -CA ca-cert.der -CAkey ca-key.der -set_serial 01 -out server-cert.der
openssl req -new -newkey rsa:4096 -keyout client-key.der -out client.csr -nodes -subj '/CN=My Client'
openssl x509 -req -sha256 -days 365 -in client.csr -CA ca-cert.der -CAkey ca-key.der -set_serial 02 -out client-cert.der
# left out: the page's conversion example names a placeholder file (certificate.der) that no command makes:
# openssl x509 -in certificate.der -inform der -out certificate.crt -outform pem
