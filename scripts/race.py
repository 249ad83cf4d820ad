#!/usr/bin/env python3
"""`make race`: two avault commands at once on one round folder (spec §6.1 "Lock").

Prepares a demo round once (the demo keys and samples, `avault demo` for filled worksheets, then
`round init --demo` and `seal` for a fresh round), then runs RACE_TRIALS trials (default 100) of
each pair on a fresh copy of the round, both processes started together:

  receive-receive    receive tv-01..04 r1  ||  receive tv-05..08 r1         (nothing received yet)
  receive-merge      receive tv-08 r1 + tv-01 r2  ||  merge                 (seven received)
  merge-merge        merge  ||  merge                                       (all eight received)
  evidence-merge     receive tv-02 r2 + its evidence tv-02.r2.e1.ave  ||  merge   (all eight)

After each trial it requires: `avault verify --fingerprint` passes; every accepted file
(submission or evidence) is journaled exactly once and is in the folder with its hash; a file
of a refused command is neither; at most one merge succeeded and the journal has at most one
`merge` entry; `results.avl` is the file the manifest lists; every exit status is one the pair
allows (0; 65 `inbox.round-merged` for a receive after the merge; 73 `merge.already-journaled`
for the second merge; 75 `round.locked` when the wait ran out). It prints the trials, the
outcomes and exit statuses seen, how many commands found the lock taken and waited, and the
time, and exits 1 on any failure.

Environment: RACE_TRIALS (default 100), AVAULT_BIN (default .build/debug/avault), RACE_DIR
(scratch, default a temporary folder), RACE_KEEP=1 keeps the scratch folder and failing trials.
Only the standard library is used.
"""
from __future__ import annotations

