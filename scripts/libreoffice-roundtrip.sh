#!/usr/bin/env bash
# The LibreOffice round trip of an XLSX worksheet (README, "Spreadsheets"): the demo round, tv-08's
# worksheet written as XLSX, filled (scripts/fill-xlsx-worksheet.py), saved by headless LibreOffice
# Calc as .xlsx and as .csv (one conversion each), then both sealed; the results workbook
# (report --format xlsx) converted to CSV shows two-decimal numbers. Run by .ci/run and
# `make libreoffice-roundtrip`; needs `soffice` (Debian: libreoffice-calc-nogui).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
avault="${AVAULT:-$root/.build/debug/avault}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$avault" demo --dir d --samples "$root/samples" --keys "$root/keys" > demo.log
install -m 600 "$root/keys/tv-08.key" tv-08.key
printf 'demo-appraisal-2026' > pass
chmod 600 pass
"$avault" worksheet --round d/round --member tv-08 -o tv-08.xlsx
python3 "$root/scripts/fill-xlsx-worksheet.py" tv-08.xlsx filled.xlsx
export HOME="$work"  # LibreOffice's profile goes here, not into the runner's home
soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir lo filled.xlsx > /dev/null
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir lo filled.xlsx > /dev/null
fp="$("$avault" round show d/round | sed -n 's/.*Round fingerprint[^A-Z0-9]*\([A-Z0-9-]*\).*/\1/p' | tail -1)"
for f in lo/filled.xlsx lo/filled.csv; do
    "$avault" seal "$f" --round d/round --key tv-08.key --passphrase-file pass --fingerprint "$fp" \
        -o "$(basename "$f").avs"
done
# A changed fixed cell in LibreOffice's file is refused, naming the cell.
python3 - <<'PY'
import zipfile
src = zipfile.ZipFile("lo/filled.xlsx")
parts = {n: src.read(n) for n in src.namelist()}
s = parts["xl/worksheets/sheet1.xml"].decode()
i = s.index('<c r="E8"')
j = s.index("<v>", i) + 3
parts["xl/worksheets/sheet1.xml"] = (s[:j] + "9" + s[s.index("</v>", j):]).encode()
with zipfile.ZipFile("changed.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in parts.items():
        z.writestr(n, d)
PY
if "$avault" seal changed.xlsx --round d/round --key tv-08.key --passphrase-file pass -o changed.avs 2> err.txt; then
    echo "libreoffice-roundtrip: a changed maximum was sealed" >&2
    exit 1
fi
grep -q 'changed.xlsx!E8' err.txt || { cat err.txt >&2; exit 1; }
# The results workbook (report --format xlsx) opens in LibreOffice: its first sheet as CSV shows
# the scores as numbers with two decimals (number format 0.00, "as shown").
"$avault" report --round d/round --format xlsx -o report.xlsx
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir lo report.xlsx > /dev/null
grep -Eq '^1,[^,]*,[^,]*,[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2},' lo/report.csv ||
    { echo "libreoffice-roundtrip: report.xlsx did not read back as two-decimal numbers" >&2; head -4 lo/report.csv >&2; exit 1; }
echo "libreoffice-roundtrip: LibreOffice's .xlsx and .csv sealed; a changed fixed cell refused; report.xlsx read"
