# source: https://viktorbarzin.me/blog/13-client-side-certificate-authentication-with-nginx/
# title: 13 Client Side Certificate Authentication With Nginx
# adapted: (b) -aes256 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -aes256 -out ca.key -passout pass:guide 4096
# sign the certificate for the appropriate time
# 365 days suites my environment
# adapted: (a) guide (quoting fardog): note Country, State, Locality, Organization; "Do not enter a common name (CN)" (b) ca.key passphrase -> -passin pass:guide
openssl req -new -x509 -days 365 -key ca.key -out ca.crt -subj '/C=BG/ST=Sofia/L=Sofia/O=Example' -passin pass:guide
openssl x509 -in ca.crt -noout -text
# adapted: (b) -aes256 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -aes256 -out user.key -passout pass:guide 4096
# adapted: (a) guide: "The answers to the questions should match the CA file" + "Make sure you put Common Name on the CSR" (name of device/user) (b) user.key passphrase -> -passin pass:guide
openssl req -new -key user.key -out user.csr -subj '/C=BG/ST=Sofia/L=Sofia/O=Example/CN=my-laptop' -passin pass:guide
# sign the csr to a certificate with validity of 365 days
# adapted: (b) ca.key passphrase -> -passin pass:guide
openssl x509 -req -days 365 -in user.csr -CA ca.crt -CAkey ca.key -set_serial 01 -out user.crt -passin pass:guide
# adapted: (b) user.key passphrase -> -passin pass:guide; export password -> -passout pass:guide
openssl pkcs12 -export -out user.pfx -inkey user.key -in user.crt -certfile ca.crt -passin pass:guide -passout pass:guide
