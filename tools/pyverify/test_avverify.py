"""Tests for the independent verifier (spec §9, vectors §1.7). Run: python3 -m pytest -q tools/pyverify

(a) every committed vector in Tests/Vectors gives its expect: outcome;
(b) a fresh demo round built by the binary: both verifiers agree (also per finding);
(c) tampered copies of that round: both verifiers fail the same check ids (and agree per finding);
(c') a round after its preliminary merge (notices, check 14b) and its tampered copies, the same way.

Needs .build/debug/avault (swift build). PYVERIFY_ALL_CASES=1 runs every tamper case (~52)
instead of the CI subset; AVAULT overrides the binary.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

import avverify  # noqa: E402
from compare import compare  # noqa: E402
from tamper_cases import CASES, NOTICE_CASES, VALID, VALID_NOTICE, flip, make_case, make_notice_case  # noqa: E402

BIN = Path(os.environ.get("AVAULT", REPO / ".build" / "debug" / "avault"))
CI_CASES = [
    "pristine", "flip-submission-middle", "truncate-submission", "remove-submission",
    "extra-file-in-submissions", "swap-submission-names", "flip-journal-entry", "remove-journal",
    "flip-manifest", "remove-manifest", "flip-results", "unmerged-unreleased", "remove-one-approval-and-token",
    "duplicate-approval", "flip-approval", "forged-partial", "flip-round",
    "resigned-journal-drop-receive", "resigned-manifest-gaps", "flip-receipt", "remove-receipt",
    "forged-results-cell-score", "forged-results-appraiser",
    "forged-results-bonus-over-cap", "forged-results-bonus-no-reason", "forged-results-signed-cell-dropped",
    "forged-results-history-text", "forged-results-history-member", "forged-results-history-dropped",
    "forged-results-history-final", "forged-results-history-order", "forged-results-history-dispute-as-exception",
    "forged-results-cell-over-max",
]
SELECTED = list(CASES) if os.environ.get("PYVERIFY_ALL_CASES") else CI_CASES
VECTORS = sorted((REPO / "Tests" / "Vectors").rglob("*.vec"))


# ---- (a) vectors
@pytest.mark.parametrize("vec", VECTORS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_vector(vec):
    ok, expect, got = avverify.run_vector(vec)
    assert ok, f"{vec}: expect {expect}, got {got}"


def test_vectors_present():
    assert len(VECTORS) >= 19


def test_evidence_hash_vectors_cover_leaf_boundaries():
    """The `evidence-hash` vectors (§5.4) sit at the leaf boundaries, and a leaf index written
    little-endian, a leaf one chunk short or the leaves in reverse order would not match them."""
    from avformat import EVIDENCE_LEAF, b2b, domain
    L = EVIDENCE_LEAF
    assert L == 1048848
    vecs = [avverify.parse_vector(p.read_bytes()) for p in VECTORS if p.parent.name == "evidence-hash"]
    assert sorted(int(h["content-length"]) for h, _ in vecs) == [0, 1, L - 1, L, L + 1, 2 * L, 2 * L + 1]

    def root(content, leaf, order, le):
        offs = list(range(0, len(content), leaf))
        leaves = [b2b(domain("evidence", "leaf") + i.to_bytes(8, "little" if le else "big")
                      + content[o:o + leaf], 64) for i, o in enumerate(offs)]
        leaves = leaves[::order]
        return b2b(domain("evidence", "cipher-hash") + b"".join(leaves) + len(content).to_bytes(8, "big"), 64)

    caught = {"little-endian": False, "short-leaf": False, "reversed": False}
    for h, _ in vecs:
        content = avverify.evidence_hash_content(h["content-rule"], int(h["content-length"]))
        assert root(content, L, 1, False).hex() == h["cipher-hash"]
        caught["little-endian"] |= root(content, L, 1, True).hex() != h["cipher-hash"]
        caught["short-leaf"] |= root(content, L - 65553, 1, False).hex() != h["cipher-hash"]
        caught["reversed"] |= root(content, L, -1, False).hex() != h["cipher-hash"]
    assert all(caught.values()), caught


# ---- (b), (c) demo round
@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    if not BIN.exists():
        pytest.fail(f"{BIN} missing: run `swift build` first")
    d = tmp_path_factory.mktemp("demo") / "demo"
    # journal pins (spec §11.1) of the demo go to a scratch folder, never to the real home
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path_factory.mktemp("state")))
    subprocess.run([str(BIN), "demo", "--dir", str(d), "--samples", str(REPO / "samples"),
                    "--keys", str(REPO / "keys")], check=True, capture_output=True, cwd=REPO, env=env)
    return d / "round"


@pytest.fixture(scope="module")
def tampered(demo, tmp_path_factory):
    base = tmp_path_factory.mktemp("cases")
    # the structural cases re-sign with the public demo secretary key: unlock it once, serially
    folders = {n: make_case(demo, base / n, n) for n in SELECTED}
    with ThreadPoolExecutor(max_workers=4) as ex:
        results = dict(zip(folders, ex.map(lambda n: compare(folders[n], BIN, strict=True), folders)))
    yield results
    shutil.rmtree(base, ignore_errors=True)


def test_demo_round_agrees_and_passes(demo):
    ok, errors, notes, bdoc, pdoc = compare(demo, BIN, strict=True)
    assert ok, errors
    assert bdoc["passed"] and pdoc["passed"]
    ids = {c["id"] for c in pdoc["checks"]}
    assert {"token.verify", "results.open", "results.appraisers"} <= ids


def test_unanchored_exit_status(demo):
    """§9.5: every check passes without an anchor: both exit 2 and say anchor "none"."""
    ok, errors, _, bdoc, pdoc = compare(demo, BIN, strict=True)
    assert ok, errors
    assert bdoc["anchor"] == pdoc["anchor"] == "none"
    r = subprocess.run([sys.executable, str(HERE / "avverify.py"), "round", str(demo)], capture_output=True)
    assert r.returncode == 2 and b"NOT ANCHORED" in r.stdout


def test_receipts_folder_checked(demo, tmp_path):
    """§11.5: --receipts DIR; a receipt the journal does not hold fails journal.receipts in both."""
    stick = tmp_path / "stick"
    stick.mkdir()
    for p in sorted((demo / "receipts").iterdir()):
        shutil.copy(p, stick / p.name)
    ok, errors, _, bdoc, pdoc = compare(demo, BIN, strict=True, receipts=stick)
    assert ok and bdoc["passed"], errors
    # a receipt of another position: entry number changed (the signature then fails first)
    from tamper_cases import flip
    flip(sorted(stick.iterdir())[0], 60)
    ok, errors, _, bdoc, pdoc = compare(demo, BIN, strict=True, receipts=stick)
    assert ok, errors
    assert [c["id"] for c in pdoc["checks"] if c["status"] == "fail"] == ["journal.receipts"]


def test_demo_round_with_fingerprint(demo):
    fp = avverify.Round((demo / "round.avr").read_bytes()).fingerprint
    assert compare(demo, BIN, fingerprint=fp.lower().replace("-", " "), strict=True)[0]
    ok, errors, _, bdoc, pdoc = compare(demo, BIN, fingerprint="A" * 24, strict=True)
    assert ok, errors
    assert not bdoc["passed"] and not pdoc["passed"]


def test_decrypt_submission(demo, tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("demo-appraisal-2026\n")
    sub = sorted((demo / "submissions").iterdir())[0]
    r = subprocess.run([sys.executable, str(HERE / "avverify.py"), "decrypt", str(sub), "--key",
                        str(REPO / "keys" / "thu-ky.key"), "--passphrase-file", str(pw)], capture_output=True)
    assert r.returncode == 0, r.stderr
    assert b'"member":"' + sub.name.split(".")[0].encode() + b'"' in r.stdout
    r = subprocess.run([sys.executable, str(HERE / "avverify.py"), "decrypt", str(sub), "--key",
                        str(REPO / "keys" / "tv-02.key"), "--passphrase-file", str(pw)], capture_output=True)
    assert r.returncode == 1 and b"envelope.not-for-you" in r.stderr


@pytest.mark.parametrize("name", SELECTED)
def test_tampered_copy_agrees(tampered, name):
    ok, errors, notes, bdoc, pdoc = tampered[name]
    assert ok, f"{name}: {errors}"
    fails = sorted({c["id"] for c in pdoc["checks"] if c["status"] == "fail"})
    if name in VALID:
        assert not fails
    else:
        assert fails, f"{name}: tampering not detected"


# ---- (c') a round with notices (§12.3, check 14b)
@pytest.fixture(scope="module")
def notice_round(demo, tmp_path_factory):
    """The demo's inputs as a new round with unit keys for vp-ubnd and so-noi-vu (made by
    `keygen --role unit`), the demo's filled worksheets sealed and received, then
    `merge --preliminary`: two notices, 27 units without a key. All through the binary."""
    t = tmp_path_factory.mktemp("notices")
    keys = t / "keys"
    shutil.copytree(REPO / "keys", keys)
    for k in keys.glob("*.key"):
        k.chmod(0o600)
    pw, upw = t / "pass", t / "unit-pass"
    pw.write_text("demo-appraisal-2026\n")
    upw.write_text("đơn vị thử nghiệm một hai\n")
    pw.chmod(0o600)
    upw.chmod(0o600)
    env = dict(os.environ, XDG_STATE_HOME=str(t / "state"))

    def run(*args):
        r = subprocess.run([str(BIN), *map(str, args)], capture_output=True, cwd=t, env=env)
        assert r.returncode == 0, (args, r.stderr)

    for unit in ("vp-ubnd", "so-noi-vu"):
        for ext in (".key", ".pub"):   # the demo's own unit key, replaced by a fresh one here
            (keys / f"{unit}{ext}").unlink(missing_ok=True)
        run("keygen", "--id", unit, "--name", f"Đầu mối {unit}", "--role", "unit", "--out", keys,
            "--kdf", "interactive", "--passphrase-file", upw)
    (t / "unit-keys.csv").write_text("unit,public_key_file\nvp-ubnd,keys/vp-ubnd.pub\nso-noi-vu,keys/so-noi-vu.pub\n")
    s, d = REPO / "samples", demo.parent
    run("round", "init", "--framework", f"so={s / 'framework-so-nganh.json'}",
        "--framework", f"huyen={s / 'framework-huyen.json'}", "--set-groups", "so=so-nganh",
        "--set-groups", "huyen=huyen", "--units", s / "units-dien-bien.csv",
        "--self-assessment", s / "self-assessment-demo.csv", "--members", s / "members-demo.csv",
        "--ceremony", d / "ceremony", "--title", "Vòng giải trình", "--year", "2025", "--demo",
        "--key", keys / "thu-ky.key", "--passphrase-file", pw, "--out", t / "round", "--unit-keys", "unit-keys.csv")
    sealed = []
    for sheet in sorted((d / "worksheets").glob("tv-*.csv")):
        out = t / f"{sheet.stem}.r1.avs"
        run("seal", sheet, "--round", t / "round", "--key", keys / f"{sheet.stem}.key", "--passphrase-file", pw,
            "-o", out)
        sealed.append(out)
    run("receive", *sealed, "--round", t / "round", "--key", keys / "thu-ky.key", "--passphrase-file", pw)
    run("merge", "--preliminary", "--answer-by", "2026-02-01", "--round", t / "round", "--key", keys / "thu-ky.key",
        "--passphrase-file", pw)
    return t / "round"


def test_notice_round_agrees_and_passes(notice_round):
    ok, errors, notes, bdoc, pdoc = compare(notice_round, BIN, strict=True)
    assert ok, errors
    assert bdoc["passed"] and pdoc["passed"]
    found = [(c["status"], c["message"]) for c in pdoc["checks"] if c["id"] == "notice.files"]
    assert found == [("pass", "verify.notices-ok")]


# the failing message id each notice case must give, in both verifiers
NOTICE_MESSAGES = {
    "flip-notice": "envelope.bad-signature", "flip-notice-signature": "envelope.bad-signature",
    "truncate-notice": "envelope.bad-signature",
    "remove-notice": "verify.notice-missing", "stray-file-in-notices": "verify.notice-stray-file",
    "swap-notice-names": "verify.notice-stray-file", "notice-other-round": "notice.wrong-round",
    "notice-not-secretary": "notice.not-secretary", "notice-sealed-to-other-unit": "notice.wrong-recipient",
    "notices-unjournaled": "verify.notices-unjournaled", "resigned-two-preliminaries": "verify.preliminary-twice",
    "resigned-preliminary-no-deadline": "verify.journal-entry-malformed",
    "resigned-preliminary-units": "verify.notice-units", "resigned-preliminary-hash": "verify.notice-hash",
}


@pytest.mark.parametrize("name", sorted(NOTICE_CASES))
def test_notice_case_agrees(notice_round, tmp_path, name):
    folder = make_notice_case(notice_round, tmp_path / name, name)
    ok, errors, notes, bdoc, pdoc = compare(folder, BIN, strict=True)
    assert ok, f"{name}: {errors}"
    for doc in (bdoc, pdoc):
        fails = [(c["id"], c["message"]) for c in doc["checks"] if c["status"] == "fail"]
        if name in VALID_NOTICE:
            assert not fails, fails
        else:
            assert ("notice.files", NOTICE_MESSAGES[name]) in fails, fails
    if name == "notices-before-preliminary":
        assert [c["status"] for c in pdoc["checks"] if c["id"] == "notice.files"] == ["not-yet"]


# ---- (c'') the notice round after vp-ubnd explained (check 14c), and its tampered copies
@pytest.fixture(scope="module")
def explanation_round(notice_round, tmp_path_factory):
    """A copy of the notice round in which vp-ubnd opened its notice, disagreed with one cell with
    an explanation and one evidence file (`explain --attach`), and the secretary received both
    (late: the deadline was 2026-02-01). All through the binary."""
    import csv
    import io
    t = tmp_path_factory.mktemp("explained")
    shutil.copytree(notice_round, t / "round")
    keys = notice_round.parent / "keys"
    pw, upw = notice_round.parent / "pass", notice_round.parent / "unit-pass"
    env = dict(os.environ, XDG_STATE_HOME=str(t / "state"))

    def run(*args):
        r = subprocess.run([str(BIN), *map(str, args)], capture_output=True, cwd=t, env=env)
        assert r.returncode == 0, (args, r.stderr)

    run("notice", "open", t / "round/notices/vp-ubnd.avn", "--key", keys / "vp-ubnd.key", "--passphrase-file", upw,
        "--round", t / "round", "--sheet", t / "answer.csv", "--csv-dialect", "standard")
    rows = list(csv.reader(io.StringIO((t / "answer.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows[1:] if r[6] not in ("", "0"))   # a contested cell with a difference
    row[8:11] = ["không đồng ý", "Đơn vị đã nộp đủ hồ sơ", "bien-ban.txt"]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    (t / "answer.csv").write_text(out.getvalue(), encoding="utf-8-sig")
    (t / "bien-ban.txt").write_text("Biên bản bổ sung hồ sơ\n")
    run("explain", t / "answer.csv", "--round", t / "round", "--key", keys / "vp-ubnd.key", "--passphrase-file", upw,
        "--attach", t / "bien-ban.txt", "-o", t / "vp-ubnd.r1.avx")
    run("receive", t / "vp-ubnd.r1.avx", t / "vp-ubnd.r1.e1.ave", "--round", t / "round", "--key",
        keys / "thu-ky.key", "--passphrase-file", pw)
    return t / "round"


EXPLANATION_CASES = {
    "flip-explanation": (lambda r: flip(r / "explanations/vp-ubnd.r1.avx", -1), "envelope.bad-signature"),
    "flip-explanation-evidence": (lambda r: flip(r / "explanations/vp-ubnd.r1.e1.ave", -1),
                                  "envelope.bad-signature"),
    "remove-explanation": (lambda r: (r / "explanations/vp-ubnd.r1.avx").unlink(), "verify.explanation-missing"),
    "remove-explanation-evidence": (lambda r: (r / "explanations/vp-ubnd.r1.e1.ave").unlink(),
                                    "verify.explanation-evidence-missing"),
    "stray-file-in-explanations": (lambda r: (r / "explanations/so-noi-vu.r1.avx").write_bytes(
        (r / "explanations/vp-ubnd.r1.avx").read_bytes()), "verify.explanation-stray-file"),
}


def test_explanation_round_agrees_and_passes(explanation_round):
    ok, errors, notes, bdoc, pdoc = compare(explanation_round, BIN, strict=True)
    assert ok, errors
    assert bdoc["passed"] and pdoc["passed"]
    for doc in (bdoc, pdoc):
        found = [(c["status"], c["message"]) for c in doc["checks"] if c["id"] == "explanation.files"]
        assert found == [("pass", "verify.explanations-ok")], found


@pytest.mark.parametrize("name", sorted(EXPLANATION_CASES))
def test_explanation_case_agrees(explanation_round, tmp_path, name):
    folder = tmp_path / name
    shutil.copytree(explanation_round, folder)
    edit, message = EXPLANATION_CASES[name]
    edit(folder)
    ok, errors, notes, bdoc, pdoc = compare(folder, BIN, strict=True)
    assert ok, f"{name}: {errors}"
    for doc in (bdoc, pdoc):
        fails = [(c["id"], c["message"]) for c in doc["checks"] if c["status"] == "fail"]
        assert ("explanation.files", message) in fails, fails


# ---- (c-4) the explanation round after `explanations forward` (check 14d), and its tampered copies
@pytest.fixture(scope="module")
def forward_round(notice_round, explanation_round, tmp_path_factory):
    """A copy of the explanation round after the secretary forwarded vp-ubnd's explanation
    (`explanations forward`, through the binary): one .avf and one evidence copy."""
    t = tmp_path_factory.mktemp("forwarded")
    shutil.copytree(explanation_round, t / "round")
    keys, pw = notice_round.parent / "keys", notice_round.parent / "pass"
    env = dict(os.environ, XDG_STATE_HOME=str(t / "state"))
    r = subprocess.run([str(BIN), "explanations", "forward", "--round", str(t / "round"), "--key",
                        str(keys / "thu-ky.key"), "--passphrase-file", str(pw)], capture_output=True, cwd=t, env=env)
    assert r.returncode == 0, r.stderr
    return t / "round"


def _forwarded(r, suffix):
    return next(p for p in sorted((r / "forwarded").iterdir()) if p.name.endswith(suffix))


FORWARD_CASES = {
    "flip-forwarded": (lambda r: flip(_forwarded(r, ".avf"), -1), "envelope.bad-signature"),
    "flip-forwarded-evidence": (lambda r: flip(_forwarded(r, ".ave"), -1), "envelope.bad-signature"),
    "remove-forwarded": (lambda r: _forwarded(r, ".avf").unlink(), "verify.forward-missing"),
    "stray-file-in-forwarded": (lambda r: (r / "forwarded/x.vp-ubnd.r1.avf").write_bytes(
        _forwarded(r, ".avf").read_bytes()), "verify.forward-stray-file"),
}


def test_forward_round_agrees_and_passes(forward_round):
    ok, errors, notes, bdoc, pdoc = compare(forward_round, BIN, strict=True)
    assert ok, errors
    assert bdoc["passed"] and pdoc["passed"]
    for doc in (bdoc, pdoc):
        found = [(c["status"], c["message"]) for c in doc["checks"] if c["id"] == "forward.files"]
        assert found == [("pass", "verify.forwards-ok")], found


@pytest.mark.parametrize("name", sorted(FORWARD_CASES))
def test_forward_case_agrees(forward_round, tmp_path, name):
    folder = tmp_path / name
    shutil.copytree(forward_round, folder)
    edit, message = FORWARD_CASES[name]
    edit(folder)
    ok, errors, notes, bdoc, pdoc = compare(folder, BIN, strict=True)
    assert ok, f"{name}: {errors}"
    for doc in (bdoc, pdoc):
        fails = [(c["id"], c["message"]) for c in doc["checks"] if c["status"] == "fail"]
        assert ("forward.files", message) in fails, fails


# ---- (c-5) the forward round after the member answered (check 14e), and its tampered copies
@pytest.fixture(scope="module")
def second_round(notice_round, forward_round, tmp_path_factory):
    """A copy of the forward round in which the member the explanation was forwarded to wrote the
    second-round sheet (`worksheet --second`), kept the score with a reason (`seal --second`), and
    the secretary received it. All through the binary."""
    import csv
    import io
    t = tmp_path_factory.mktemp("second")
    shutil.copytree(forward_round, t / "round")
    keys, pw = notice_round.parent / "keys", notice_round.parent / "pass"
    env = dict(os.environ, XDG_STATE_HOME=str(t / "state"))

    def run(*args):
        r = subprocess.run([str(BIN), *map(str, args)], capture_output=True, cwd=t, env=env)
        assert r.returncode == 0, (args, r.stderr)

    avf = _forwarded(t / "round", ".avf")
    member = avf.name.split(".")[0]
    key = keys / f"{member}.key"
    run("worksheet", "--second", "--round", t / "round", "--forwarded", avf, "--key", key, "--passphrase-file", pw,
        "-o", t / "second.csv", "--csv-dialect", "standard")
    rows = list(csv.reader(io.StringIO((t / "second.csv").read_text(encoding="utf-8-sig"))))
    for row in rows[1:]:
        row[10:13] = ["giữ", "", "Giữ nguyên: hồ sơ bổ sung sau hạn"]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    (t / "second.csv").write_text(out.getvalue(), encoding="utf-8-sig")
    run("seal", "--second", t / "second.csv", "--round", t / "round", "--key", key, "--passphrase-file", pw,
        "--forwarded", avf, "-o", t / f"{member}.r1.av2")
    run("receive", t / f"{member}.r1.av2", "--round", t / "round", "--key", keys / "thu-ky.key",
        "--passphrase-file", pw)
    return t / "round"


def _second(r):
    return next(p for p in sorted((r / "second").iterdir()) if p.name.endswith(".av2"))


SECOND_CASES = {
    "flip-second": (lambda r: flip(_second(r), -1), "envelope.bad-signature"),
    "remove-second": (lambda r: _second(r).unlink(), "verify.second-missing"),
    "stray-file-in-second": (lambda r: (r / "second/x.r1.av2").write_bytes(_second(r).read_bytes()),
                             "verify.second-stray-file"),
    "renamed-second": (lambda r: _second(r).rename(_second(r).with_name(_second(r).name.replace(".r1.", ".r2."))),
                       "verify.second-stray-file"),
}


def test_second_round_agrees_and_passes(second_round):
    ok, errors, notes, bdoc, pdoc = compare(second_round, BIN, strict=True)
    assert ok, errors
    assert bdoc["passed"] and pdoc["passed"]
    for doc in (bdoc, pdoc):
        found = [(c["status"], c["message"]) for c in doc["checks"] if c["id"] == "second.files"]
        assert found == [("pass", "verify.second-ok")], found


@pytest.mark.parametrize("name", sorted(SECOND_CASES))
def test_second_case_agrees(second_round, tmp_path, name):
    folder = tmp_path / name
    shutil.copytree(second_round, folder)
    edit, message = SECOND_CASES[name]
    edit(folder)
    ok, errors, notes, bdoc, pdoc = compare(folder, BIN, strict=True)
    assert ok, f"{name}: {errors}"
    for doc in (bdoc, pdoc):
        fails = [(c["id"], c["message"]) for c in doc["checks"] if c["status"] == "fail"]
        assert ("second.files", message) in fails, fails


# ---- (d) text rules (§1.3) and the single-holder warning (§9.2 check 2a)
def test_text_rules():
    import unicodedata
    from avformat import is_blank, text_problem
    for s in ("", " ", "\u00a0\u00a0", "\u3000", "\u200b", "\ufeff", " \t\n", "\u00ad"):
        assert is_blank(s), repr(s)
    for s in ("a", "\u00a0x", "\u3000Lý do"):
        assert not is_blank(s), repr(s)
    # The fixed list is Unicode 16.0's; this Python's (older) Cf and its spaces are all in it.
    for c in map(chr, range(0x110000)):
        if unicodedata.category(c) in ("Cf", "Zs", "Zl", "Zp"):
            assert is_blank(c), f"U+{ord(c):04X}"
    assert text_problem("bien-ban\u202efdp.exe") == "bidirectional control"
    assert text_problem("a\tb") == "control character" and text_problem("a\tb\nc", one_line=False) is None
    assert text_problem("a\r\nb", one_line=False) == "control character"
    assert text_problem("esc\x1b[0m", one_line=False) == "control character"
    assert text_problem("Nguyễn Thị Lan\u200d") is None


def test_blank_invisible_and_unicode_warning(capsys):
    from avformat import is_blank, unicode_version_warning
    for s in ("\u3164", "\u2800", "\u115f\u1160", "\uffa0", "\u034f", "\ufe0f", "\U000e0100", "\u180b"):
        assert is_blank(s), repr(s)
    for s in ("\u2801", "a\ufe0f", "\u3165"):
        assert not is_blank(s), repr(s)
    assert unicode_version_warning("14.0.0") is not None and "15.0" in unicode_version_warning("14.0.0")
    assert unicode_version_warning("15.0.0") is None and unicode_version_warning("16.0.0") is None


def test_results_reason_null_rejected():
    """§6.4: `reason` and `appraiser` are strings, never null (as the Swift reader requires)."""
    import copy
    from avformat import AVError, canonical
    from avverify import parse_results
    cell = {"code": "1.1.1", "method": "self", "max": "1", "self": "1", "appraised": "1", "reason": "",
            "appraiser": "tv-01"}
    unit = {"unit": "u1", "group": "g", "label": "Tốt", "rank": 1, "self": "1", "appraised": "1", "max": "1",
            "bonus": "0", "penalty": "0", "final": "1", "percent": "100", "fields": [], "criteria": [],
            "cells": [cell]}
    good = {"explanations": [], "history": [], "round": "00" * 32, "second": [], "submissions": [], "survey": None, "surveyAvailable": False, "units": [unit]}
    parse_results(canonical(good))
    for key in ("reason", "appraiser"):
        bad = copy.deepcopy(good)
        bad["units"][0]["cells"][0][key] = None
        with pytest.raises(AVError):
            parse_results(canonical(bad))


def test_results_reasons_not_self_assessed():
    """§3.5, check 22: a `self` cell with `"self": null` (not self-assessed) and a score needs a
    reason whatever the score; a council cell with `"self": null` does not."""
    from types import SimpleNamespace
    from avverify import Report, check_results_reasons

    def reasons(method, reason):
        cell = {"code": "1.1.1", "method": method, "max": "1", "self": None, "appraised": "1", "reason": reason,
                "appraiser": "tv-01"}
        rep = Report()
        check_results_reasons(rep, SimpleNamespace(results={"units": [{"unit": "u1", "cells": [cell]}]}))
        return [c["status"] for c in rep.checks]

    assert reasons("self", "") == ["fail"]
    assert reasons("self", "\u00a0") == ["fail"]
    assert reasons("self", "Chấm theo hồ sơ") == ["pass"]
    assert reasons("council", "") == ["pass"]


def test_single_holder_round_warns(tmp_path):
    keys = tmp_path / "keys"
    shutil.copytree(REPO / "keys", keys)
    for k in keys.glob("*.key"):
        k.chmod(0o600)
    pw = tmp_path / "pass"
    pw.write_text("demo-appraisal-2026\n")
    pw.chmod(0o600)
    s = REPO / "samples"
    # A 1-of-3 key ceremony through the binary (spec §4.1): begin, then each holder deals and acknowledges.
    holders = ("chu-tich", "pho-chu-tich", "chanh-vp")
    c = str(tmp_path / "ceremony")
    steps = [["ceremony", "begin", "--ceremony", c, "--holders", ",".join(str(keys / f"{h}.pub") for h in holders),
              "--threshold", "1", "--secretary", str(keys / "thu-ky.pub")]]
    for cmd in ("deal", "ack"):
        steps += [["ceremony", cmd, "--ceremony", c, "--key", str(keys / f"{h}.key"), "--passphrase-file", str(pw)]
                  for h in holders]
    for step in steps:
        r = subprocess.run([str(BIN)] + step, capture_output=True, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    # The sample round's two criteria sets (samples/README.md): departments on so, districts on huyen.
    args = [str(BIN), "round", "init", "--framework", f"so={s / 'framework-so-nganh.json'}",
            "--framework", f"huyen={s / 'framework-huyen.json'}", "--set-groups", "so=so-nganh",
            "--set-groups", "huyen=huyen", "--units", str(s / "units-dien-bien.csv"), "--self-assessment", str(s / "self-assessment-demo.csv"),
            "--members", str(s / "members-demo.csv"),
            "--ceremony", c, "--title", "Một người giữ khoá", "--year", "2025", "--demo",
            "--key", str(keys / "thu-ky.key"), "--passphrase-file", str(pw), "--out", str(tmp_path / "round")]
    r = subprocess.run(args + ["--single-holder"], capture_output=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    ok, errors, _, bdoc, pdoc = compare(tmp_path / "round", BIN, strict=True)
    assert ok, errors
    for doc in (bdoc, pdoc):
        assert doc["passed"]
        assert [c["status"] for c in doc["checks"] if c["id"] == "round.threshold"] == ["warn"]


def test_member_code_coverage_bonus_exact():
    """§3.4: a tree code assigns the sub-criteria under it; a bonus or penalty code only itself,
    even when another item's code extends it with a dot (`T`, `T.1`)."""
    import avround
    st = {"appraisable": [{"code": c} for c in ("1.1.1", "1.1.2", "1.2.1", "T", "T.1", "TR1")]}
    assert [s["code"] for s in avround.covered(st, "1.1")] == ["1.1.1", "1.1.2"]
    assert [s["code"] for s in avround.covered(st, "T")] == ["T"]
    assert [s["code"] for s in avround.covered(st, "T.1")] == ["T.1"]


def test_dropped_signed_cell_fails_both(tampered):
    """§9.2 check 13 and §9.3 check 24: a signed cell left out of the results and declared a gap
    (allowIncomplete, no missing member) fails coverage and results.signed, in both verifiers."""
    ok, errors, _, bdoc, pdoc = tampered["forged-results-signed-cell-dropped"]
    assert ok, errors
    for doc in (bdoc, pdoc):
        failing = {c["id"] for c in doc["checks"] if c["status"] == "fail"}
        assert {"manifest.coverage", "results.signed"} <= failing, failing
