#!/usr/bin/env bash
# Regenerates every mtlsdoctor certificate fixture set with real openssl.
#
#   testdata/certs/gen.sh [OUTDIR]     (default OUTDIR: this script's directory)
#
# Needs only bash, coreutils and openssl (written and checked with OpenSSL 3.0.19).
# File names, subjects, extensions and validity dates are deterministic; keys,
# serials and signatures are random. Validity is fixed with `openssl ca
# -startdate/-enddate`, so nothing drifts with the calendar, except the `guide`
# set, which deliberately runs a blog guide's commands verbatim (`-days 7300`).
#
# It deletes and recreates only OUTDIR/<set> and OUTDIR/_outside/<set> for the
# sets listed in SETS below; it never touches gen.sh, README.md or anything else.
# openssl ca databases live in a temporary directory that is removed on exit.
# The sets are built in parallel (one background job per set), which halves the
# run time on two cores; a failure in any set makes the script exit non-zero.
# The system openssl.cnf is NOT used: OPENSSL_CONF points to a config written
# here, so the output is the same on every distribution.
# See README.md for what each file is and what `openssl verify` says about it.
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-$HERE}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

SETS=(good guide weak samedn validity purpose notca regenerated chain revoked
      mismatch encrypted ecdsa p12 untrusted dup bad constraints serverchain)
# GEN_SETS="a b" rebuilds only those sets (the others are left as they are).
if [ -n "${GEN_SETS:-}" ]; then read -ra SETS <<<"$GEN_SETS"; fi

GOOD_START=20250101000000Z
GOOD_END=20450101000000Z
O="/O=mtlsdoctor test"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mtlsdoctor-gen.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/log" # each set gets its own, see the end

# ---------------------------------------------------------------------------
# Hermetic OpenSSL configuration: [req] for CSRs and the guide's `req -x509`
# (its v3_ca section equals the stock openssl.cnf's), [ca] for `openssl ca`,
# and one section per kind of certificate (x_*).
# ---------------------------------------------------------------------------
export OPENSSL_CONF="$WORK/openssl.cnf"
export CADIR="$WORK" # the [ca] section reads $ENV::CADIR; newdb sets a fresh one per use
cat >"$OPENSSL_CONF" <<'EOF'
HOME = .

[ req ]
distinguished_name = req_dn
x509_extensions    = v3_ca
string_mask        = utf8only

[ req_dn ]

# same as the stock openssl.cnf: what `openssl req -new -x509` puts into a CA
[ v3_ca ]
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always,issuer
basicConstraints       = critical,CA:true

[ ca ]
default_ca = CA_default

[ CA_default ]
dir             = $ENV::CADIR
database        = $dir/index.txt
new_certs_dir   = $dir/new
serial          = $dir/serial
crlnumber       = $dir/crlnumber
default_md      = sha256
default_days    = 7300
default_crl_days = 30
policy          = policy_any
unique_subject  = no
email_in_dn     = no
copy_extensions = none
name_opt        = ca_default
cert_opt        = ca_default

[ policy_any ]
organizationName       = optional
organizationalUnitName = optional
commonName             = supplied

[ crl_ext ]
authorityKeyIdentifier = keyid:always

# ---- CAs -------------------------------------------------------------------
[ x_root ]
basicConstraints       = critical,CA:TRUE
keyUsage               = critical,keyCertSign,cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_root_pathlen0 ]
basicConstraints       = critical,CA:TRUE,pathlen:0
keyUsage               = critical,keyCertSign,cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_int ]
basicConstraints       = critical,CA:TRUE
keyUsage               = critical,keyCertSign,cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_int_cafalse ]
basicConstraints       = critical,CA:FALSE
keyUsage               = critical,keyCertSign,cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_int_nobc ]
keyUsage               = critical,keyCertSign,cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_int_nocertsign ]
basicConstraints       = critical,CA:TRUE
keyUsage               = critical,digitalSignature
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# an intermediate that may only issue names under example.com / mtlsdoctor test
[ x_int_nc ]
basicConstraints       = critical,CA:TRUE
keyUsage               = critical,keyCertSign,cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
nameConstraints        = critical,permitted;DNS:.example.com,permitted;email:example.com,permitted;dirName:nc_dir,excluded;DNS:bad.example.com

