#!/usr/bin/env bash
# The demo round on the built-in sample. Grows with each step of the round that exists.
set -euo pipefail
dir=${1:-demo-round}
bin=.build/debug/avault
chmod 600 keys/*.key
rm -rf "$dir"
mkdir -p "$dir"
echo "== Demo identities (keys/, passphrase in keys/README.md) =="
for f in keys/*.pub; do "$bin" key show "$f" | sed -n '1p;4p' | paste -sd' ' -; done
echo
echo "Demo round output folder: $dir"
