#!/usr/bin/env bash
# Runs the certs benchmark side by side with `openssl verify` on the same
# 10,000 ECDSA client certificates and prints the ratio the issue bounds
# (mtlsdoctor must take at most half of openssl's time).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(go test -run '^$' -bench 'BenchmarkCerts10k|BenchmarkOpenSSLVerify10k' -benchtime "${BENCHTIME:-5x}" -count 1 ./checks/)
echo "$out"
echo "$out" | awk '
  /^BenchmarkCerts10k/         { md = $3 }
  /^BenchmarkOpenSSLVerify10k/ { os = $3 }
  END {
    if (md == "" || os == "") { print "benchmark lines missing"; exit 1 }
    printf "mtlsdoctor certs: %.3f s   openssl verify: %.3f s   ratio: %.2f (bound: <= 0.50)\n", md/1e9, os/1e9, md/os
    if (md/os > 0.5) exit 1
  }'
