# source: https://github.com/yanyanhu/scripts/blob/13ee9b47054b8348eec1091b62cd456ecc284aa2/proxy/apache/apache-client-cert-auth.md
# title: Client Certificate Based Authentication With Apache (copy of https://manintheit.org/security/ssl-client-certificate-authentication-with-apache/)
# adapted: (b) -des3 key passphrase prompt -> -passout pass:guide (inserted before the key size: genrsa takes numbits last)
openssl genrsa -des3 -out ca.key -passout pass:guide 4096
# adapted: (a) subject = issuer DN shown in the page's curl output "C=TR,L=Default City,O=BlueTech CA,OU=CA,CN=BlueTech CA" (b) ca.key passphrase -> -passin pass:guide
openssl req -new -x509 -days 365 -key ca.key -out ca.crt -subj '/C=TR/L=Default City/O=BlueTech CA/OU=CA/CN=BlueTech CA' -passin pass:guide
# adapted: (a) subject from the page's output "subject=/C=TR/L=Default City/O=Client Certificate/CN=Client Certificate"
openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj '/C=TR/L=Default City/O=Client Certificate/CN=Client Certificate'
# adapted: leading shell prompt "[root@centos7 certs]# " printed on the page dropped; (b) ca.key passphrase -> -passin pass:guide
openssl x509 -req -days 365 -in client.csr -CA ca.crt -CAkey ca.key -set_serial 01 -out client.crt -passin pass:guide
# adapted: (a) subject from the page's curl output "C=TR,L=Default City,O=Ankara LTD,CN=ankara.example.com"
openssl req -newkey rsa:2048 -nodes -keyout ankara.key -out ankara.csr -subj '/C=TR/L=Default City/O=Ankara LTD/CN=ankara.example.com'
# adapted: (b) ca.key passphrase -> -passin pass:guide
openssl x509 -req -days 365 -in ankara.csr -CA ca.crt -CAkey ca.key -set_serial 02 -out ankara.crt -passin pass:guide
# adapted: (b) export password -> -passout pass:guide
openssl pkcs12 -export -out ankara.pfx -inkey ankara.key -in ankara.crt -certfile ca.crt -passout pass:guide
