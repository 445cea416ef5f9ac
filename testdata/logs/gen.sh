#!/usr/bin/env bash
# gen.sh [OUTDIR]: make the nginx log fixtures of testdata/logs with a real nginx.
#
# Starts a private nginx (its own prefix in a mktemp directory, 127.0.0.1 only,
# free ports, `daemon off; master_process off;`), sends a fixed list of requests
# with curl, makes two reloads fail with kill -HUP, stops nginx and copies its
# logs to
#   OUTDIR/info/     error_log ... info;  access.log, access_ssl.log, access.json
#   OUTDIR/default/  error_log ...;       access.log   (verify errors hidden)
# It writes OUTDIR/expected.json from what it SENT (the expectation is written
# next to each request below; the logs are never read back to make it) and the
# bad-input files of OUTDIR/bad/ plus OUTDIR/info/error.log.1.gz.
#
# Needs bash >= 4.4, coreutils, gzip, nginx (looked for in PATH and /usr/sbin),
# openssl and curl built with OpenSSL. Runs as root or not. Every wait is
# bounded, curl runs with --max-time 5, and nginx is stopped on every exit path.
# Network traffic goes only to 127.0.0.1 (clients bind 127.0.0.1 or 127.0.0.2).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here}
certs=$(cd "$here/../certs" && pwd)

die() { printf 'gen.sh: %s\n' "$*" >&2; exit 1; }

find_tool() { # NAME DIR...: print the path of NAME (PATH first, then the dirs)
	local name=$1 d p
	shift
	if p=$(command -v "$name" 2>/dev/null) && [[ -x $p ]]; then
		printf '%s\n' "$p"
		return
	fi
	for d in "$@"; do
		if [[ -x $d/$name && ! -d $d/$name ]]; then
			printf '%s\n' "$d/$name"
			return
		fi
	done
	return 1
}
NGINX=$(find_tool nginx /usr/sbin /sbin /usr/local/sbin /usr/local/nginx/sbin) ||
	die "nginx not found (PATH, /usr/sbin, /sbin): apt-get install nginx-light (or nginx)"
OPENSSL=$(find_tool openssl /usr/bin /usr/local/bin) || die "openssl not found: apt-get install openssl"
CURL=$(find_tool curl /usr/bin /usr/local/bin) || die "curl not found: apt-get install curl"
command -v gzip >/dev/null || die "gzip not found"
"$CURL" -V | grep -q 'OpenSSL/' || die "curl is not built with OpenSSL (it must honour OPENSSL_CONF)"
((BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 4))) || die "needs bash >= 4.4"

