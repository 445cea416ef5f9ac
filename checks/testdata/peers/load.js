// node loading a certificate and key as a client or server does:
//   node load.js CERT KEY
const fs = require('fs');
const tls = require('tls');
tls.createSecureContext({cert: fs.readFileSync(process.argv[2]), key: fs.readFileSync(process.argv[3])});
