#!/usr/bin/env python3
"""Convert x509-limbo's limbo.json into the compact corpus mtlsdoctor tests.

Usage: convert.py LIMBO_JSON LIMBO_COMMIT BETTERTLS_COMMIT > corpus.json
Certificates and CRLs are stored once each (base64 DER) and cases refer to
them by index. Nothing is dropped: every testcase of limbo.json is kept.
"""
import base64, json, ssl, sys, time
from datetime import datetime, timezone

def main():
    src, commit, btls = sys.argv[1:4]
    limbo = json.load(open(src))
    der, index = [], {}
    # Cases without a validation time are checked at the conversion time:
    # limbo made their certificates valid around the time it compiled them.
    now = int(time.time())
    def ref(pem):
        b = ssl.PEM_cert_to_DER_cert(pem) if 'CERTIFICATE' in pem else base64.b64decode(
            ''.join(l for l in pem.strip().splitlines() if not l.startswith('-----')))
        k = base64.b64encode(b).decode()
        if k not in index:
            index[k] = len(der)
            der.append(k)
        return index[k]
    cases = []
    for tc in limbo['testcases']:
        vt = tc['validation_time']
        t = int(datetime.fromisoformat(vt.replace('Z', '+00:00')).timestamp()) if vt else now
        cases.append({
            'id': tc['id'],
            'time': t,
            'anchors': [ref(p) for p in tc['trusted_certs']],
            'chain': [ref(tc['peer_certificate'])] + [ref(p) for p in tc['untrusted_intermediates']],
            'crls': [ref(p) for p in tc.get('crls') or []],
            'limbo_expected': tc['expected_result'],
        })
        if tc.get('peer_certificate_key'):
            # The leaf's private key (a throwaway test key published with
            # the suite), so a real nginx can be shown the certificate.
            cases[-1]['key'] = tc['peer_certificate_key']
    json.dump({
        'source': 'https://github.com/C2SP/x509-limbo/blob/%s/limbo.json' % commit,
        'bettertls': 'https://github.com/Netflix/bettertls/tree/%s' % btls,
        'case_url': 'https://x509-limbo.com/testcases/ (anchor: the case id)',
        'converted': now,
        'license': 'Apache-2.0 (x509-limbo, BetterTLS)',
        'der': der,
        'cases': cases,
    }, sys.stdout, separators=(',', ':'))

main()
