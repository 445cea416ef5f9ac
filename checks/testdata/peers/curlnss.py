# curl built on NSS (Debian's libcurl3-nss, as RHEL and CentOS 7 ship
# curl), driven through libcurl's C API as a program linking it does, and
# printing its failure as the curl command does ("curl: (60) ..."):
#   python3 curlnss.py HOST PORT CAFILE CERT KEY VERSION
# CAFILE, CERT and KEY may be "" (the system's roots; no client
# certificate); VERSION is 1.2 or 1.3.
import ctypes
import ctypes.util
import sys

host, port, cafile, cert, key, version = sys.argv[1:7]
lib = ctypes.CDLL("libcurl-nss.so.4")
lib.curl_easy_init.restype = ctypes.c_void_p
lib.curl_easy_setopt.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
lib.curl_easy_perform.argtypes = [ctypes.c_void_p]
lib.curl_easy_strerror.restype = ctypes.c_char_p
lib.curl_slist_append.restype = ctypes.c_void_p
lib.curl_slist_append.argtypes = [ctypes.c_void_p, ctypes.c_char_p]

CURLOPT_URL, CURLOPT_ERRORBUFFER, CURLOPT_CAINFO = 10002, 10010, 10065
CURLOPT_SSLCERT, CURLOPT_SSLKEY, CURLOPT_RESOLVE = 10025, 10087, 10203
CURLOPT_TIMEOUT, CURLOPT_SSLVERSION, CURLOPT_WRITEFUNCTION = 13, 32, 20011
CURL_SSLVERSION_TLSv1_2, CURL_SSLVERSION_TLSv1_3 = 6, 7
CURL_SSLVERSION_MAX_TLSv1_2 = 6 << 16

h = lib.curl_easy_init()
keep = []


def opt(o, v):
    if isinstance(v, str):
        v = ctypes.c_char_p(v.encode())
        keep.append(v)
    elif isinstance(v, int):
        v = ctypes.c_void_p(v)
    lib.curl_easy_setopt(h, o, v)


errbuf = ctypes.create_string_buffer(256)
lib.curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf)
opt(CURLOPT_URL, f"https://{host}:{port}/")
resolve = lib.curl_slist_append(None, f"{host}:{port}:127.0.0.1".encode())
lib.curl_easy_setopt(h, CURLOPT_RESOLVE, ctypes.c_void_p(resolve))
opt(CURLOPT_TIMEOUT, 5)
if cafile:
    opt(CURLOPT_CAINFO, cafile)
if cert:
    opt(CURLOPT_SSLCERT, cert)
    opt(CURLOPT_SSLKEY, key)
if version == "1.2":
    opt(CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_2)
else:
    opt(CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_3)
# Throw the body away, as curl -o /dev/null does.
WRITE = ctypes.CFUNCTYPE(ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_void_p)
sink = WRITE(lambda p, s, n, u: s * n)
lib.curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, ctypes.cast(sink, ctypes.c_void_p))
rc = lib.curl_easy_perform(h)
if rc:
    msg = errbuf.value.decode() or lib.curl_easy_strerror(rc).decode()
    print(f"curl: ({rc}) {msg}")
    sys.exit(rc)
print("no error")
