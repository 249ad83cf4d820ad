#!/usr/bin/env python3
"""Run `avault verify --json` and the independent verifier on one round folder and compare.

Agreement (required): the same set of check ids, the same status per check id
(aggregated: fail if any finding of that id fails, else pass if any passes, else warn if any warns, else not-yet),
the same top-level `passed` and the same exit code.
Per-finding differences (id, subject, status) are printed as notes; --strict makes them errors.
Differences in failing message ids are only printed (the spec does not list the verify.* ids).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_BIN = REPO / ".build" / "debug" / "avault"


def aggregate(doc):
    agg = {}
    for c in doc["checks"]:
        s = c["status"]
        cur = agg.get(c["id"])
        if cur == "fail" or s == "fail":
            agg[c["id"]] = "fail"
        elif cur == "pass" or s == "pass":
            agg[c["id"]] = "pass"
        elif cur == "warn" or s == "warn":
            agg[c["id"]] = "warn"
        else:
            agg[c["id"]] = "not-yet"
    return agg


def run_both(folder, binary=DEFAULT_BIN, fingerprint=None, receipts=None):
    extra = (["--fingerprint", fingerprint] if fingerprint else []) + (["--receipts", str(receipts)] if receipts else [])
    b = subprocess.run([str(binary), "verify", "--json", *extra, str(folder)], capture_output=True,
                       env={"LANG": "C", "PATH": "/usr/bin:/bin"})
    p = subprocess.run([sys.executable, str(HERE / "avverify.py"), "round", str(folder), "--json", *extra],
                       capture_output=True)
    return (b.returncode, json.loads(b.stdout) if b.stdout.strip() else None,
            p.returncode, json.loads(p.stdout) if p.stdout.strip() else None, b.stderr, p.stderr)


def compare(folder, binary=DEFAULT_BIN, fingerprint=None, strict=False, receipts=None):
    brc, bdoc, prc, pdoc, berr, perr = run_both(folder, binary, fingerprint, receipts)
    errors, notes = [], []
    if brc != prc:
        errors.append(f"exit code: avault {brc}, pyverify {prc}")
    if bdoc is None or pdoc is None:
        if bdoc is not pdoc:
            errors.append(f"only one produced JSON (avault stderr {berr[:200]!r}, py stderr {perr[:200]!r})")
        return not errors, errors, notes, bdoc, pdoc
    if bdoc["passed"] != pdoc["passed"]:
        errors.append(f"passed: avault {bdoc['passed']}, pyverify {pdoc['passed']}")
    if bdoc.get("anchor") != pdoc.get("anchor"):
        errors.append(f"anchor: avault {bdoc.get('anchor')}, pyverify {pdoc.get('anchor')}")
    if bdoc.get("round") != pdoc.get("round"):
        errors.append(f"round: avault {bdoc.get('round')}, pyverify {pdoc.get('round')}")
    ba, pa = aggregate(bdoc), aggregate(pdoc)
    for cid in sorted(set(ba) | set(pa)):
        if ba.get(cid) != pa.get(cid):
            errors.append(f"{cid}: avault {ba.get(cid, 'absent')}, pyverify {pa.get(cid, 'absent')}")
    bf = Counter((c["id"], c["subject"], c["status"]) for c in bdoc["checks"])
    pf = Counter((c["id"], c["subject"], c["status"]) for c in pdoc["checks"])
    for k in sorted((bf - pf).keys()):
        notes.append(f"only avault:   {k}")
    for k in sorted((pf - bf).keys()):
        notes.append(f"only pyverify: {k}")
    bm = sorted((c["id"], c["message"]) for c in bdoc["checks"] if c["status"] == "fail")
    pm = sorted((c["id"], c["message"]) for c in pdoc["checks"] if c["status"] == "fail")
    if strict:
        errors += notes
    if bm != pm:   # verify.* message ids are not in the spec (FINDINGS F7): informational only
        notes.append(f"failing message ids differ: avault {bm} / pyverify {pm}")
    return not errors, errors, notes, bdoc, pdoc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--bin", default=str(DEFAULT_BIN))
    ap.add_argument("--fingerprint")
    ap.add_argument("--strict", action="store_true", help="also require per-finding agreement")
    a = ap.parse_args()
    ok, errors, notes, bdoc, _ = compare(a.folder, a.bin, a.fingerprint, a.strict)
    for n in notes:
        print("note:", n)
    for e in errors:
        print("DISAGREE:", e)
    n = len(bdoc["checks"]) if bdoc else 0
    print(f"{'AGREE' if ok else 'DISAGREE'}: {a.folder} ({n} avault checks, passed={bdoc and bdoc['passed']})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
