#!/usr/bin/env python3
"""Compile limbo.json from the x509-limbo sources in the current directory.

Like `python -m limbo compile`, without the online refresh and the
harness dependencies; small shims let it run with newer cryptography
releases (abstract __deepcopy__) and without pyOpenSSL/certifi."""
import sys
sys.path.insert(0, '.')
import types
try:
    import certifi
except ImportError:
    sys.modules['certifi'] = types.SimpleNamespace(where=lambda: '')
sys.modules.setdefault('OpenSSL', types.SimpleNamespace(SSL=None))
_out = sys.stdout; sys.stdout = sys.stderr
from limbo import testcases
from limbo.testcases import invalid
invalid.MalformedRSAPrivateKey.__deepcopy__ = lambda self, memo: self
invalid.MalformedRSAPrivateKey.__abstractmethods__ = frozenset()
invalid.MalformedRSAPublicKey.__deepcopy__ = lambda self, memo: self
invalid.MalformedRSAPublicKey.__abstractmethods__ = frozenset()
from limbo.testcases import bettertls
from limbo.models import Limbo
bettertls.register_testcases()
try:
    from limbo.testcases import online
    online.register_testcases()
except Exception as e:
    print("online skipped:", e, file=sys.stderr)
all_testcases = []
for name, t in testcases.registry.items():
    try:
        all_testcases.append(t())
    except Exception as e:
        print("skipped", name, type(e).__name__, e, file=sys.stderr)
sys.stdout = sys.__stdout__
print(Limbo(version=1, testcases=all_testcases).model_dump_json(indent=2))