[ nc_dir ]
O = mtlsdoctor test

# ---- clients ---------------------------------------------------------------
[ x_client_nc_ok ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = clientAuth
subjectAltName         = DNS:alice.example.com,email:alice@example.com
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_client_nc_outside ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = clientAuth
subjectAltName         = DNS:alice.other.org
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_client_nc_excluded ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = clientAuth
subjectAltName         = DNS:x.bad.example.com
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_client_nc_email ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = clientAuth
subjectAltName         = email:bob@other.org
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_client ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_client_ec ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# no subjectKeyIdentifier / authorityKeyIdentifier at all (OpenSSL 3 `ca` adds both
# by default when the section does not mention them, hence the explicit "none")
[ x_client_nokid ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = none
authorityKeyIdentifier = none

[ x_client_serverauth ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = serverAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_client_nodigsig ]
basicConstraints       = CA:FALSE
keyUsage               = critical,keyEncipherment
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# no keyUsage, no extendedKeyUsage
[ x_client_noeku ]
basicConstraints       = CA:FALSE
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# ---- servers ---------------------------------------------------------------
[ x_server ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# a server certificate that says where its issuer's certificate is (AIA
# caIssuers), as public CAs' do; .invalid never resolves
[ x_server_aia ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess    = caIssuers;URI:http://ca.invalid/serverchain-int.crt

# a server certificate whose keyUsage is a CA's (no digitalSignature or
# keyEncipherment), and one with a critical extension nobody knows
[ x_server_kucertsign ]
basicConstraints       = CA:FALSE
keyUsage               = critical,keyCertSign,cRLSign
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ x_server_critext ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
1.3.6.1.4.1.55555.1    = critical,ASN1:UTF8String:mtlsdoctor

[ x_server_clientauth ]
basicConstraints       = CA:FALSE
keyUsage               = critical,digitalSignature,keyEncipherment
extendedKeyUsage       = clientAuth
subjectAltName         = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
EOF

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

# run CMD...: run quietly; on failure show the command and its output, and stop.
run() {
	if ! "$@" >>"$LOG" 2>&1; then
		echo "gen.sh: FAILED: $*" >&2
		tail -n 30 "$LOG" >&2
		exit 1
	fi
}

# newkey FILE TYPE: unencrypted private key (PKCS#8 PEM). TYPE: rsa rsa1024 p256 p384 p192
newkey() {
	case $2 in
	rsa) run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" ;;
	rsa1024) run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$1" ;;
	p256) run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" ;;
	p384) run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$1" ;;
	p192) run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime192v1 -out "$1" ;;
	*) echo "gen.sh: unknown key type $2" >&2; exit 1 ;;
	esac
}

# newdb: a fresh, empty `openssl ca` database directory; sets CADIR.
newdb() {
	export CADIR
	CADIR=$(mktemp -d "$WORK/db.XXXXXX")
	mkdir "$CADIR/new"
	: >"$CADIR/index.txt"
	echo "unique_subject = no" >"$CADIR/index.txt.attr"
	echo 1000 >"$CADIR/crlnumber"
}

# cert CRT KEY KEYTYPE SUBJECT ISSUER_CRT ISSUER_KEY EXT [START] [END] [MD] [SERIAL]
#   Makes KEY (unless it exists already; then KEYPASS, if set, is its passphrase),
#   a CSR, and CRT signed by ISSUER with `openssl ca` and extension section EXT.
#   ISSUER_CRT=self makes a self-signed certificate (ISSUER_KEY is ignored).
#   SERIAL (hex) defaults to a random 159-bit serial.
cert() {
	local crt=$1 key=$2 kt=$3 subj=$4 icrt=$5 ikey=$6 ext=$7
	local start=${8:-$GOOD_START} end=${9:-$GOOD_END} md=${10:-sha256} serial=${11:-}
	[ -f "$key" ] || newkey "$key" "$kt"
	newdb
	local csr="$CADIR/req.csr"
	local pass=()
	if [ -n "${KEYPASS:-}" ]; then pass=(-passin "pass:$KEYPASS"); fi
	run openssl req -new -key "$key" "${pass[@]}" -subj "$subj" -out "$csr"
	local args=(-batch -notext -preserveDN -in "$csr" -out "$crt"
		-extensions "$ext" -startdate "$start" -enddate "$end" -md "$md")
	if [ "$icrt" = self ]; then
		args+=(-selfsign -keyfile "$key" "${pass[@]}")
	else
		args+=(-cert "$icrt" -keyfile "$ikey")
	fi
	if [ -n "$serial" ]; then
		echo "$serial" >"$CADIR/serial"
	else
		args+=(-rand_serial)
	fi
	run openssl ca "${args[@]}"
}

