# source: https://fardog.io/blog/2017/12/30/client-side-certificate-authentication-with-nginx/
# title: Client-Side Certificate Authentication with nginx
# adapted: (b) -des3 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -des3 -out ca.key -passout pass:guide 4096
# sign a certificate for 365 days; replace that number with whatever's
# suitable for your application
# adapted: (a) guide: enter Country, State, Locality, Organization; "Do not enter a common name (CN)"; email omitted (b) ca.key passphrase -> -passin pass:guide
openssl req -new -x509 -days 365 -key ca.key -out ca.crt -subj '/C=US/ST=Oregon/L=Portland/O=Example' -passin pass:guide
openssl x509 -in ca.crt -noout -text
# adapted: (b) -des3 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -des3 -out user.key -passout pass:guide 4096
# adapted: (a) guide: "answer each one, including the Common Name (CN) and email address" (b) user.key passphrase -> -passin pass:guide
openssl req -new -key user.key -out user.csr -subj '/C=US/ST=Oregon/L=Portland/O=Example/CN=user/emailAddress=user@example.com' -passin pass:guide
# sign the csr to a certificate valid for 365 days
# adapted: (b) ca.key passphrase -> -passin pass:guide
openssl x509 -req -days 365 -in user.csr -CA ca.crt -CAkey ca.key -set_serial 01 -out user.crt -passin pass:guide
# adapted: (b) user.key passphrase -> -passin pass:guide; export password -> -passout pass:guide
openssl pkcs12 -export -out user.pfx -inkey user.key -in user.crt -certfile ca.crt -passin pass:guide -passout pass:guide
