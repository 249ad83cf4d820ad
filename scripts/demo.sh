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

# The demo keys' passphrase is public (keys/README.md); real rounds prompt on the terminal.
pass=$(mktemp)
trap 'rm -f "$pass"' EXIT
chmod 600 "$pass"
printf 'demo-appraisal-2026\n' > "$pass"

echo "== Round set-up (secretary thu-ky): samples/ — illustrative reconstruction, not official data =="
"$bin" round init --demo \
    --framework samples/framework-so-nganh.json \
    --units samples/units-dien-bien.csv \
    --self-assessment samples/self-assessment-demo.csv \
    --members samples/members-demo.csv \
    --holders "$(cat samples/holders-demo.txt)" --threshold 2 \
    --title "Thẩm định Chỉ số CCHC năm 2025 (vòng demo)" --year 2025 \
    --reference "Quyết định số 04/QĐ-UBND (minh hoạ)" \
    --key keys/thu-ky.key --passphrase-file "$pass" \
    --out "$dir/round"
echo
echo "== round show =="
"$bin" round show "$dir/round"
echo
echo "== Worksheets for the 8 members =="
mkdir -p "$dir/worksheets"
for i in 01 02 03 04 05 06 07 08; do
    "$bin" worksheet --round "$dir/round" --member "tv-$i" -o "$dir/worksheets/tv-$i.csv"
done
echo
echo "Demo round output folder: $dir"