# root DIR NAME KEYDIR SUBJECT [KEYTYPE] [START] [END] [EXT]: self-signed CA DIR/NAME.crt,
# key KEYDIR/NAME.key
root() {
	local dir=$1 name=$2 kdir=$3 subj=$4 kt=${5:-rsa} start=${6:-$GOOD_START} end=${7:-$GOOD_END}
	local ext=${8:-x_root}
	cert "$dir/$name.crt" "$kdir/$name.key" "$kt" "$subj" self - "$ext" "$start" "$end"
}

# crl OUT CA_CRT CA_KEY LASTUPDATE NEXTUPDATE REVDATE [REVOKED_CRT...]
#   REVDATE (YYMMDDHHMMSSZ) is written straight into the database, because
#   `openssl ca -revoke` would record the current time; reason keyCompromise.
crl() {
	local out=$1 cacrt=$2 cakey=$3 last=$4 next=$5 revdate=$6
	shift 6
	newdb
	local r serial subj
	for r in "$@"; do
		serial=$(openssl x509 -noout -serial -in "$r")
		subj=$(openssl x509 -noout -subject -nameopt compat -in "$r")
		printf 'R\t%s\t%s,keyCompromise\t%s\tunknown\t%s\n' 450101000000Z "$revdate" \
			"${serial#serial=}" "${subj#subject=}" >>"$CADIR/index.txt"
	done
	run openssl ca -batch -gencrl -cert "$cacrt" -keyfile "$cakey" -crlexts crl_ext -md sha256 \
		-crl_lastupdate "$last" -crl_nextupdate "$next" -out "$out"
}

# set_dirs NAME: create OUT/NAME and OUT/_outside/NAME; sets D and X.
set_dirs() {
	D="$OUT/$1"
	X="$OUT/_outside/$1"
	mkdir -p "$D" "$X"
}

# good-style root "ca.crt" for set NAME (key in _outside/NAME/ca.key); sets CA and CAK.
std_root() {
	root "$D" ca "$X" "$O/CN=$1 root CA"
	CA="$D/ca.crt"
	CAK="$X/ca.key"
}

# client SET_DIR NAME ISSUER_CRT ISSUER_KEY [EXT] [KEYTYPE] [START] [END] [MD] [SERIAL]
client() {
	local dir=$1 name=$2 icrt=$3 ikey=$4 ext=${5:-x_client} kt=${6:-rsa}
	cert "$dir/$name.crt" "$dir/$name.key" "$kt" "$O/CN=$name" "$icrt" "$ikey" "$ext" \
		"${7:-$GOOD_START}" "${8:-$GOOD_END}" "${9:-sha256}" "${10:-}"
}

# server SET_DIR NAME ISSUER_CRT ISSUER_KEY [EXT] [MD]
server() {
	local dir=$1 name=$2 icrt=$3 ikey=$4 ext=${5:-x_server} md=${6:-sha256}
	cert "$dir/$name.crt" "$dir/$name.key" rsa "$O/CN=localhost" "$icrt" "$ikey" "$ext" \
		"$GOOD_START" "$GOOD_END" "$md"
}

# intermediate SET NAME ISSUER_CRT ISSUER_KEY [EXT] [MD]: DIR/NAME.crt, key in _outside
intermediate() {
	local set=$1 name=$2 icrt=$3 ikey=$4 ext=${5:-x_int} md=${6:-sha256}
	cert "$D/$name.crt" "$X/$name.key" rsa "$O/CN=$set $name" "$icrt" "$ikey" "$ext" \
		"$GOOD_START" "$GOOD_END" "$md"
}

