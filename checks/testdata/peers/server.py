# A Python TLS server that asks for client certificates and prints each
# failed handshake as Python reports it (the traceback):
#   python3 server.py CERT KEY CLIENTCA CRL
# CLIENTCA and CRL may be "". It prints "listening on 127.0.0.1:PORT".
import socket
import ssl
import sys
import traceback

cert, key, clientca, crl = sys.argv[1:5]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
if clientca:
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(clientca)
if crl:
    ctx.load_verify_locations(crl)
    ctx.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
sock = socket.socket()
sock.bind(("127.0.0.1", 0))
sock.listen(16)
print("listening on 127.0.0.1:%d" % sock.getsockname()[1], flush=True)
while True:
    conn, addr = sock.accept()
    conn.settimeout(5)
    try:
        tls = ctx.wrap_socket(conn, server_side=True)
        tls.recv(4096)
        tls.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n")
        tls.close()
    except Exception:
        traceback.print_exc()
        sys.stderr.flush()
        conn.close()
