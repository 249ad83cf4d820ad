#!/usr/bin/env python3
"""Regenerates the generated sample inputs in samples/ (deterministic; the output is committed).

samples/self-assessment-demo.csv  every unit x every `self` sub-criterion of the unit's criteria set
                                  (departments: framework-so-nganh.json, districts:
                                  framework-huyen.json), plausible scores on the 0.25 step, written
                                  the way Vietnamese Excel exports them (semicolon, decimal comma)
samples/members-demo.csv          the 8 demo members: codes qualified by set (so:N, huyen:N), two
                                  members who head a department recused from it (own_units), their
                                  fields of those departments given to tv-08;
                                  tv-07 also holds the bonus and penalty items (T1, TR1) of both sets
samples/post-2025/                the same for the post-July-2025 shape: 13 departments and 45
                                  commune-level units (42 xa, 3 phuong) on framework-xa.json

The criteria sets themselves (framework-*.json) are written by hand (reconstructed, see
samples/README.md). Illustrative data, not official.
"""
import hashlib, json
from decimal import Decimal
from pathlib import Path

root = Path(__file__).resolve().parent.parent
samples = root / "samples"
step = Decimal("0.25")


def draw(*parts):
    return int.from_bytes(hashlib.sha256("/".join(parts).encode()).digest()[:4], "big")


def framework(path):
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def units_of(path):
    """(id, group) of each row of a units CSV (id,name,group; names quoted)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line:
            out.append((line.split(",")[0], line.rsplit(",", 1)[1]))
    return out


def self_assessment(units, set_of_group, path):
    rows = ["unit;code;score;note"]
    for u, group in units:
        strength = draw("unit", u) % 4  # 0 = strong unit … 3 = weaker unit
        for f in set_of_group[group]["fields"]:
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
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    return len(rows) - 1


def members(units, other_set, keys, path):
    """Field N of both sets to tv-0N (tv-07 also field 8 and the bonus and penalty items T1, TR1
    of both sets, outside the fields); tv-02 heads Sở Tư pháp and tv-06 Sở Tài
    chính, so both are recused from those two departments and tv-08 appraises fields 2 and 6 there."""
    recused = ["so-tu-phap", "so-tai-chinh"]
    rest = " ".join([u for u, g in units if g == "so-nganh" and u not in recused]
                    + sorted({g for _, g in units if g != "so-nganh"}))
    rows = ["id,public_key_file,codes,units,own_units"]
    for i in range(1, 8):
        extras = f" so:8 {other_set}:8 so:T1 so:TR1 {other_set}:T1 {other_set}:TR1"
        codes = f"so:{i} {other_set}:{i}" + (extras if i == 7 else "")
        limited = i in (2, 6)
        own = {2: "so-tu-phap", 6: "so-tai-chinh"}.get(i, "")
        rows.append(f"tv-{i:02d},{keys}/tv-{i:02d}.pub,{codes},{rest if limited else ''},{own}")
    rows.append(f"tv-08,{keys}/tv-08.pub,so:2 so:6,{' '.join(recused)},")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows) - 1


so = framework(samples / "framework-so-nganh.json")
units = units_of(samples / "units-dien-bien.csv")
n = self_assessment(units, {"so-nganh": so, "huyen": framework(samples / "framework-huyen.json")},
                    samples / "self-assessment-demo.csv")
m = members(units, "huyen", "../keys", samples / "members-demo.csv")
print(f"samples/: {n} self-assessment rows, {m} members")

post = samples / "post-2025"
departments = [
    ("vp-ubnd", "Văn phòng UBND tỉnh"), ("so-noi-vu", "Sở Nội vụ"), ("so-tu-phap", "Sở Tư pháp"),
    ("so-tai-chinh", "Sở Tài chính"), ("so-cong-thuong", "Sở Công Thương"),
    ("so-nn-mt", "Sở Nông nghiệp và Môi trường"), ("so-xay-dung", "Sở Xây dựng"),
    ("so-kh-cn", "Sở Khoa học và Công nghệ"), ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
    ("so-gd-dt", "Sở Giáo dục và Đào tạo"), ("so-y-te", "Sở Y tế"), ("so-dt-tg", "Sở Dân tộc và Tôn giáo"),
    ("thanh-tra", "Thanh tra tỉnh"),
]
communes = [(f"xa-{i:02d}", f"UBND xã Minh Hoạ {i:02d} (tên minh hoạ)") for i in range(1, 43)]
communes += [(f"phuong-{i:02d}", f"UBND phường Minh Hoạ {i:02d} (tên minh hoạ)") for i in range(1, 4)]
lines = ["id,name,group"] + [f'{u},"{name}",so-nganh' for u, name in departments]
lines += [f'{u},"{name}",xa-phuong' for u, name in communes]
(post / "units.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
(post / "groups.csv").write_text('id,name\nxa-phuong,"UBND xã, phường"\n', encoding="utf-8")
units = units_of(post / "units.csv")
n = self_assessment(units, {"so-nganh": so, "xa-phuong": framework(post / "framework-xa.json")},
                    post / "self-assessment.csv")
m = members(units, "xa", "../../keys", post / "members.csv")
print(f"samples/post-2025/: {len(units)} units, {n} self-assessment rows, {m} members")