# deterministic pseudo-random bytes: pseudo FILE BYTES IVBYTE
pseudo() {
	head -c "$2" /dev/zero |
		openssl enc -aes-128-ctr -K 00000000000000000000000000000000 \
			-iv "000000000000000000000000000000$3" >"$1"
}

# ---------------------------------------------------------------------------
# good: nothing wrong
# ---------------------------------------------------------------------------
gen_good() {
	set_dirs good
	std_root good
	server "$D" server "$CA" "$CAK"
	client "$D" client "$CA" "$CAK"
	intermediate good int "$CA" "$CAK"
	client "$D" client-int "$D/int.crt" "$X/int.key"
}

# ---------------------------------------------------------------------------
# guide: a typical blog guide's commands, verbatim (no extfile => no SAN, v1 leaves)
# ---------------------------------------------------------------------------
gen_guide() {
	set_dirs guide
	(
		cd "$D"
		run openssl genrsa -aes256 -passout pass:guide-pass -out ca.key 2048
		run openssl req -new -x509 -days 7300 -key ca.key -passin pass:guide-pass -out ca.crt \
			-subj "$O/CN=guide root CA"
		run openssl genrsa -out server.key 2048
		run openssl req -new -key server.key -out server.csr -subj /CN=localhost
		run openssl x509 -req -sha256 -days 7300 -in server.csr -CA ca.crt -CAkey ca.key \
			-passin pass:guide-pass -set_serial 1 -out server.crt
		run openssl genrsa -out client.key 2048
		run openssl req -new -key client.key -out client.csr -subj /CN=client
		run openssl x509 -req -sha256 -days 7300 -in client.csr -CA ca.crt -CAkey ca.key \
			-passin pass:guide-pass -set_serial 2 -out client.crt
		echo guide-pass >ssl_passwords.txt
	)
	rmdir "$X"
}

# ---------------------------------------------------------------------------
# weak: SHA-1 / MD5 signatures, RSA-1024 keys
# ---------------------------------------------------------------------------
gen_weak() {
	set_dirs weak
	std_root weak
	client "$D" client-sha1 "$CA" "$CAK" x_client rsa "" "" sha1
	client "$D" client-md5 "$CA" "$CAK" x_client rsa "" "" md5
	client "$D" client-rsa1024 "$CA" "$CAK" x_client rsa1024
	intermediate weak int-sha1 "$CA" "$CAK" x_int sha1
	client "$D" client-via-int-sha1 "$D/int-sha1.crt" "$X/int-sha1.key"
	root "$D" ca-rsa1024 "$X" "$O/CN=weak rsa1024 root CA" rsa1024
	client "$D" client-via-ca1024 "$D/ca-rsa1024.crt" "$X/ca-rsa1024.key"
	server "$D" server-sha1 "$CA" "$CAK" x_server sha1
}

# ---------------------------------------------------------------------------
# samedn: client subject == CA subject
# ---------------------------------------------------------------------------
gen_samedn() {
	set_dirs samedn
	std_root samedn
	cert "$D/client-samedn-noakid.crt" "$D/client-samedn-noakid.key" rsa "$O/CN=samedn root CA" \
		"$CA" "$CAK" x_client_nokid
	cert "$D/client-samedn-akid.crt" "$D/client-samedn-akid.key" rsa "$O/CN=samedn root CA" \
		"$CA" "$CAK" x_client
	client "$D" client-sameorg "$CA" "$CAK"
}

# ---------------------------------------------------------------------------
# validity: expired, not yet valid, expired CA, expiring 2030
# ---------------------------------------------------------------------------
gen_validity() {
	set_dirs validity
	std_root validity
	client "$D" client-expired "$CA" "$CAK" x_client rsa 20200101000000Z 20210101000000Z
	client "$D" client-notyet "$CA" "$CAK" x_client rsa 20900101000000Z 20950101000000Z
	root "$D" ca-expired "$X" "$O/CN=validity expired root CA" rsa 20200101000000Z 20210101000000Z
	client "$D" client-via-expired-ca "$D/ca-expired.crt" "$X/ca-expired.key"
	client "$D" client-soon "$CA" "$CAK" x_client rsa 20250101000000Z 20300601000000Z
}