start_time=$(date +%s.%N)
work=$(mktemp -d "${TMPDIR:-/tmp}/mtlsdoctor-logs.XXXXXX")
[[ $work != *[\"\'\;\{\}\$\\[:space:]]* ]] || die "temporary directory $work has characters nginx.conf cannot quote"
nginx_pid=

# stop_nginx: SIGQUIT (graceful), then SIGKILL after 5 s; always reaps.
stop_nginx() {
	[[ -n $nginx_pid ]] || return 0
	local i
	if kill -0 "$nginx_pid" 2>/dev/null; then
		kill -QUIT "$nginx_pid" 2>/dev/null || true
		for ((i = 0; i < 50; i++)); do
			kill -0 "$nginx_pid" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$nginx_pid" 2>/dev/null; then
			echo "gen.sh: nginx $nginx_pid ignored SIGQUIT for 5 s; killing it" >&2
			kill -KILL "$nginx_pid" 2>/dev/null || true
		fi
	fi
	wait "$nginx_pid" 2>/dev/null || true
	nginx_pid=
}
cleanup() {
	local rc=$?
	stop_nginx
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# Tie nginx's life to this script where util-linux setpriv can (a SIGKILLed
# gen.sh then takes nginx with it); the EXIT trap covers the normal paths.
deathsig=()
if command -v setpriv >/dev/null && setpriv --pdeathsig KILL true 2>/dev/null; then
	deathsig=(setpriv --pdeathsig KILL)
fi
# nginx >= 1.19.5 has -e (start-up error log); Debian builds default to stderr
# anyway, other builds would try /var/log/nginx/error.log before the config.
nginx_e=()
if "$NGINX" -h 2>&1 | grep -q -- '-e filename'; then
	nginx_e=(-e stderr)
fi

nginx_version=$("$NGINX" -v 2>&1 | sed -n 's/^nginx version: //p')
[[ -n $nginx_version ]] || die "cannot read the nginx version from: $NGINX -v"
nginx_openssl=$("$NGINX" -V 2>&1 | sed -n 's/^built with //p')
openssl_version=$("$OPENSSL" version)
curl_version=$("$CURL" -V | head -n 1 | cut -d' ' -f1-2)

# ---------------------------------------------------------------------------
# Files nginx and curl read. Copied into the prefix so that the paths nginx
# logs do not depend on where the repository is checked out.
P=$work/nginx
mkdir -p "$P/logs" "$P/tmp" "$P/ssl"
cp "$certs/good/server.crt" "$P/ssl/server.crt"
cp "$certs/good/server.key" "$P/ssl/server.key"
# The CA file of the verifying server: the roots of good, weak, samedn and
# validity. Not the foreign CA of untrusted/ (that is the point of it).
cat "$certs/good/ca.crt" "$certs/weak/ca.crt" "$certs/samedn/ca.crt" "$certs/validity/ca.crt" >"$P/ssl/client-ca.pem"
cp "$certs/revoked/ca.crt" "$P/ssl/revoked-ca.pem"
cp "$certs/revoked/crl.pem" "$P/ssl/revoked-crl.pem"
# For the failing reloads.
cp "$certs/encrypted/client-pkcs8.crt" "$P/ssl/encrypted.crt"
cp "$certs/encrypted/client-pkcs8.key" "$P/ssl/encrypted.key" # passphrase test-pass
printf 'wrong-passphrase\n' >"$P/ssl/wrong-password.txt"
cp "$certs/mismatch/server.crt" "$P/ssl/mismatch.crt"
cp "$certs/mismatch/server.key" "$P/ssl/mismatch.key" # the key of another key pair
chmod 600 "$P"/ssl/*.key

# curl loads and sends certificates below Debian's security level 2 (SHA-1)
# and offers TLS 1.0 only with SECLEVEL=0 in the *system default* section;
# --ciphers comes too late for the certificate. nginx keeps the system config.
cat >"$work/curl-openssl.cnf" <<'EOF'
openssl_conf = openssl_init

[openssl_init]
ssl_conf = ssl_sect

[ssl_sect]
system_default = system_default_sect

[system_default_sect]
CipherString = DEFAULT:@SECLEVEL=0
EOF

# ---------------------------------------------------------------------------
# nginx.conf. VARIANT: ok | badpass | mismatch (the last two only for reloads).
render_conf() { # LEVEL VARIANT
	local level=$1 variant=$2 errlog access_logs cert key pwfile=
	if [[ $level == default ]]; then
		errlog="error_log \"$P/logs/error.log\";"
		access_logs="    access_log \"$P/logs/access.log\";"
	else
		errlog="error_log \"$P/logs/error.log\" $level;"
		access_logs="    access_log \"$P/logs/access.log\";
    access_log \"$P/logs/access_ssl.log\" combined_ssl;
    access_log \"$P/logs/access.json\" json;"
	fi
	case $variant in
	ok) cert=$P/ssl/server.crt key=$P/ssl/server.key ;;
	badpass)
		cert=$P/ssl/encrypted.crt key=$P/ssl/encrypted.key
		pwfile="        ssl_password_file \"$P/ssl/wrong-password.txt\";"
		;;
	mismatch) cert=$P/ssl/mismatch.crt key=$P/ssl/mismatch.key ;;
	*) die "render_conf: variant $variant" ;;
	esac
	cat <<EOF
daemon off;
master_process off;
worker_processes 1;
pid "$P/nginx.pid";
lock_file "$P/nginx.lock";
$errlog

events {
    worker_connections 64;
}

http {
    server_tokens on;
    client_body_temp_path "$P/tmp/client_body";
    proxy_temp_path "$P/tmp/proxy";
    fastcgi_temp_path "$P/tmp/fastcgi";
    uwsgi_temp_path "$P/tmp/uwsgi";
    scgi_temp_path "$P/tmp/scgi";

    log_format combined_ssl '\$remote_addr - \$remote_user [\$time_local] '
                            '"\$request" \$status \$body_bytes_sent '
                            '"\$http_referer" "\$http_user_agent" '
                            '"\$ssl_client_verify" "\$ssl_protocol"';
    log_format json escape=json '{"time":"\$time_iso8601","remote_addr":"\$remote_addr","request":"\$request","status":\$status,"body_bytes_sent":\$body_bytes_sent,"ssl_client_verify":"\$ssl_client_verify","ssl_protocol":"\$ssl_protocol"}';

    # mTLS server: verifies client certificates against four roots.
    server {
        listen 127.0.0.1:$port_mtls ssl;
        server_name localhost;
$access_logs
        ssl_certificate "$cert";
        ssl_certificate_key "$key";
$pwfile
        ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
        ssl_client_certificate "$P/ssl/client-ca.pem";
        ssl_verify_client on;
        location / {
            return 200 "ok\n";
        }
    }

    # CRL server: the revoked set's root and its CRL; TLS 1.2 and 1.3 only.
    server {
        listen 127.0.0.1:$port_crl ssl;
        server_name revoked.localhost;
$access_logs
        ssl_certificate "$P/ssl/server.crt";
        ssl_certificate_key "$P/ssl/server.key";
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_client_certificate "$P/ssl/revoked-ca.pem";
        ssl_crl "$P/ssl/revoked-crl.pem";
        ssl_verify_client on;
        location / {
            return 200 "ok\n";
        }
    }
}
EOF
}

port_busy() { # PORT: is something listening on 127.0.0.1:PORT?
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
pick_port() {
	local p i
	for ((i = 0; i < 50; i++)); do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		[[ $p != "${port_mtls:-}" ]] || continue
		port_busy "$p" || { printf '%s\n' "$p"; return; }
	done
	die "no free port found on 127.0.0.1"
}

start_nginx() { # LEVEL
	local level=$1 attempt i
	for ((attempt = 1; attempt <= 5; attempt++)); do
		port_mtls= port_crl=
		port_mtls=$(pick_port)
		port_crl=$(pick_port)
		rm -f "$P"/logs/* "$P/nginx.pid"
		render_conf "$level" ok >"$P/nginx.conf"
		env -u OPENSSL_CONF "${deathsig[@]}" "$NGINX" "${nginx_e[@]}" -p "$P/" -c "$P/nginx.conf" \
			</dev/null >"$work/stderr.log" 2>&1 &
		nginx_pid=$!
		# The pid file is written after the listening sockets are bound.
		for ((i = 0; i < 100; i++)); do
			kill -0 "$nginx_pid" 2>/dev/null || break
			[[ -s $P/nginx.pid ]] && return 0
			sleep 0.05
		done
		if kill -0 "$nginx_pid" 2>/dev/null; then
			stop_nginx
			die "nginx did not write its pid file within 5 s: $(cat "$work/stderr.log")"
		fi
		wait "$nginx_pid" 2>/dev/null || true
		nginx_pid=
		grep -q 'Address already in use' "$work/stderr.log" || die "nginx did not start:
$(cat "$work/stderr.log")
--- nginx.conf ---
$(cat "$P/nginx.conf")"
	done
	die "nginx: no free port pair after 5 attempts"
}

# ---------------------------------------------------------------------------
# Expectations. Each run fills these; run_json prints them.
declare -A err_count acc_count clients acc_clients verify_count proto_count
declare -a err_keys acc_keys verify_keys proto_keys
declare -A body_size # status-495 etc. -> bytes, checked equal across both runs
n_http=0 n_handshake=0 n_hidden=0

bump() { # MAPNAME ORDERNAME KEY
	local -n m=$1 o=$2
	[[ -n ${m[$3]+x} ]] || { o+=("$3"); m[$3]=0; }
	m[$3]=$((m[$3] + 1))
}
expect_error_line() { # LEVEL GROUP SRC: nginx writes one error-log line at LEVEL
	local lvl=$1 group=$2 src=$3
	# nginx's default error_log level is error: info lines are not written.
	[[ $run_level == info || $lvl != info ]] || return 0
	bump err_count err_keys "$group"
	[[ -z $src ]] || { [[ -n ${clients[$group|$src]+x} ]] || clients[$group|$src]=0; clients[$group|$src]=$((clients[$group|$src] + 1)); }
}

base_args() { # SRC: set the array base to the common curl arguments
	base=(-q -sS --noproxy '*' --max-time 5 --interface "$1" -o /dev/null)
}

# https_req SRC PORT PATH WANT_HTTP ACCESSKEY CLIENT_VERIFY PROTO GROUP [curl args...]
# One HTTPS request that gets an HTTP response. GROUP '' = no error-log line.
https_req() {
	local src=$1 port=$2 path=$3 want=$4 acckey=$5 verify=$6 proto=$7 group=$8 res code size rc=0 base
	shift 8
	base_args "$src"
	res=$(OPENSSL_CONF=$work/curl-openssl.cnf "$CURL" "${base[@]}" -w '%{http_code} %{size_download}' \
		--insecure "$@" "https://127.0.0.1:$port$path" 2>"$work/curl.err") || rc=$?
	code=${res% *} size=${res#* }
	[[ $code == "$want" ]] || die "GET $path from $src: want HTTP $want, got '$res' (curl exit $rc: $(cat "$work/curl.err"))"
	record_access "$src" "$acckey" "$verify" "$proto" "$size"
	[[ -z $group ]] || expect_error_line info "$group" "$src"
}
# plain_req SRC PORT PATH: plain HTTP to the HTTPS port (497).
plain_req() {
	local src=$1 port=$2 path=$3 res code size rc=0 base
	base_args "$src"
	res=$("$CURL" "${base[@]}" -w '%{http_code} %{size_download}' "http://127.0.0.1:$port$path" 2>"$work/curl.err") || rc=$?
	code=${res% *} size=${res#* }
	[[ $code == 400 ]] || die "plain GET $path from $src: want HTTP 400, got '$res' (curl exit $rc: $(cat "$work/curl.err"))"
	record_access "$src" status-497 - - "$size"
	expect_error_line info plain-http "$src"
}
record_access() { # SRC ACCESSKEY CLIENT_VERIFY PROTO SIZE
	local src=$1 key=$2 verify=$3 proto=$4 size=$5
	n_http=$((n_http + 1))
	# 495/496/497 are written at info: at the default level the 400 has no
	# error-log line at all.
	[[ $key != status-* || $run_level == info ]] || n_hidden=$((n_hidden + 1))
	bump acc_count acc_keys "$key"
	[[ -n ${acc_clients[$key|$src]+x} ]] || acc_clients[$key|$src]=0
	acc_clients[$key|$src]=$((acc_clients[$key|$src] + 1))
	bump verify_count verify_keys "$verify"
	bump proto_count proto_keys "$proto"
	if [[ -n ${body_size[$key]+x} ]]; then
		[[ ${body_size[$key]} == "$size" ]] || die "$key: body size $size, earlier ${body_size[$key]}"
	else
		body_size[$key]=$size
	fi
}
# handshake_req SRC PORT REASON [curl args...]: a TLS handshake nginx fails;
# no HTTP response, no access-log line, one info line
# "SSL_do_handshake() failed (SSL: error:XXXXXXXX:SSL routines::REASON...)".
handshake_req() {
	local src=$1 port=$2 reason=$3 res rc=0 i before base
	shift 3
	base_args "$src"
	before=$(grep -c 'SSL_do_handshake() failed' "$P/logs/error.log" || true)
	res=$(OPENSSL_CONF=$work/curl-openssl.cnf "$CURL" "${base[@]}" -w '%{http_code}' "$@" \
		"https://127.0.0.1:$port/" 2>"$work/curl.err") || rc=$?
	[[ $res == 000 && $rc != 0 ]] || die "handshake_req $reason: curl got HTTP '$res' (exit $rc)"
	n_handshake=$((n_handshake + 1))
	expect_error_line info "handshake-failed:$reason" "$src"
	# Let nginx write its line before the next request, so that the order of
	# the error log follows the order of the requests (info run only).
	if [[ $run_level == info ]]; then
		for ((i = 0; i < 50; i++)); do
			(($(grep -c 'SSL_do_handshake() failed' "$P/logs/error.log" || true) > before)) && break
			sleep 0.05
		done
		((i < 50)) || die "nginx wrote no handshake failure line within 2.5 s for: $reason (curl: $(cat "$work/curl.err"))"
		grep 'SSL_do_handshake() failed' "$P/logs/error.log" | tail -n 1 | grep -qF "SSL routines::$reason" ||
			die "handshake_req: expected reason '$reason', nginx wrote: $(grep 'SSL_do_handshake() failed' "$P/logs/error.log" | tail -n 1)"
	fi
}

# failed_reload VARIANT GROUP: rewrite nginx.conf with a broken key, kill -HUP.
# nginx logs "[notice] signal 1 (SIGHUP) received ..., reconfiguring",
# "[notice] reconfiguring", the [emerg] line, and keeps its old configuration.
failed_reload() {
	local variant=$1 group=$2 before i
	before=$(grep -c '\[emerg\]' "$P/logs/error.log" || true)
	render_conf "$run_level" "$variant" >"$P/nginx.conf"
	kill -HUP "$nginx_pid"
	for ((i = 0; i < 100; i++)); do
		(($(grep -c '\[emerg\]' "$P/logs/error.log" || true) > before)) && break
		sleep 0.05
	done
	((i < 100)) || die "reload ($variant): no [emerg] line within 5 s"
	kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited after the failed reload ($variant)"
	expect_error_line emerg "$group" ""
}

# ---------------------------------------------------------------------------
# The requests. The same list in both runs; only the error_log level differs.
C=$certs
run_requests() {
	local A=127.0.0.1 B=127.0.0.2 good=(--cert "$C/good/client.crt" --key "$C/good/client.key")
	local sha1=(--cert "$C/weak/client-sha1.crt" --key "$C/weak/client-sha1.key")
	local samedn=(--cert "$C/samedn/client-samedn-noakid.crt" --key "$C/samedn/client-samedn-noakid.key")
	local expired=(--cert "$C/validity/client-expired.crt" --key "$C/validity/client-expired.key")
	local foreign=(--cert "$C/untrusted/client-foreign.crt" --key "$C/untrusted/client-foreign.key")
	local revoked=(--cert "$C/revoked/client-revoked.crt" --key "$C/revoked/client-revoked.key")
	local crlok=(--cert "$C/revoked/client-ok.crt" --key "$C/revoked/client-ok.key")
	local m=$port_mtls r=$port_crl
	local v68='FAILED:CA signature digest algorithm too weak' v18='FAILED:self-signed certificate'
	local v10='FAILED:certificate has expired' v21='FAILED:unable to verify the first certificate'
	local v23='FAILED:certificate revoked' T=TLSv1.3

	#           src port path        http  access-key  $ssl_client_verify $ssl_protocol error-log group
	https_req  $A $m /good          200 200         SUCCESS $T ''                  "${good[@]}"
	https_req  $A $m /sha1          400 status-495  "$v68"  $T verify-error:68     "${sha1[@]}"
	https_req  $A $m /nocert        400 status-496  NONE    $T no-client-cert
	https_req  $B $m /samedn        400 status-495  "$v18"  $T verify-error:18     "${samedn[@]}"
	https_req  $A $m /expired       400 status-495  "$v10"  $T verify-error:10     "${expired[@]}"
	plain_req  $B $m /plain
	https_req  $B $m /foreign       400 status-495  "$v21"  $T verify-error:21     "${foreign[@]}"
	https_req  $B $m /sha1          400 status-495  "$v68"  $T verify-error:68     "${sha1[@]}"
	https_req  $A $m /nocert        400 status-496  NONE    $T no-client-cert
	# TLS 1.0 only (curl at SECLEVEL=0 offers it). The mTLS server enables
	# TLSv1, but nginx's OpenSSL at security level 2 has no signature
	# algorithm it may use with TLS 1.0 (SHA-1/MD5+SHA-1).
	handshake_req $A $m 'no suitable signature algorithm' --insecure --tlsv1.0 --tls-max 1.0
	https_req  $B $m /good          200 200         SUCCESS $T ''                  "${good[@]}"
	https_req  $A $r /revoked       400 status-495  "$v23"  $T verify-error:23     "${revoked[@]}"
	# Only ECDSA suites, TLS 1.2 at most, against an RSA server certificate.
	handshake_req $B $m 'no shared cipher' --insecure --tls-max 1.2 --ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384
	https_req  $B $m /samedn        400 status-495  "$v18"  $T verify-error:18     "${samedn[@]}"
	https_req  $A $r /ok            200 200         SUCCESS $T ''                  "${crlok[@]}"
	https_req  $A $m /expired       400 status-495  "$v10"  $T verify-error:10     "${expired[@]}"
	https_req  $B $m /nocert        400 status-496  NONE    $T no-client-cert
	# A client that does not trust nginx's certificate: curl verifies against
	# an unrelated CA (not the system bundle, which may be absent), fails, and
	# sends alert 48. nginx logs "... tlsv1 alert unknown ca:SSL alert number 48".
	handshake_req $A $m 'tlsv1 alert unknown ca' --cacert "$C/untrusted/ca.crt"
	plain_req  $A $m /plain
	# TLS 1.0 only against the CRL server, whose ssl_protocols is TLSv1.2 TLSv1.3.
	handshake_req $B $r 'unsupported protocol' --insecure --tlsv1.0 --tls-max 1.0
	https_req  $B $r /revoked       400 status-495  "$v23"  $T verify-error:23     "${revoked[@]}"
	https_req  $A $m /nocert        400 status-496  NONE    $T no-client-cert
	https_req  $A $m /good          200 200         SUCCESS $T ''                  "${good[@]}"
	# Give nginx a moment for the "closed keepalive connection" lines.
	sleep 0.3

	failed_reload badpass bad-passphrase
	failed_reload mismatch key-mismatch
}

# check_logs DIR: a self-check of the copied logs against the expectations
# (it only fails the script; expected.json is never made from the logs).
# Every expected error-log group must have exactly its count of lines, every
# other line must be one of nginx's routine lines, and access.log must have
# one line per HTTP response.
check_logs() {
	local dir=$1 key pat n other sum=0 jkey
	for key in "${err_keys[@]}"; do
		case $key in
		verify-error:*) pat="client SSL certificate verify error: (${key#verify-error:}:" ;;
		no-client-cert) pat='client sent no required SSL certificate while reading client request headers' ;;
		plain-http) pat='client sent plain HTTP request to HTTPS port while reading client request headers' ;;
		handshake-failed:*) pat="SSL routines::${key#handshake-failed:}" ;;
		bad-passphrase) pat='bad decrypt' ;;
		key-mismatch) pat='key values mismatch' ;;
		*) die "check_logs: no pattern for $key" ;;
		esac
		n=$(grep -cF -- "$pat" "$dir/error.log" || true)
		((n == err_count[$key])) || die "$dir/error.log: $n lines for $key ('$pat'), expected ${err_count[$key]}"
		sum=$((sum + n))
	done
	n=$(grep -cF -e 'client SSL certificate verify error: (' -e 'client sent no required SSL certificate' \
		-e 'client sent plain HTTP request to HTTPS port' -e 'SSL_do_handshake() failed' \
		-e '[emerg]' "$dir/error.log" || true)
	((n == sum)) || die "$dir/error.log: $n lines of the kinds expected, but $sum expected (an unexpected reason or code?)"
	other=$(grep -vF -e 'client SSL certificate verify error: (' -e 'client sent no required SSL certificate' \
		-e 'client sent plain HTTP request to HTTPS port' -e 'SSL_do_handshake() failed' \
		-e '[emerg]' "$dir/error.log" |
		grep -vE '\[notice\]|: \*[0-9]+ client 127\.0\.0\.[12] closed keepalive connection$|\[info\] [0-9]+#[0-9]+: epoll_wait\(\) failed \(4: Interrupted system call\)$' || true)
	[[ -z $other ]] || die "$dir/error.log: unexpected lines:
$other"
	n=$(grep -c '' "$dir/access.log" || true)
	((n == n_http)) || die "$dir/access.log has $n lines, sent $n_http HTTP requests"
	[[ $run_level == info ]] || return 0
	for key in "${verify_keys[@]}"; do
		n=$(awk -F'"' -v k="$key" '$(NF-3) == k' "$dir/access_ssl.log" | grep -c '' || true)
		((n == verify_count[$key])) || die "$dir/access_ssl.log: $n lines with \$ssl_client_verify '$key', expected ${verify_count[$key]}"
		jkey=$key
		[[ $jkey != - ]] || jkey=
		n=$(grep -cF "\"ssl_client_verify\":\"$jkey\"," "$dir/access.json" || true)
		((n == verify_count[$key])) || die "$dir/access.json: $n lines with ssl_client_verify '$jkey', expected ${verify_count[$key]}"
	done
	for key in "${proto_keys[@]}"; do
		n=$(awk -F'"' -v k="$key" '$(NF-1) == k' "$dir/access_ssl.log" | grep -c '' || true)
		((n == proto_count[$key])) || die "$dir/access_ssl.log: $n lines with \$ssl_protocol '$key', expected ${proto_count[$key]}"
	done
}

json_map() { # MAPNAME ORDERNAME: {"k": n, ...} in insertion order
	local -n m=$1 o=$2
	local k sep=
	printf '{'
	for k in "${o[@]}"; do
		printf '%s"%s": %s' "$sep" "$k" "${m[$k]}"
		sep=', '
	done
	printf '}'
}
json_clients() { # MAPNAME ORDERNAME: {"group": {"addr": n}, ...}
	local -n m=$1 o=$2
	local k a sep= sep2 addrs
	printf '{'
	for k in "${o[@]}"; do
		addrs=
		sep2=
		for a in 127.0.0.1 127.0.0.2; do
			[[ -n ${m[$k|$a]+x} ]] || continue
			addrs+="$sep2\"$a\": ${m[$k|$a]}"
			sep2=', '
		done
		[[ -n $addrs ]] || continue
		printf '%s\n      "%s": {%s}' "$sep" "$k" "$addrs"
		sep=','
	done
	[[ -z $sep ]] || printf '\n    '
	printf '}'
}

run() { # LEVEL(info|default) DIR
	run_level=$1
	local dir=$out/$2 f
	err_count=() acc_count=() clients=() acc_clients=() verify_count=() proto_count=()
	err_keys=() acc_keys=() verify_keys=() proto_keys=()
	n_http=0 n_handshake=0 n_hidden=0
	start_nginx "$run_level"
	run_requests
	stop_nginx
	rm -rf "$dir"
	mkdir -p "$dir"
	if [[ $run_level == info ]]; then
		for f in error.log access.log access_ssl.log access.json; do cp "$P/logs/$f" "$dir/$f"; done
	else
		for f in error.log access.log; do cp "$P/logs/$f" "$dir/$f"; done
	fi
	check_logs "$dir"

	local files='["error.log", "access.log"]' extra=
	[[ $run_level == default ]] || files='["error.log", "access.log", "access_ssl.log", "access.json"]'
	if [[ $run_level == info ]]; then
		# access.json (escape=json) writes an empty string where the text
		# formats write "-" (no TLS on the 497 requests).
		extra=",
    \"ssl_client_verify\": $(json_map verify_count verify_keys),
    \"ssl_protocol\": $(json_map proto_count proto_keys),
    \"ssl_client_verify_json\": $(json_map verify_count verify_keys | sed 's/"-":/"":/'),
    \"ssl_protocol_json\": $(json_map proto_count proto_keys | sed 's/"-":/"":/')"
	fi
	run_json+="$run_sep
  \"$2\": {
    \"error_log_directive\": \"$([[ $run_level == info ]] && echo 'error_log FILE info;' || echo 'error_log FILE;')\",
    \"files\": $files,
    \"ports\": {\"mtls\": $port_mtls, \"crl\": $port_crl},
    \"http_requests\": $n_http,
    \"handshake_failures\": $n_handshake,
    \"status_400_without_error_line\": $n_hidden,
    \"error_log\": $(json_map err_count err_keys),
    \"access_log\": $(json_map acc_count acc_keys),
    \"clients\": $(json_clients clients err_keys),
    \"access_clients\": $(json_clients acc_clients acc_keys)$extra
  }"
	run_sep=,
}

run_json= run_sep=
run info info
run default default

# ---------------------------------------------------------------------------
# bad/: malformed inputs made from the real lines above, and info/error.log.1.gz.
bad=$out/bad
rm -rf "$bad"
mkdir -p "$bad"
il=$out/info/error.log
pick() { grep -m1 -F -- "$1" "$il" || die "no line with '$1' in $il"; }
# crlf.log: three real info lines, CRLF line ends.
{
	pick 'client SSL certificate verify error: (68:'
	pick 'client sent no required SSL certificate'
	pick 'client sent plain HTTP request to HTTPS port'
} | sed 's/$/\r/' >"$bad/crlf.log"
# truncated.log: four real verify-error lines, then a fifth (23) cut inside
# "client SSL certif|icate verify error", with no newline.
{
	pick 'client SSL certificate verify error: (68:'
	pick 'client SSL certificate verify error: (18:'
	pick 'client SSL certificate verify error: (10:'
	pick 'client SSL certificate verify error: (21:'
	printf '%s' "$(pick 'client SSL certificate verify error: (23:' | sed 's/\(client SSL certif\).*/\1/')"
} >"$bad/truncated.log"
# invalid-utf8.log: one real verify-error line (10), host field
# "127.0.0.1:PORT" -> "<ff><ff>127.0.0.1<ff>:PORT".
pick 'client SSL certificate verify error: (10:' |
	LC_ALL=C sed 's/host: "\([0-9.]*\)/host: "\xff\xff\1\xff/' >"$bad/invalid-utf8.log"
LC_ALL=C grep -q $'\xff' "$bad/invalid-utf8.log" || die "invalid-utf8.log: no 0xff byte"
# garbage.bin: 4 KiB AES-128-CTR keystream (key 0, IV ...04): the same bytes on every run.
head -c 4096 /dev/zero |
	"$OPENSSL" enc -aes-128-ctr -K 00000000000000000000000000000000 -iv 00000000000000000000000000000004 >"$bad/garbage.bin"
cat >"$bad/notalog.txt" <<'EOF'
This file is not a log. It is a few lines of prose that mtlsdoctor logs
must read without finding anything in them.

nginx asks for a client certificate when ssl_verify_client is on; when the
certificate does not verify, the client gets a 400 page and the reason is
written to the error log at the info level.
EOF
# The rotated, gzip'd copy of the info error log (-n: no name, no time stamp).
gzip -n -c "$il" >"$out/info/error.log.1.gz"
bad_json='
  "bad": {
    "crlf.log": {"lines": 3, "error_log": {"verify-error:68": 1, "no-client-cert": 1, "plain-http": 1}},
    "truncated.log": {"complete_lines": 4, "unterminated_tail": "ends inside \"client SSL certif\"", "error_log": {"verify-error:68": 1, "verify-error:18": 1, "verify-error:10": 1, "verify-error:21": 1}},
    "invalid-utf8.log": {"lines": 1, "error_log": {"verify-error:10": 1}, "host_bytes": "ff ff before and ff after 127.0.0.1"},
    "garbage.bin": {"bytes": 4096, "error_log": {}},
    "notalog.txt": {"error_log": {}}
  },
  "gzip": {"info/error.log.1.gz": "info/error.log"}'

# ---------------------------------------------------------------------------
# expected.json
{
	printf '{\n'
	printf '  "generator": "testdata/logs/gen.sh",\n'
	printf '  "nginx_version": "%s",\n' "$nginx_version"
	printf '  "nginx_built_with": "%s",\n' "$nginx_openssl"
	printf '  "openssl_version": "%s",\n' "$openssl_version"
	printf '  "curl_version": "%s",\n' "$curl_version"
	printf '  "server_tokens": "on",\n'
	printf '  "server_names": {"mtls": "localhost", "crl": "revoked.localhost"},\n'
	printf '  "body_bytes": {"status-495": %s, "status-496": %s, "status-497": %s, "200": %s},' \
		"${body_size[status-495]}" "${body_size[status-496]}" "${body_size[status-497]}" "${body_size[200]}"
	printf '%s,%s\n}\n' "$run_json" "$bad_json"
} >"$out/expected.json"

elapsed=$(awk -v a="$start_time" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "gen.sh: wrote $out/info, $out/default, $out/bad, $out/expected.json in ${elapsed}s" >&2
