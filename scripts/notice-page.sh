#!/usr/bin/env bash
# A unit's notice of its preliminary result (spec §12.3) as PDF and PNG, for `make pages`: the
# sample two-set round with a unit key for Sở Tư pháp, the demo's filled worksheets sealed,
# received, merged preliminarily; the unit opens its notice and writes the printable page, which
# headless Chromium prints. Usage: scripts/notice-page.sh AVAULT OUT_DIR (OUT_DIR must exist).
set -euo pipefail
avault=$1
out=$(cd "$2" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp -r "$repo/samples" "$repo/keys" .
chmod 600 keys/*.key
printf 'demo-appraisal-2026\n' > pass && chmod 600 pass
printf 'đầu mối cải cách hành chính sở tư pháp\n' > unit-pass && chmod 600 unit-pass
export XDG_STATE_HOME="$work/state"
"$avault" demo --dir demo --samples samples --keys keys > /dev/null
"$avault" keygen --id so-tu-phap --name "Đầu mối CCHC Sở Tư pháp" --role unit --out keys \
    --kdf interactive --passphrase-file unit-pass > /dev/null
printf 'unit,public_key_file\nso-tu-phap,keys/so-tu-phap.pub\n' > unit-keys.csv
"$avault" round init --framework so=samples/framework-so-nganh.json \
    --framework huyen=samples/framework-huyen.json --set-groups so=so-nganh --set-groups huyen=huyen \
    --units samples/units-dien-bien.csv --self-assessment samples/self-assessment-demo.csv \
    --members samples/members-demo.csv --ceremony demo/ceremony --unit-keys unit-keys.csv \
    --title "Thẩm định Chỉ số CCHC năm 2025" --year 2025 --reference "Quyết định số 04/QĐ-UBND" \
    --demo --key keys/thu-ky.key --passphrase-file pass --out round > /dev/null
for m in tv-01 tv-02 tv-03 tv-04 tv-05 tv-06 tv-07 tv-08; do
    "$avault" seal "demo/worksheets/$m.csv" --round round --key "keys/$m.key" --passphrase-file pass \
        -o "$m.r1.avs" > /dev/null
done
"$avault" receive tv-0?.r1.avs --round round --key keys/thu-ky.key --passphrase-file pass > /dev/null
"$avault" merge --preliminary --answer-by 2026-01-10 --round round --key keys/thu-ky.key \
    --passphrase-file pass > /dev/null
"$avault" notice open round/notices/so-tu-phap.avn --key keys/so-tu-phap.key --passphrase-file unit-pass \
    --round round --html notice.html > /dev/null
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --no-pdf-header-footer \
    --user-data-dir="$work/profile" --print-to-pdf="$out/notice.pdf" "file://$work/notice.html" 2> /dev/null
pdftoppm -r 100 -png "$out/notice.pdf" "$out/notice"
echo "$out/notice.pdf: $(ls "$out"/notice-*.png | wc -l) pages as PNG in $out/"
