#!/usr/bin/env python3
"""Regenerates the built-in sample inputs in samples/ (deterministic; the output is committed).

samples/self-assessment-demo.csv  every unit x every `self` sub-criterion, plausible scores on the
                                  0.25 step, written the way Vietnamese Excel exports them
                                  (semicolon separator, decimal comma)
samples/members-demo.csv          the 8 demo members, one field each (every appraisable cell once)

The framework is the department (so-nganh) framework; the sample applies it to all 29 units,
including the 10 districts, for simplicity. Illustrative reconstruction, not official data.
"""
import hashlib, json
from decimal import Decimal
from pathlib import Path

root = Path(__file__).resolve().parent.parent
framework = json.loads((root / "samples/framework-so-nganh.json").read_text(encoding="utf-8"), parse_float=Decimal)
units = [line.split(",")[0] for line in (root / "samples/units-dien-bien.csv").read_text(encoding="utf-8").splitlines()[1:] if line]

def draw(*parts):
    return int.from_bytes(hashlib.sha256("/".join(parts).encode()).digest()[:4], "big")

step = Decimal("0.25")
rows = ["unit;code;score;note"]
for u in units:
    strength = draw("unit", u) % 4  # 0 = strong unit … 3 = weaker unit
    for f in framework["fields"]:
        for c in f["criteria"]:
            for s in c["subCriteria"]:
                if s["method"] != "self":
                    continue
                mx = Decimal(s["maxPoints"])
                steps = int(mx / step)
                r = draw(u, s["code"]) % 10
                lost = 0 if r >= strength + 4 else min(max(steps // 2, 1), 1 + (r % 3))
                score = mx - lost * step
                text = format(score.normalize(), "f").replace(".", ",")
                note = "Có tài liệu kiểm chứng kèm theo" if lost == 0 and r == 9 else ""
                rows.append(f"{u};{s['code']};{text};{note}")
(root / "samples/self-assessment-demo.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))

members = ["id,public_key_file,codes,units"]
for i, f in enumerate(framework["fields"], start=1):
    members.append(f"tv-{i:02d},../keys/tv-{i:02d}.pub,{f['code']},")
(root / "samples/members-demo.csv").write_text("\n".join(members) + "\n", encoding="utf-8")
print(f"{len(rows) - 1} self-assessment rows, {len(members) - 1} members")