# ---------------------------------------------------------------------------
# purpose: wrong EKU / keyUsage
# ---------------------------------------------------------------------------
gen_purpose() {
	set_dirs purpose
	std_root purpose
	client "$D" client-serverauth "$CA" "$CAK" x_client_serverauth
	client "$D" client-nodigsig "$CA" "$CAK" x_client_nodigsig
	client "$D" client-noeku "$CA" "$CAK" x_client_noeku
	server "$D" server-clientauth "$CA" "$CAK" x_server_clientauth
}

# ---------------------------------------------------------------------------
# notca: intermediates that are not valid CAs
# ---------------------------------------------------------------------------
gen_notca() {
	set_dirs notca
	std_root notca
	intermediate notca int-cafalse "$CA" "$CAK" x_int_cafalse
	client "$D" client-via-cafalse "$D/int-cafalse.crt" "$X/int-cafalse.key"
	intermediate notca int-nobc "$CA" "$CAK" x_int_nobc
	client "$D" client-via-nobc "$D/int-nobc.crt" "$X/int-nobc.key"
	intermediate notca int-nocertsign "$CA" "$CAK" x_int_nocertsign
	client "$D" client-via-nocertsign "$D/int-nocertsign.crt" "$X/int-nocertsign.key"
}

# ---------------------------------------------------------------------------
# regenerated: CA re-keyed under the same DN; clients signed by the old one
# ---------------------------------------------------------------------------
gen_regenerated() {
	set_dirs regenerated
	root "$X" ca-old "$X" "$O/CN=regenerated root CA"
	std_root regenerated
	client "$D" client-akid "$X/ca-old.crt" "$X/ca-old.key"
	client "$D" client-noakid "$X/ca-old.crt" "$X/ca-old.key" x_client_nokid
}

# ---------------------------------------------------------------------------
# chain: 1..3 intermediates; a pathlen:0 root with an intermediate under it
# ---------------------------------------------------------------------------
gen_chain() {
	set_dirs chain
	std_root chain
	intermediate chain int1 "$CA" "$CAK"
	client "$D" client-depth1 "$D/int1.crt" "$X/int1.key"
	intermediate chain int2 "$D/int1.crt" "$X/int1.key"
	client "$D" client-depth2 "$D/int2.crt" "$X/int2.key"
	intermediate chain int3 "$D/int2.crt" "$X/int2.key"
	client "$D" client-depth3 "$D/int3.crt" "$X/int3.key"
	root "$D" ca-pathlen0 "$X" "$O/CN=chain pathlen0 root CA" rsa "" "" x_root_pathlen0
	intermediate chain int-under-pathlen0 "$D/ca-pathlen0.crt" "$X/ca-pathlen0.key"
	client "$D" client-pathlen "$D/int-under-pathlen0.crt" "$X/int-under-pathlen0.key"
}

