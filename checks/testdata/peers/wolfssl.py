# A TLS client on wolfSSL (Debian's libwolfssl35), driven through its C
# API as a program linking it does, printing its failure as wolfSSL's
# examples and the programs built on them do:
#   wolfSSL_connect error -188, certificate verify failed
#   python3 wolfssl.py HOST PORT CAFILE CERT KEY VERSION
# CAFILE, CERT and KEY may be "" (no CA: nothing is trusted; no client
# certificate); VERSION is 1.2 or 1.3.
import ctypes
import socket
import struct
import sys

host, port, cafile, cert, key, version = sys.argv[1:7]
lib = ctypes.CDLL("libwolfssl.so.35")
for name in ("wolfTLSv1_2_client_method", "wolfTLSv1_3_client_method", "wolfSSL_CTX_new", "wolfSSL_new"):
    getattr(lib, name).restype = ctypes.c_void_p
lib.wolfSSL_CTX_new.argtypes = [ctypes.c_void_p]
lib.wolfSSL_new.argtypes = [ctypes.c_void_p]
for name in ("wolfSSL_CTX_load_verify_locations", "wolfSSL_CTX_use_certificate_chain_file"):
    getattr(lib, name).argtypes = [ctypes.c_void_p, ctypes.c_char_p] + ([ctypes.c_char_p] if "verify" in name else [])
lib.wolfSSL_CTX_use_PrivateKey_file.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
lib.wolfSSL_CTX_set_verify.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
lib.wolfSSL_set_fd.argtypes = [ctypes.c_void_p, ctypes.c_int]
lib.wolfSSL_UseSNI.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_char_p, ctypes.c_ushort]
lib.wolfSSL_check_domain_name.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
lib.wolfSSL_connect.argtypes = [ctypes.c_void_p]
lib.wolfSSL_get_error.argtypes = [ctypes.c_void_p, ctypes.c_int]
lib.wolfSSL_write.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
lib.wolfSSL_read.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
lib.wolfSSL_ERR_reason_error_string.restype = ctypes.c_char_p
lib.wolfSSL_ERR_reason_error_string.argtypes = [ctypes.c_ulong]

SSL_FILETYPE_PEM = 1
WOLFSSL_VERIFY_PEER = 1
lib.wolfSSL_Init()
method = lib.wolfTLSv1_3_client_method() if version == "1.3" else lib.wolfTLSv1_2_client_method()
ctx = lib.wolfSSL_CTX_new(method)
if cafile and lib.wolfSSL_CTX_load_verify_locations(ctx, cafile.encode(), None) != 1:
    sys.exit(f"wolfSSL_CTX_load_verify_locations failed for {cafile}")
lib.wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER, None)
if cert:
    if lib.wolfSSL_CTX_use_certificate_chain_file(ctx, cert.encode()) != 1:
        sys.exit(f"wolfSSL_CTX_use_certificate_chain_file failed for {cert}")
    if lib.wolfSSL_CTX_use_PrivateKey_file(ctx, key.encode(), SSL_FILETYPE_PEM) != 1:
        sys.exit(f"wolfSSL_CTX_use_PrivateKey_file failed for {key}")
sock = socket.create_connection(("127.0.0.1", int(port)), timeout=5)
# wolfSSL reads the descriptor itself: blocking, with the time bound in
# the kernel.
sock.setblocking(True)
bound = struct.pack("ll", 5, 0)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, bound)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, bound)
ssl = lib.wolfSSL_new(ctx)
lib.wolfSSL_set_fd(ssl, sock.fileno())
lib.wolfSSL_UseSNI(ssl, 0, host.encode(), len(host))
lib.wolfSSL_check_domain_name(ssl, host.encode())


def fail(call, ret):
    err = lib.wolfSSL_get_error(ssl, ret)
    reason = lib.wolfSSL_ERR_reason_error_string(ctypes.c_ulong(err & 0xFFFFFFFF)).decode()
    print(f"{call} error {err}, {reason}")
    sys.exit(1)


ret = lib.wolfSSL_connect(ssl)
if ret != 1:
    fail("wolfSSL_connect", ret)
req = f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
ret = lib.wolfSSL_write(ssl, req, len(req))
if ret <= 0:
    fail("wolfSSL_write", ret)
buf = ctypes.create_string_buffer(4096)
ret = lib.wolfSSL_read(ssl, buf, 4096)
if ret <= 0:
    fail("wolfSSL_read", ret)
print("no error")
