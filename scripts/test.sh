#!/usr/bin/env bash
# The project's test command:
#
#   scripts/test.sh [extra go test flags, e.g. -run TestDifferential -v]
#
# Works on a fresh Debian machine that has only Go. The differential tests
# run a real nginx, openssl and curl; when one of them is missing this
# script installs it (as root) or says exactly what to install (otherwise).
# Then it runs gofmt, go vet, staticcheck and go test. It never skips the
# real-nginx tests.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# nginx is installed in /usr/sbin, which a non-root user's PATH lacks.
for d in /usr/sbin /sbin; do
	case ":$PATH:" in *":$d:"*) ;; *) PATH="$PATH:$d" ;; esac
done
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
	PATH="$PATH:/usr/local/go/bin"
fi
export PATH

step "go"
command -v go >/dev/null 2>&1 || die "go is not on PATH; install Go (see go.mod for the version)"
go version

step "nginx (and its stream and Lua modules), openssl, curl, haproxy, apache2, gcc, libssl-dev, python3, node, java, erlang, git, gnutls-cli, postgresql, mosquitto, libmbedcrypto, libcurl-nss"
missing=()
# haproxy and apache2 are the other TLS servers the probe is tested
# against; python3, node, java (with javac) and escript (Erlang/OTP, with
# its ssl application) run the Python, Node.js, Java and Erlang clients and
# servers of explain's real-run matrices (checks/testdata/peers); git
# (on libcurl-gnutls in Debian) and gnutls-cli are the matrices' GnuTLS
# clients; mosquitto and mosquitto_pub an MQTT broker and client. The
# Debian package of each tool:
declare -A package=([nginx]=nginx [openssl]=openssl [curl]=curl [haproxy]=haproxy [apache2]=apache2 [gcc]=gcc
	[python3]=python3 [node]=nodejs [java]=default-jdk-headless [javac]=default-jdk-headless [escript]=erlang-ssl
	[git]=git [gnutls-cli]=gnutls-bin [mosquitto]=mosquitto [mosquitto_pub]=mosquitto-clients)
commands=(nginx openssl curl haproxy apache2 gcc python3 node java javac escript git gnutls-cli mosquitto mosquitto_pub)
for tool in "${commands[@]}"; do
	command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