# ---------------------------------------------------------------------------
# revoked: CRL, duplicate serial, expired CRL
# ---------------------------------------------------------------------------
gen_revoked() {
	set_dirs revoked
	std_root revoked
	client "$D" client-ok "$CA" "$CAK"
	client "$D" client-revoked "$CA" "$CAK"
	dupserial=$(openssl x509 -noout -serial -in "$D/client-revoked.crt")
	dupserial=${dupserial#serial=}
	client "$D" client-dupserial "$CA" "$CAK" x_client rsa "" "" sha256 "$dupserial"
	crl "$D/crl.pem" "$CA" "$CAK" 20250101000000Z 20450101000000Z 250601000000Z "$D/client-revoked.crt"
	crl "$X/crl-expired.pem" "$CA" "$CAK" 20200101000000Z 20210101000000Z 200601000000Z \
		"$D/client-revoked.crt"
}

# ---------------------------------------------------------------------------
# mismatch: certificate/key pairs that do not belong together
# ---------------------------------------------------------------------------
gen_mismatch() {
	set_dirs mismatch
	std_root mismatch
	server "$D" server "$CA" "$CAK"
	newkey "$D/server.key" rsa # overwrite: the key of another keypair
	client "$D" client "$CA" "$CAK"
	newkey "$D/orphan.key" rsa
}

# ---------------------------------------------------------------------------
# encrypted: passphrase-protected keys (test-pass)
# ---------------------------------------------------------------------------
gen_encrypted() {
	set_dirs encrypted
	std_root encrypted
	run openssl genrsa -aes256 -passout pass:test-pass -out "$D/client-pkcs8.key" 2048
	KEYPASS=test-pass client "$D" client-pkcs8 "$CA" "$CAK"
	newkey "$WORK/legacy-plain.key" rsa
	run openssl rsa -in "$WORK/legacy-plain.key" -aes256 -traditional -passout pass:test-pass \
		-out "$D/client-legacy.key"
	KEYPASS=test-pass client "$D" client-legacy "$CA" "$CAK"
	run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes256 \
		-pass pass:test-pass -out "$D/client-ec-pkcs8.key"
	KEYPASS=test-pass client "$D" client-ec-pkcs8 "$CA" "$CAK" x_client_ec
	printf 'wrong-pass\ntest-pass\n' >"$D/passwords.txt"
	printf 'nope\n' >"$D/wrong.txt"
}


# ---------------------------------------------------------------------------
# ecdsa
# ---------------------------------------------------------------------------
gen_ecdsa() {
	set_dirs ecdsa
	root "$D" ca "$X" "$O/CN=ecdsa root CA" p256
	client "$D" client-p256 "$D/ca.crt" "$X/ca.key" x_client_ec p256
	client "$D" client-p384 "$D/ca.crt" "$X/ca.key" x_client_ec p384
	client "$D" client-p192 "$D/ca.crt" "$X/ca.key" x_client_ec p192
}

# ---------------------------------------------------------------------------
# p12: PKCS#12 bundles (p12-pass); the plain cert/key are in _outside/p12
# ---------------------------------------------------------------------------
gen_p12() {
	set_dirs p12
	std_root p12
	client "$X" client "$CA" "$CAK"
	run openssl pkcs12 -export -in "$X/client.crt" -inkey "$X/client.key" -certfile "$CA" \
		-name client -passout pass:p12-pass -out "$D/client.p12"
	run openssl pkcs12 -export -in "$X/client.crt" -inkey "$X/client.key" -certfile "$CA" \
		-name client -passout pass:p12-pass -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES \
		-macalg sha1 -out "$D/client-legacy.p12"
}

# ---------------------------------------------------------------------------
# untrusted: client from a CA that is not in the set
# ---------------------------------------------------------------------------
gen_untrusted() {
	set_dirs untrusted
	std_root untrusted
	root "$X" foreign-ca "$X" "$O/CN=untrusted foreign CA"
	client "$D" client-foreign "$X/foreign-ca.crt" "$X/foreign-ca.key"
}

# ---------------------------------------------------------------------------
# dup: one certificate stored three times
# ---------------------------------------------------------------------------
gen_dup() {
	set_dirs dup
	std_root dup
	mkdir -p "$D/a" "$D/b"
	client "$D/a" client "$CA" "$CAK"
	mv "$D/a/client.key" "$D/client.key"
	cp "$D/a/client.crt" "$D/b/client-copy.crt"
	run openssl x509 -in "$D/a/client.crt" -outform DER -out "$D/client.der"
}

# ---------------------------------------------------------------------------
# bad: files that are not what their names say
# ---------------------------------------------------------------------------
gen_bad() {
	set_dirs bad
	std_root bad
	pseudo "$D/random.crt" 2048 01
	pseudo "$D/random.key" 1679 02
	pseudo "$D/random.p12" 2573 03
	client "$WORK" truncated "$CA" "$CAK"
	local lines
	lines=$(wc -l <"$WORK/truncated.crt")
	head -n $((lines / 2)) "$WORK/truncated.crt" >"$D/truncated.crt"
	: >"$D/empty.crt"
	cat >"$D/notes.txt" <<'EOF'
Notes about this directory (plain text, not a certificate).
Renew the client certificates before they expire and keep the CA key offline.
EOF
}

# ---------------------------------------------------------------------------
# constraints: an intermediate with nameConstraints, clients inside and outside
# ---------------------------------------------------------------------------
gen_constraints() {
	set_dirs constraints
	std_root constraints
	intermediate constraints int-nc "$CA" "$CAK" x_int_nc
	local I="$D/int-nc.crt" IK="$X/int-nc.key"
	client "$D" client-nc-ok "$I" "$IK" x_client_nc_ok
	client "$D" client-nc-outside "$I" "$IK" x_client_nc_outside
	client "$D" client-nc-excluded "$I" "$IK" x_client_nc_excluded
	client "$D" client-nc-email "$I" "$IK" x_client_nc_email
	# subject outside the permitted directoryName (O=mtlsdoctor test)
	cert "$D/client-nc-dn.crt" "$D/client-nc-dn.key" rsa "/O=other org/CN=client-nc-dn" "$I" "$IK" x_client
	# a common name that looks like a host name, no DNS SAN: checked as DNS
	cert "$D/client-nc-cn.crt" "$D/client-nc-cn.key" rsa "$O/CN=client.other.org" "$I" "$IK" x_client
}

# ---------------------------------------------------------------------------
# serverchain: server chains a client cannot verify, for probe: an
# intermediate not served (with and without AIA), a private root, a
# self-signed leaf, and a root named like a TLS-inspecting proxy's
# (Zscaler's subject, made here: an imitation, not Zscaler's certificate)
# ---------------------------------------------------------------------------
gen_serverchain() {
	set_dirs serverchain
	std_root serverchain
	intermediate serverchain int "$CA" "$CAK"
	server "$D" server-aia "$D/int.crt" "$X/int.key" x_server_aia
	server "$D" server-noaia "$D/int.crt" "$X/int.key"
	server "$D" server-direct "$CA" "$CAK"
	cert "$D/server-selfsigned.crt" "$D/server-selfsigned.key" rsa "$O/CN=localhost" self - x_server
	root "$X" intercept-ca "$X" "/C=US/ST=California/L=San Jose/O=Zscaler Inc./OU=Zscaler Inc./CN=Zscaler Root CA"
	cp "$X/intercept-ca.crt" "$D/intercept-ca.crt"
	server "$D" server-intercepted "$D/intercept-ca.crt" "$X/intercept-ca.key"
	# served with their intermediate, judged by ca.crt: an expired
	# intermediate, one that is not a CA, a SHA-1-signed server certificate
	cert "$D/int-expired.crt" "$X/int-expired.key" rsa "$O/CN=serverchain int-expired" "$CA" "$CAK" x_int \
		20200101000000Z 20210101000000Z
	server "$D" server-via-expired-int "$D/int-expired.crt" "$X/int-expired.key"
	intermediate serverchain int-notca "$CA" "$CAK" x_int_cafalse
	server "$D" server-via-notca "$D/int-notca.crt" "$X/int-notca.key"
	server "$D" server-sha1 "$D/int.crt" "$X/int.key" x_server sha1
	# under int.crt: a CA's keyUsage, an unknown critical extension, and
	# a certificate valid only from 2040
	server "$D" server-kucertsign "$D/int.crt" "$X/int.key" x_server_kucertsign
	server "$D" server-critext "$D/int.crt" "$X/int.key" x_server_critext
	cert "$D/server-notyet.crt" "$D/server-notyet.key" rsa "$O/CN=localhost" "$D/int.crt" "$X/int.key" x_server \
		20400101000000Z "$GOOD_END"
}

# ---------------------------------------------------------------------------
# main: wipe only our own set directories, then build the sets in parallel
# ---------------------------------------------------------------------------
for s in "${SETS[@]}"; do
	rm -rf "${OUT:?}/$s" "${OUT:?}/_outside/$s"
done
pids=()
for s in "${SETS[@]}"; do
	(
		LOG="$WORK/log.$s"
		: >"$LOG"
		"gen_$s"
	) &
	pids+=("$!")
done
fail=0
for i in "${!SETS[@]}"; do
	if ! wait "${pids[$i]}"; then
		echo "gen.sh: set ${SETS[$i]} failed" >&2
		fail=1
	fi
done
[ "$fail" = 0 ] || exit 1
for s in "${SETS[@]}"; do
	if [ -d "$OUT/_outside/$s" ]; then rmdir --ignore-fail-on-non-empty "$OUT/_outside/$s"; fi
done
rmdir --ignore-fail-on-non-empty "$OUT/_outside" 2>/dev/null || true
echo "gen.sh: wrote ${#SETS[@]} sets to $OUT"
