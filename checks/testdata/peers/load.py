# Python loading a certificate and key as a client or server does:
#   python3 load.py CERT KEY
import ssl
import sys

ssl.create_default_context().load_cert_chain(sys.argv[1], sys.argv[2])
