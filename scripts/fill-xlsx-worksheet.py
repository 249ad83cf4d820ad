#!/usr/bin/env python3
"""Fill an XLSX worksheet written by `avault worksheet` as a member would: every appraised score
set to the sub-criterion's maximum, every reason "Đủ hồ sơ minh chứng". Used by
scripts/libreoffice-roundtrip.sh (the LibreOffice round trip in CI) only.

Usage: fill-xlsx-worksheet.py IN.xlsx OUT.xlsx
"""
import re
import sys
import zipfile

src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z:
    parts = {n: z.read(n) for n in z.namelist()}
sheet = parts["xl/worksheets/sheet1.xml"].decode()
maxima = {int(r): v for r, v in re.findall(r'<c r="E(\d+)"[^>]*><v>([^<]+)</v></c>', sheet)}
for row, value in maxima.items():
    if row <= 7:
        continue
    sheet = re.sub(rf'<c r="G{row}" s="(\d+)"/>', rf'<c r="G{row}" s="\1"><v>{value}</v></c>', sheet)
    sheet = re.sub(
        rf'<c r="H{row}" s="(\d+)"/>',
        rf'<c r="H{row}" s="\1" t="inlineStr"><is><t>Đủ hồ sơ minh chứng</t></is></c>',
        sheet,
    )
parts["xl/worksheets/sheet1.xml"] = sheet.encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
