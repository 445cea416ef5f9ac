// A Node.js HTTPS server that asks for client certificates and logs each
// failed handshake (the tlsClientError event) with console.error:
//   node server.js CERT KEY CLIENTCA CRL
// CLIENTCA and CRL may be "". It prints "listening on 127.0.0.1:PORT".
const fs = require('fs');
const https = require('https');
const [cert, key, clientca, crl] = process.argv.slice(2);
const opts = {cert: fs.readFileSync(cert), key: fs.readFileSync(key), minVersion: 'TLSv1.2'};
if (clientca) { opts.ca = fs.readFileSync(clientca); opts.requestCert = true; opts.rejectUnauthorized = true; }
if (crl) opts.crl = fs.readFileSync(crl);
const server = https.createServer(opts, (req, res) => res.end('ok\n'));
server.on('tlsClientError', err => console.error(err));
server.listen(0, '127.0.0.1', () => console.log('listening on 127.0.0.1:' + server.address().port));
