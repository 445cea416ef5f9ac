#!/bin/sh
# Rebuilds corpus.json.gz from x509-limbo and BetterTLS at the commits below.
# limbo.json is not fetched ready-made: it is compiled from the limbo sources
# (python -m limbo compile) after BetterTLS's export-tests wrote bettertls.json.
set -eu
LIMBO=8a2e6f41023b1716dc16fe63335e4bb972e4c3f6
BETTERTLS=e1e99e35307478b568b81ee5f8cc2cb4abbce402
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
git clone -q https://github.com/Netflix/bettertls && git -C bettertls checkout -q "$BETTERTLS"
(cd bettertls && go build -o "$work/bettertls-bin" ./test-suites/cmd/bettertls)
git clone -q https://github.com/C2SP/x509-limbo && git -C x509-limbo checkout -q "$LIMBO"
"$work/bettertls-bin" export-tests >x509-limbo/limbo/_assets/bettertls.json
(cd x509-limbo && python3 "$here/compile.py" >"$work/limbo.json")
python3 "$here/convert.py" "$work/limbo.json" "$LIMBO" "$BETTERTLS" | gzip -9 >"$here/corpus.json.gz"