# The limbo differential test builds a small OpenSSL reference program
# (internal/verifyref) against the system libcrypto's headers.
[[ -e /usr/include/openssl/x509_vfy.h ]] || missing+=("libssl-dev")
package[libssl-dev]=libssl-dev
# nginx's stream module, which Debian ships apart: explain's real-run
# matrix runs an nginx stream {} server too.
[[ -e /usr/lib/nginx/modules/ngx_stream_module.so ]] || missing+=("libnginx-mod-stream")
package[libnginx-mod-stream]=libnginx-mod-stream
# nginx's Lua module (and the NDK it needs), which Debian ships apart: a
# real nginx runs a Lua cosocket as a client of servers that refuse it.
[[ -e /usr/lib/nginx/modules/ngx_http_lua_module.so ]] || missing+=("libnginx-mod-http-lua")
package[libnginx-mod-http-lua]=libnginx-mod-http-lua
# PostgreSQL's server (initdb, pg_ctl; not on PATH) and psql: a real
# PostgreSQL matrix runs its refusals too.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && command -v psql >/dev/null 2>&1 || missing+=("postgresql")
package[postgresql]=postgresql
# Erlang's ssl application, which erlang-base (escript) lacks.
compgen -G "/usr/lib/erlang/lib/ssl-*" >/dev/null || missing+=("erlang-ssl")
package[erlang-ssl]=erlang-ssl
# Mbed TLS's libmbedcrypto: the catalogue's Mbed TLS table is checked
# against its mbedtls_strerror (libgnutls, for the GnuTLS table, comes
# with gnutls-bin).
compgen -G "/usr/lib/*/libmbedcrypto.so.*" >/dev/null || missing+=("libmbedcrypto")
package[libmbedcrypto]=libmbedcrypto7
# libwolfssl (Debian 12's 5.5.4): the catalogue's wolfSSL table is checked
# against its wolfSSL_ERR_reason_error_string, and a wolfSSL client
# (checks/testdata/peers/wolfssl.py) runs in the refusal matrices.
compgen -G "/usr/lib/*/libwolfssl.so.*" >/dev/null || missing+=("libwolfssl")
package[libwolfssl]=libwolfssl35
# curl on NSS (libcurl3-nss, with nss-plugin-pem for PEM files), a real
# NSS client of the matrices, as RHEL and CentOS 7 ship curl.
compgen -G "/usr/lib/*/libcurl-nss.so.4" >/dev/null || missing+=("libcurl-nss")
package[libcurl-nss]=libcurl3-nss
if ((${#missing[@]} > 0)); then
	packages=()
	for tool in "${missing[@]}"; do
		[[ " ${packages[*]} " == *" ${package[$tool]} "* ]] || packages+=("${package[$tool]}")
	done
	if [[ $(id -u) -ne 0 ]]; then
		printf 'missing: %s (Debian package(s): %s)\n' "${missing[*]}" "${packages[*]}" >&2
		printf 'install them with:\n  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y %s\n' "${packages[*]}" >&2
		printf 'or run %s as root, which installs them.\n' "$0" >&2
		exit 1
	fi
	command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them with"
	echo "installing: ${packages[*]}"
	# Debian's nginx (and apache2, haproxy) packages start a system
	# server when installed. Our tests use their own nginx on free ports, but if port 80
	# is taken the package's postinst fails and so would apt-get. A
	# policy-rc.d that answers 101 ("action forbidden") stops the start;
	# add one only for the install, and only if there is none already.
	policy=/usr/sbin/policy-rc.d
	if [[ ! -e $policy ]]; then
		printf '#!/bin/sh\n# added by mtlsdoctor scripts/test.sh during apt-get install\nexit 101\n' >"$policy"
		chmod 755 "$policy"
		trap 'rm -f "$policy"' EXIT
	fi
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"
	if [[ -n ${policy:-} ]] && grep -q 'mtlsdoctor scripts/test.sh' "$policy" 2>/dev/null; then
		rm -f "$policy"
		trap - EXIT
	fi
	# The commands are checked by name; the libraries, modules and headers
	# (the other names in missing) by their files, below.
	for tool in "${commands[@]}"; do
		command -v "$tool" >/dev/null 2>&1 || die "$tool is still missing after apt-get install ${package[$tool]}"
	done
	[[ -e /usr/include/openssl/x509_vfy.h ]] || die "the OpenSSL headers are still missing after apt-get install libssl-dev"
	[[ -e /usr/lib/nginx/modules/ngx_stream_module.so ]] || die "nginx's stream module is still missing after apt-get install libnginx-mod-stream"
	compgen -G "/usr/lib/erlang/lib/ssl-*" >/dev/null || die "Erlang's ssl application is still missing after apt-get install erlang-ssl"
	compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || die "PostgreSQL's server is still missing after apt-get install postgresql"
	[[ -e /usr/lib/nginx/modules/ngx_http_lua_module.so ]] || die "nginx's Lua module is still missing after apt-get install libnginx-mod-http-lua"
	compgen -G "/usr/lib/*/libmbedcrypto.so.*" >/dev/null || die "libmbedcrypto is still missing after apt-get install libmbedcrypto7"
	compgen -G "/usr/lib/*/libwolfssl.so.*" >/dev/null || die "libwolfssl is still missing after apt-get install libwolfssl35"
	compgen -G "/usr/lib/*/libcurl-nss.so.4" >/dev/null || die "libcurl-nss is still missing after apt-get install libcurl3-nss"
fi
nginx -v 2>&1
openssl version
curl --version | head -n 1
haproxy -v | sed -n 1p # sed reads it all: no SIGPIPE under pipefail
apache2 -v | sed -n 1p
gcc --version | sed -n 1p
python3 --version
node --version
java -version 2>&1 | sed -n 1p
erl -noshell -eval 'io:format("Erlang/OTP ~s~n", [erlang:system_info(otp_release)]), halt().'
git --version
gnutls-cli --version | sed -n 1p
psql --version
{ mosquitto -h 2>&1 || true; } | sed -n 1p # -h exits non-zero

step "gofmt -l"
unformatted=$(find . -path ./.git -prune -o -type d -name testdata -prune -o -type f -name '*.go' -print0 |
	xargs -0 -r gofmt -l)
if [[ -n $unformatted ]]; then
	printf '%s\n' "$unformatted" >&2
	die "gofmt: the files above need formatting (gofmt -w FILE)"
fi
echo ok

step "go vet ./..."
go vet ./...
echo ok

step "staticcheck ./... (honnef.co/go/tools v0.8.2)"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
echo ok

step "go test -count=1 -timeout 20m ./... $*"
go test -count=1 -timeout 20m "$@" ./...

printf '\nPASS: all checks and tests passed\n'