import collections
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(os.environ.get("AVAULT_BIN", ROOT / ".build/debug/avault")).resolve()
TRIALS = int(os.environ.get("RACE_TRIALS", "100"))
PASSPHRASE = "demo-appraisal-2026"   # keys/README.md: the demo keys' published passphrase
ENV = {"PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "HOME": "/nonexistent"}


def env(state: Path) -> dict:
    """ENV with journal pins (spec §11.1) in `state`: one folder per trial, since every trial
    starts from a copy of the same round and a shared pin would see the copies as rollbacks."""
    return dict(ENV, XDG_STATE_HOME=str(state))
ACCEPTING = {"receive", "supersede", "receive-evidence"}


def run(args, cwd, check=True, state=None):
    p = subprocess.run([str(BIN), *args], cwd=cwd, env=env(state or cwd / "state"), stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    if check and p.returncode != 0:
        sys.exit(f"race: preparing: avault {' '.join(args)} exited {p.returncode}\n{p.stdout}{p.stderr}")
    return p


def header(path: Path, kind: int) -> dict:
    """The JSON header of an AVAULT container (spec §1.1): magic, version, kind, length."""
    data = path.read_bytes()
    assert data[:6] == b"AVAULT" and data[8] == kind, f"{path}: not a container of kind {kind}"
    (length,) = struct.unpack(">I", data[9:13])
    return json.loads(data[13:13 + length])


def file_hash(path: Path) -> str:
    """The file hash the journal records (spec §1.5): of the whole file, except evidence (kind 10),
    whose file hash is over its parts (spec §10.1)."""
    data = path.read_bytes()
    if data[:6] != b"AVAULT" or data[8] != 10:
        return hashlib.blake2b(data, digest_size=32).hexdigest()
    (length,) = struct.unpack(">I", data[9:13])
    preamble, payload, outer = data[:13 + length], data[13 + length:-64], data[-64:]
    b64 = lambda b: hashlib.blake2b(b, digest_size=64).digest()
    domain = lambda purpose: b"AppraisalVault/v1/evidence/" + purpose + b"\0"
    # The payload hash is the tree of spec §5.4: leaves of 16 stored chunks, a root over them and
    # the content length, then the final chunk (81 bytes).
    content, final = payload[:-81], payload[-81:]
    leaf = 16 * (65536 + 17)
    leaves = b"".join(b64(domain(b"leaf") + i.to_bytes(8, "big") + content[o:o + leaf])
                      for i, o in enumerate(range(0, len(content), leaf)))
    cipher_hash = b64(domain(b"cipher-hash") + leaves + len(content).to_bytes(8, "big"))
    payload_hash = b64(domain(b"payload-hash") + cipher_hash + final)
    return hashlib.blake2b(domain(b"file-hash") + b64(preamble) + payload_hash + outer, digest_size=32).hexdigest()


def prepare(w: Path):
    """Demo worksheets, a fresh demo round, its sealed files, and the three starting folders."""
    keys = w / "keys"
    shutil.copytree(ROOT / "keys", keys)
    for k in keys.glob("*.key"):
        k.chmod(0o600)
    pw = w / "pass.txt"
    pw.write_text(PASSPHRASE + "\n")
    pw.chmod(0o600)
    run(["demo", "--dir", str(w / "demo"), "--samples", str(ROOT / "samples"), "--keys", str(keys)], w)
    s = ROOT / "samples"
    base = w / "base"
    # The holders' key ceremony (spec §4): begin, then each holder deals and acknowledges.
    holders = ("chu-tich", "pho-chu-tich", "chanh-vp")
    ceremony = str(w / "ceremony")
    run(["ceremony", "begin", "--ceremony", ceremony, "--holders", ",".join(str(keys / f"{h}.pub") for h in holders),
         "--threshold", "2", "--secretary", str(keys / "thu-ky.pub")], w)
    for step in ("deal", "ack"):
        for h in holders:
            run(["ceremony", step, "--ceremony", ceremony, "--key", str(keys / f"{h}.key"),
                 "--passphrase-file", str(pw)], w)
    # The sample round's two criteria sets (samples/README.md): departments on so, districts on huyen.
    run(["round", "init", "--framework", f"so={s / 'framework-so-nganh.json'}",
         "--framework", f"huyen={s / 'framework-huyen.json'}", "--set-groups", "so=so-nganh",
         "--set-groups", "huyen=huyen", "--units", str(s / "units-dien-bien.csv"),
         "--self-assessment", str(s / "self-assessment-demo.csv"), "--members", str(s / "members-demo.csv"),
         "--ceremony", ceremony, "--title", "Race", "--year", "2025", "--reference", "race", "--demo",
         "--key", str(keys / "thu-ky.key"), "--out", str(base), "--passphrase-file", str(pw)], w)
    out = w / "outbox"
    out.mkdir()
    sheets = w / "demo" / "worksheets"
    for i in range(1, 9):
        run(["seal", str(sheets / f"tv-0{i}.csv"), "--round", str(base / "round.avr"), "--key",
             str(keys / f"tv-0{i}.key"), "--passphrase-file", str(pw), "--revision", "1",
             "-o", str(out / f"tv-0{i}.r1.avs")], w)
    run(["seal", str(sheets / "tv-01.csv"), "--round", str(base / "round.avr"), "--key", str(keys / "tv-01.key"),
         "--passphrase-file", str(pw), "--revision", "2", "-o", str(out / "tv-01.r2.avs")], w)
    attachment = w / "bien-ban.pdf"
    attachment.write_bytes(b"%PDF-1.4 race attachment\n" * 4096)
    run(["seal", str(sheets / "tv-02.csv"), "--round", str(base / "round.avr"), "--key", str(keys / "tv-02.key"),
         "--passphrase-file", str(pw), "--revision", "2", "--attach", str(attachment),
         "-o", str(out / "tv-02.r2.avs")], w)
    assert (out / "tv-02.r2.e1.ave").exists(), "seal --attach wrote no tv-02.r2.e1.ave"
    show = run(["round", "show", str(base)], w).stdout
    fingerprint = next(l.split(":", 1)[1].split()[0] for l in show.splitlines() if l.startswith("Round fingerprint:"))

    def received(name, files):
        folder = w / name
        shutil.copytree(base, folder, symlinks=True)
        receive(folder, files, w, pw, keys, check=True, state=w / f"state-{name}")
        return folder

    r1 = [out / f"tv-0{i}.r1.avs" for i in range(1, 9)]
    return {
        "base": base, "seven": received("seven", r1[:7]), "eight": received("eight", r1),
        "out": out, "pw": pw, "keys": keys, "fingerprint": fingerprint,
    }


def receive_args(folder, files, pw, keys):
    return ["receive", *map(str, files), "--round", str(folder), "--key", str(keys / "thu-ky.key"),
            "--passphrase-file", str(pw)]


def receive(folder, files, cwd, pw, keys, check=False, state=None):
    return run(receive_args(folder, files, pw, keys), cwd, check=check, state=state)


def merge_args(folder, pw, keys):
    return ["merge", "--round", str(folder), "--key", str(keys / "thu-ky.key"), "--passphrase-file", str(pw),
            "--allow-incomplete", "--without-survey"]


def pairs(p):
    out = p["out"]
    return [
        ("receive-receive", p["base"], [("receive", [out / f"tv-0{i}.r1.avs" for i in range(1, 5)]),
                                        ("receive", [out / f"tv-0{i}.r1.avs" for i in range(5, 9)])]),
        ("receive-merge", p["seven"], [("receive", [out / "tv-08.r1.avs", out / "tv-01.r2.avs"]), ("merge", None)]),
        ("merge-merge", p["eight"], [("merge", None), ("merge", None)]),
        ("evidence-merge", p["eight"], [("receive", [out / "tv-02.r2.avs", out / "tv-02.r2.e1.ave"]),
                                        ("merge", None)]),
    ]


def all_files(folder: Path) -> dict[str, str]:
    """hash -> relative path of every submission and evidence file in the round folder."""
    found = {}
    for sub in ("submissions", "superseded", "evidence"):
        d = folder / sub
        if d.is_dir():
            for f in d.iterdir():
                if not f.name.startswith("."):
                    found[file_hash(f)] = f"{sub}/{f.name}"
    return found


def main():
    sys.stdout.reconfigure(line_buffering=True)
    if not BIN.exists():
        sys.exit(f"race: {BIN} not found (swift build --product avault first)")
    scratch = Path(os.environ.get("RACE_DIR") or tempfile.mkdtemp(prefix="avault-race-"))
    scratch.mkdir(parents=True, exist_ok=True)
    keep = os.environ.get("RACE_KEEP") == "1"
    started = time.monotonic()
    p = prepare(scratch / "prep")
    print(f"race: prepared the round in {time.monotonic() - started:.1f} s; {TRIALS} trials per pair")
    failures = 0
    for name, before, commands in pairs(p):
        t0 = time.monotonic()
        outcomes = collections.Counter()
        statuses = collections.Counter()
        bad = 0
        waited = 0
        for i in range(TRIALS):
            t = scratch / f"{name}-{i}"
            shutil.copytree(before, t, symlinks=True)
            argv = [receive_args(t, files, p["pw"], p["keys"]) if kind == "receive" else merge_args(t, p["pw"], p["keys"])
                    for kind, files in commands]
            running = [subprocess.Popen([str(BIN), *a], cwd=scratch, env=env(scratch / f"state-{name}-{i}"),
                                        stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for a in argv]
            results = [(r.wait(), *r.communicate()) for r in running]
            problems = check(t, before, commands, results, p)
            codes = tuple(code for code, _, _ in results)
            waited += sum("Waiting for process" in err for _, _, err in results)
            for (kind, _), code in zip(commands, codes):
                statuses[f"{kind} {code}"] += 1
            outcomes[" ".join(f"{kind}={code}" for (kind, _), code in zip(commands, codes))] += 1
            if problems:
                bad += 1
                print(f"race: {name} trial {i}: FAILED: " + "; ".join(problems))
                for (kind, _), (code, out, err) in zip(commands, results):
                    print(f"  {kind} exited {code}: {err.strip()[:400]}")
            if not (problems and keep):
                shutil.rmtree(t)
                shutil.rmtree(scratch / f"state-{name}-{i}", ignore_errors=True)
        failures += bad
        elapsed = time.monotonic() - t0
        print(f"race: {name}: {TRIALS} trials, {TRIALS - bad} passed, {bad} failed, "
              f"{elapsed:.1f} s ({elapsed / max(TRIALS, 1):.2f} s per trial)")
        print("  outcomes: " + ", ".join(f"{k} ×{v}" for k, v in sorted(outcomes.items())))
        print("  exit statuses: " + ", ".join(f"{k} ×{v}" for k, v in sorted(statuses.items())))
        print(f"  commands that found the lock taken and waited: {waited} of {TRIALS * len(commands)}")
    print(f"race: {'PASSED' if failures == 0 else 'FAILED'}: {4 * TRIALS} trials, {failures} failed, "
          f"{time.monotonic() - started:.1f} s in all")
    if not keep:
        shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(1 if failures else 0)


ALLOWED = {"receive": {0: None, 65: "inbox.round-merged", 75: "round.locked"},
           "merge": {0: None, 73: "merge.already-journaled", 75: "round.locked"}}
MESSAGE = {"inbox.round-merged": "is merged", "merge.already-journaled": "already records a merge",
           "round.locked": "is using this round folder"}


def check(t: Path, before: Path, commands, results, p) -> list[str]:
    problems = []
    for (kind, _), (code, out, err) in zip(commands, results):
        if code not in ALLOWED[kind]:
            problems.append(f"{kind} exited {code}")
        elif ALLOWED[kind][code] and MESSAGE[ALLOWED[kind][code]] not in err:
            problems.append(f"{kind} exited {code} without {ALLOWED[kind][code]}: {err.strip()[:200]}")
    v = subprocess.run([str(BIN), "verify", str(t), "--fingerprint", p["fingerprint"]],
                       env=env(t.parent / f"state-{t.name}"),
                       stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if v.returncode != 0:
        failed = [l for l in v.stdout.splitlines() if l.startswith("✗")]
        problems.append(f"verify exited {v.returncode}: {failed[:3] or v.stderr.strip()[:200]}")
    journal = header(t / "journal.avj", 9)["entries"]
    counted = collections.Counter(e["details"].get("fileHash") for e in journal if e["event"] in ACCEPTING)
    problems += [f"file {h[:16]}… journaled {n} times" for h, n in counted.items() if n != 1]
    found = all_files(t)
    for h, rel in all_files(before).items():
        if h not in found:
            problems.append(f"{rel} (there before) is gone")
    for (kind, files), (code, _, _) in zip(commands, results):
        for f in files or []:
            h = file_hash(f)
            if code == 0 and (h not in found or counted[h] != 1):
                problems.append(f"{f.name}: accepted but {'not in the folder' if h not in found else 'not journaled'}")
            if code != 0 and (h in found or counted[h]):
                problems.append(f"{f.name}: its receive exited {code}, yet the file was taken in")
    merges = [e for e in journal if e["event"] == "merge"]
    merged_ok = sum(1 for (kind, _), (code, _, _) in zip(commands, results) if kind == "merge" and code == 0)
    if len(merges) > 1 or merged_ok > 1 or len(merges) != merged_ok:
        problems.append(f"{len(merges)} merge entries, {merged_ok} merges exited 0")
    if merges:
        manifest = header(t / "manifest.avm", 5)
        if file_hash(t / "results.avl") != manifest["results"]:
            problems.append("results.avl is not the file the manifest lists")
        if merges[0]["details"].get("results") != manifest["results"]:
            problems.append("the journal's merge entry names other results")
    return problems


if __name__ == "__main__":
    main()
