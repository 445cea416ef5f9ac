# source: https://github.com/ubunt1404/OpenSSL/blob/d3af3a232c10095cd35958024a02c2a5879699ea/two_way_authentication/client/file.sh
# title: ubunt1404/OpenSSL two_way_authentication/client/file.sh
openssl genrsa -out ca.key 2048
# adapted: interactive subject prompt; the source suggests no subject, so the prompt defaults of the stock openssl.cnf (C=AU, ST=Some-State, O=Internet Widgits Pty Ltd) plus a CN are given, as policy_match of "openssl ca" requires C/ST/O to match
openssl req -new -x509 -days 30 -key ca.key -out ca.crt -subj '/C=AU/ST=Some-State/O=Internet Widgits Pty Ltd/CN=ca'
openssl genrsa -out client.key 2048
# adapted: interactive subject prompt; same prompt defaults as the CA plus CN=client
openssl req -new -key client.key -out client.csr -subj '/C=AU/ST=Some-State/O=Internet Widgits Pty Ltd/CN=client'

mkdir -p ./demoCA/newcerts          #当前路径下创建这两个文件夹
touch ./demoCA/index.txt            #创建index.txt文件
touch ./demoCA/serial               #创建serial文件
echo '01' > ./demoCA/serial         #在serial文件中写入“01”

openssl ca -in client.csr -out client.crt -cert ca.crt -keyfile ca.key
