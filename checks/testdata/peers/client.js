// A Node.js HTTPS client as people write it (https.get):
//   node client.js HOST PORT CAFILE CERT KEY VERSION
// CAFILE, CERT and KEY may be "" (Node's roots; no client certificate);
// VERSION is 1.2 or 1.3. An error is thrown, so Node prints it its way.
const fs = require('fs');
const https = require('https');
const [host, port, cafile, cert, key, version] = process.argv.slice(2);
const opts = {host: '127.0.0.1', servername: host, port: Number(port), path: '/',
  headers: {host: host}, timeout: 5000,
  minVersion: version === '1.2' ? 'TLSv1.2' : 'TLSv1.3', maxVersion: version === '1.2' ? 'TLSv1.2' : 'TLSv1.3'};
if (cafile) opts.ca = fs.readFileSync(cafile);
if (cert) { opts.cert = fs.readFileSync(cert); opts.key = fs.readFileSync(key); }
https.get(opts, res => {
  res.resume();
  res.on('end', () => console.log('no error'));
}).on('error', err => { throw err; });
