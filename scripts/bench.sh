#!/usr/bin/env bash
# Runs the two speed benchmarks side by side with their reference commands
# and prints the ratios the issues bound:
#   certs on 10,000 ECDSA certificates  vs  openssl verify -CAfile   (<= 0.50)
#   certs on 20,000 ECDSA certificates  vs  certs on 10,000           (<= 2.2)
#   logs --format json on 256 MiB       vs  LC_ALL=C grep -c ...      (<= 2.0, peak RSS <= 64 MiB)
#   the same                            vs  LC_ALL=C grep -c SSL      (issue 10: <= 1.5)
set -euo pipefail
cd "$(dirname "$0")/.."
bt=${BENCHTIME:-5x}
certs=$(go test -run '^$' -bench 'BenchmarkCerts10k|BenchmarkCerts20k|BenchmarkOpenSSLVerify10k' -benchtime "$bt" -count 1 ./checks/)
logs=$(go test -run '^$' -bench 'BenchmarkLogs256M|BenchmarkGrep256M|BenchmarkGrepSSL256M' -benchtime "$bt" -count 1 ./cmd/mtlsdoctor/)
echo "$certs" | grep '^Benchmark'
echo "$logs" | grep '^Benchmark'
printf '%s\n%s\n' "$certs" "$logs" | awk '
  /^BenchmarkCerts10k/         { md = $3 }
  /^BenchmarkCerts20k/         { md20 = $3 }
  /^BenchmarkOpenSSLVerify10k/ { os = $3 }
  /^BenchmarkLogs256M/         { lg = $3; for (i = 1; i <= NF; i++) { if ($i == "peak-RSS-MiB") rss = $(i-1); if ($i == "cpu-s/op") lgc = $(i-1) } }
  /^BenchmarkGrep256M/         { gr = $3 }
  /^BenchmarkGrepSSL256M/      { gs = $3; for (i = 1; i <= NF; i++) if ($i == "cpu-s/op") gsc = $(i-1) }
  END {
    if (md == "" || md20 == "" || os == "" || lg == "" || gr == "") { print "benchmark lines missing"; exit 1 }
    printf "certs: mtlsdoctor %.3f s, openssl verify %.3f s, ratio %.2f (bound <= 0.50)\n", md/1e9, os/1e9, md/os
    printf "certs: 20,000 files %.3f s, 10,000 files %.3f s, ratio %.2f (bound <= 2.2)\n", md20/1e9, md/1e9, md20/md
    printf "logs:  mtlsdoctor %.3f s, grep -c %.3f s, ratio %.2f (bound <= 2.0), peak RSS %.1f MiB (bound <= 64)\n", lg/1e9, gr/1e9, lg/gr, rss
    if (gs != "") printf "logs:  mtlsdoctor %.3f s, grep -c SSL %.3f s, ratio %.2f (issue 10 bound <= 1.5)\n", lg/1e9, gs/1e9, lg/gs
    if (gsc > 0) printf "logs:  CPU time mtlsdoctor %.3f s, grep -c SSL %.3f s, ratio %.2f\n", lgc, gsc, lgc/gsc
    if (md/os > 0.5 || md20/md > 2.2 || lg/gr > 2.0 || rss > 64) exit 1
  }'
