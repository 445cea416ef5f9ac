# A Python HTTPS client as people write it (urllib and the ssl module):
#   python3 client.py HOST PORT CAFILE CERT KEY VERSION
# CAFILE, CERT and KEY may be "" (the system's roots; no client
# certificate); VERSION is 1.2 or 1.3. It lets Python print its own error.
import socket
import ssl
import sys
import urllib.request

host, port, cafile, cert, key, version = sys.argv[1:7]
# HOST is the name asked for; the server is on this machine.
_getaddrinfo = socket.getaddrinfo
socket.getaddrinfo = lambda h, *a, **k: _getaddrinfo("127.0.0.1" if h == host else h, *a, **k)
ctx = ssl.create_default_context(cafile=cafile or None)
if cert:
    ctx.load_cert_chain(cert, key)
if version == "1.2":
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
else:
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
with urllib.request.urlopen(f"https://{host}:{port}/", context=ctx, timeout=5) as r:
    r.read()
print("no error")
