#!/usr/bin/env python3
"""avverify: an independent AppraisalVault verifier written from docs/spec only.

  avverify.py round ROUND [--fingerprint FP] [--receipts DIR] [--json]
                                                           spec §9 (exit 0 pass, 1 fail, 2 passed but
                                                           not anchored, 64, 66)
  avverify.py vector FILE                                  one test vector (§1.7)
  avverify.py vectors DIR                                  every *.vec under DIR
  avverify.py decrypt FILE --key K --passphrase-file P     open a submission or evidence envelope
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from avformat import (AVError, Envelope, KIND_BY_NAME, b2b, canonical, dec_str, domain, ed25519_verify, f_dec,  # noqa: E402
                      evidence_cipher_hash, evidence_leaf_hashes, evidence_payload_hash, f_hex, f_ident,
                      f_int, f_str, f_ts, fail, fields, file_hash, hdr, identity_fingerprint, is_blank,
                      normalize_fingerprint, parse_canonical, parse_key_file, passphrase_from_file,
                      read_public_identity, unicode_version_warning, unlock_key_file)
from avround import (TOKEN_MAX, Approval, Checkpoint, Journal, Manifest, Receipt, Round,  # noqa: E402
                     on_step, verify_token)

ROUND_CAP = 256 * 1024 * 1024 + 4096
SUB_CAP = 256 * 1024 * 1024
NAME_RE = re.compile(r"([a-z0-9][a-z0-9._-]{0,63})\.r([1-9][0-9]{0,6})\.avs")
CAP = 5


def read_capped(path: Path, cap: int) -> bytes:
    with open(path, "rb") as f:
        data = f.read(cap + 1)
    if len(data) > cap:
        fail("file.too-large", str(path))
    return data


class Report:
    def __init__(self):
        self.checks = []
        self._fails = {}

    def add(self, cid, status, subject, message, detail=""):
        if status == "fail":
            n = self._fails.get(cid, 0) + 1
            self._fails[cid] = n
            if n > CAP:
                return   # summarised by more()
        self.checks.append({"id": cid, "status": status, "subject": subject, "message": message,
                            "detail": detail, "passed": status != "fail"})

    def more(self, cid, subject):
        n = self._fails.get(cid, 0)
        if n > CAP:
            self.checks.append({"id": cid, "status": "fail", "subject": subject,
                                "message": "verify.more-problems", "detail": f"{n - CAP} more",
                                "passed": False})

    @property
    def passed(self):
        return all(c["status"] != "fail" for c in self.checks)


# ---------------------------------------------------------------- §9.2 / §9.3
#
# One function per check of §9.2 and §9.3, named after its id and called in the order of the
# tables (`verify_round`). A check reads what earlier checks found from the `Folder` and adds its
# findings to the `Report`; a finding that a file cannot be read or parsed is a failed check,
# never an exception out of `verify_round` (§9.1).

# What a check catches around reading and parsing a file: a rejection with a message id
# (`AVError`, from avformat/avround) or a file that cannot be read (`OSError`). Anything else is a
# bug of this verifier and propagates.
CHECK_ERRORS = (AVError, OSError)


def _err(e: AVError | OSError):
    """The finding's (message id, detail) for an exception in CHECK_ERRORS."""
    if isinstance(e, AVError):
        return e.msg_id, str(e)
    if isinstance(e, FileNotFoundError):
        return "file.not-found", str(e)
    return "file.unreadable", str(e)


def _listdir(p: Path):
    if not p.is_dir():
        return []
    return sorted(os.listdir(p))


class Folder:
    """A round folder (§6.1) and what the checks found so far, for the checks after them."""

    def __init__(self, root: Path, fingerprint: str | None, receipts: Path | None = None):
        self.root = root
        self.fingerprint = fingerprint
        self.receipts = receipts  # --receipts DIR (§11.5), besides ROUND/receipts/
        self.round_hex = None     # file hash of round.avr once read (the report's `round`)
        self.rnd = None           # Round, when check 1 passed
        self.journal = None       # Journal, when it parsed and its entries are well formed
        self.entries = None       # its entries, as read
        self.files = []           # (folder, name) of every entry of submissions/, superseded/
        self.found = {}           # relpath -> (member, revision) of the well named ones (check 6)
        self.envs = {}            # relpath -> Envelope whose outer signature verified (check 7)
        self.man = None           # Manifest, when it parsed (check 10)
        self.man_hash = None
        self.results_data = None  # results.avl, when it is a file
        self.results_hash = None
        self.renv = None          # locked-results Envelope, when check 15b passed
        self.partials = None      # the token's partials [(x, D_x)], when check 18 passed
        self.valid_approvals = []  # (relpath, Approval, holder) that passed check 16
        self.results = None       # results plaintext, when check 19 passed

    @property
    def round_hash(self) -> bytes:
        return self.rnd.file_hash

    @property
    def merged(self) -> bool:
        return self.man is not None


def verify_round(root: Path, fingerprint: str | None, receipts: Path | None = None):
    rep = Report()
    f = Folder(root, fingerprint, receipts)
    if check_round_signature(rep, f):
        for check in ROUND_CHECKS:
            check(rep, f)
        if f.partials is not None and f.renv is not None and f.man is not None:
            if check_results_open(rep, f) and check_results_totals(rep, f):
                for check in RELEASED_CHECKS:
                    check(rep, f)
    anchored = any(c["id"] == "round.fingerprint" and c["status"] == "pass" for c in rep.checks)
    return rep, {"round": f.round_hex, "anchor": "fingerprint" if anchored else "none"}


def check_round_signature(rep: Report, f: Folder) -> bool:
    """1 `round.signature`: read, parse, signature, re-validation. False: stop (§9.2)."""
    try:
        data = read_capped(f.root / "round.avr", ROUND_CAP)
        f.round_hex = file_hash(data).hex()
        f.rnd = Round(data)
    except CHECK_ERRORS as e:
        rep.add("round.signature", "fail", "round.avr", *_err(e))
        return False
    rep.add("round.signature", "pass", "round.avr", "verify.round-ok", "signed by " + f.rnd.secretary["id"])
    return True


def check_round_ceremony(rep: Report, f: Folder):
    """1a `round.ceremony`: the key ceremony embedded in the release section, judged again (§4.5)
    when the round was read: one pass, then one (passed) finding per excluded holder."""
    c = f.rnd.ceremony
    rep.add("round.ceremony", "pass", "round.avr", "verify.ceremony-ok",
            f"{len(c.qualified)} of {c.plan.n} qualified; joint key {c.joint_key.hex()[:16]}")
    for x, code in c.excluded:
        rep.add("round.ceremony", "pass", "round.avr", code, c.plan.holders[x - 1]["id"])


def check_round_threshold(rep: Report, f: Folder):
    """2a `round.threshold`: a `warn` finding when t = 1 (one holder alone opens the results);
    omitted otherwise."""
    if f.rnd.threshold == 1:
        rep.add("round.threshold", "warn", "round.avr", "verify.single-holder",
                f"threshold 1 of {len(f.rnd.holders)}")


def check_round_unit_keys(rep: Report, f: Folder):
    """2b `round.unit-keys` (§12.1): only when the round lists unit keys: one pass with the count,
    then a `warn` naming the units without a key (they get no notice)."""
    keys = f.rnd.unit_keys
    if not keys:
        return
    rep.add("round.unit-keys", "pass", "round.avr", "verify.unit-keys", f"{len(keys)} of {len(f.rnd.units)} units")
    without = [u["id"] for u in f.rnd.units if f.rnd.unit_key(u["id"]) is None]
    if without:
        rep.add("round.unit-keys", "warn", "round.avr", "verify.units-without-key", ", ".join(without))


def check_round_fingerprint(rep: Report, f: Folder):
    """2 `round.fingerprint`: the fingerprint given, if any, is the round's."""
    fp = f.rnd.fingerprint
    if f.fingerprint is None:
        rep.add("round.fingerprint", "not-yet", "round.avr", "verify.fingerprint-not-given", fp)
    elif f.fingerprint == fp:
        rep.add("round.fingerprint", "pass", "round.avr", "verify.fingerprint-ok", fp)
    else:
        rep.add("round.fingerprint", "fail", "round.avr", "verify.fingerprint-mismatch",
                f"given {f.fingerprint}, round {fp}")


def check_journal_signature(rep: Report, f: Folder):
    """3 `journal.signature`: the container parses and the secretary signed it. A journal that does
    not parse leaves `f.journal` None: checks 4, 5 and 9 are omitted (FINDINGS F4)."""
    try:
        f.journal = Journal(read_capped(f.root / "journal.avj", SUB_CAP))
        if f.journal.signed_by(f.rnd.sec_sign):
            rep.add("journal.signature", "pass", "journal.avj", "verify.journal-signed")
        else:
            rep.add("journal.signature", "fail", "journal.avj", "journal.bad-signature")
    except CHECK_ERRORS as e:
        rep.add("journal.signature", "fail", "journal.avj", *_err(e))


def check_journal_chain(rep: Report, f: Folder):
    """4 `journal.chain`: header and entries well formed (else `format.header`, and the journal
    counts as unusable for 5, 9 and 14), then seq, prev and head."""
    if f.journal is None:
        return
    try:
        f.entries = f.journal.parse_entries()
    except AVError as e:
        rep.add("journal.chain", "fail", "journal.avj", e.msg_id, e.detail)
        f.journal = None
        return
    probs = f.journal.chain_problems()
    if probs:
        rep.add("journal.chain", "fail", "journal.avj", "journal.broken-chain", "; ".join(probs))
    else:
        rep.add("journal.chain", "pass", "journal.avj", "verify.journal-chain")


def check_journal_round(rep: Report, f: Folder):
    """5 `journal.round`: bound to this round, entry 1 is its `round-init`."""
    if f.entries is None:
        return
    rh = f.round_hash.hex()
    e1 = f.entries[0] if f.entries else None
    ok = (f.journal.h["round"] == rh and e1 is not None and e1["event"] == "round-init"
          and e1["details"].get("roundDefinition") == rh)
    rep.add("journal.round", "pass" if ok else "fail", "journal.avj",
            "verify.journal-round" if ok else "journal.wrong-round")


def check_journal_pin(rep: Report, f: Folder):
    """5a `journal.pin` (§11.5): this verifier keeps no pins, so always not yet."""
    rep.add("journal.pin", "not-yet", "journal.avj", "verify.pin-none")


def check_journal_receipts(rep: Report, f: Folder):
    """5b `journal.receipts` (§11.3, §11.5): every file of receipts/ and every `.avc` of --receipts."""
    files = [(f.root / "receipts" / n, "receipts/" + n) for n in _listdir(f.root / "receipts")
             if not n.startswith(".")]
    if f.receipts is not None:
        files += [(f.receipts / n, str(f.receipts / n)) for n in _listdir(f.receipts)
                  if n.endswith(".avc") and not n.startswith(".")]
    if not files:
        rep.add("journal.receipts", "not-yet", "receipts", "verify.receipts-none")
        return
    bad = 0
    for path, name in files:
        try:
            r = Receipt(read_capped(path, 4097))
            r.verify(f.rnd.sec_sign, f.round_hash)
            r.check(f.entries or [])
        except CHECK_ERRORS as e:
            bad += 1
            rep.add("journal.receipts", "fail", name, *_err(e))
    rep.more("journal.receipts", "receipts")
    if not bad:
        rep.add("journal.receipts", "pass", "receipts", "verify.receipts-ok", f"{len(files)} receipts")


def check_journal_checkpoints(rep: Report, f: Folder):
    """5c `journal.checkpoints` (§11.4, §11.5): every file of checkpoints/."""
    names = [n for n in _listdir(f.root / "checkpoints") if not n.startswith(".")]
    if not names:
        rep.add("journal.checkpoints", "not-yet", "checkpoints", "verify.checkpoints-none")
        return
    bad = 0
    for n in names:
        try:
            c = Checkpoint(read_capped(f.root / "checkpoints" / n, 4097))
            c.verify(f.rnd, f.round_hash)
            c.check(f.entries or [])
        except CHECK_ERRORS as e:
            bad += 1
            rep.add("journal.checkpoints", "fail", "checkpoints/" + n, *_err(e))
    rep.more("journal.checkpoints", "checkpoints")
    if not bad:
        rep.add("journal.checkpoints", "pass", "checkpoints", "verify.checkpoints-ok", f"{len(names)} checkpoints")


def check_submission_names(rep: Report, f: Folder):
    """6 `submission.name`: `M.rN.avs`, at most one live file per member."""
    f.files = [("submissions", n) for n in _listdir(f.root / "submissions")] + \
              [("superseded", n) for n in _listdir(f.root / "superseded")]
    if not f.files:
        rep.add("submission.name", "not-yet", "submissions", "verify.no-submissions")
    live_members = {}
    for folder, n in f.files:
        rel = f"{folder}/{n}"
        m = NAME_RE.fullmatch(n)
        if m and int(m.group(2)) <= 1000000 and (f.root / rel).is_file():
            mem, rev = m.group(1), int(m.group(2))
            if folder == "submissions" and mem in live_members:
                rep.add("submission.name", "fail", rel, "verify.two-live",
                        f"{mem} already has {live_members[mem]}")
            else:
                rep.add("submission.name", "pass", rel, "verify.name-ok")
            if folder == "submissions":
                live_members.setdefault(mem, rel)
            f.found[rel] = (mem, rev)
        else:
            rep.add("submission.name", "fail", rel, "verify.bad-name")
    rep.more("submission.name", "submissions")


def check_submission_signatures(rep: Report, f: Folder):
    """7 `submission.signature`: every entry, whatever check 6 said; outer signature only."""
    for folder, n in f.files:
        rel = f"{folder}/{n}"
        try:
            env = Envelope(read_capped(f.root / rel, SUB_CAP), KIND_BY_NAME["submission"])
            env.verify_outer()
        except CHECK_ERRORS as e:
            rep.add("submission.signature", "fail", rel, *_err(e))
            continue
        f.envs[rel] = env
        rep.add("submission.signature", "pass", rel, "verify.submission-signed")
    rep.more("submission.signature", "submissions")


def _binding_problem(f: Folder, rel: str, h: dict):
    """The message id of the first §6.2 step 3-7 rule the header breaks, or None."""
    mem = f.rnd.member_by_id.get(h["sender"])
    ctx = h["context"]
    if h["round"] != f.round_hash.hex():
        return "inbox.wrong-round"
    if bytes.fromhex(h["recipient"]) != f.rnd.sec_enc:
        return "inbox.wrong-recipient"
    if mem is None:
        return "inbox.not-member"
    if mem["identity"]["signingKey"] != h["senderSigningKey"]:
        return "inbox.key-mismatch"
    if not (isinstance(ctx, dict) and set(ctx) == {"revision"} and isinstance(ctx["revision"], int)
            and not isinstance(ctx["revision"], bool) and 1 <= ctx["revision"] <= 1000000):
        return "format.header"
    if f.found.get(rel) != (h["sender"], ctx["revision"]):
        return "verify.name-mismatch"
    return None


def check_submission_bindings(rep: Report, f: Folder):
    """8 `submission.binding`: each file whose signature verified is bound to this round, the
    secretary, its member and the revision and member in its name."""
    for folder, n in f.files:
        rel = f"{folder}/{n}"
        env = f.envs.get(rel)
        if env is None:
            continue
        prob = _binding_problem(f, rel, env.header)
        rep.add("submission.binding", "fail" if prob else "pass", rel, prob or "verify.submission-bound")
    rep.more("submission.binding", "submissions")


def _replay_journal(entries):
    """Replays the `receive`/`supersede` entries (check 9): member -> [(revision, fileHash)] in
    order, the last one live, and the problems found on the way as (subject, detail)."""
    state = {}
    probs = []
    for e in entries:
        ev, d = e["event"], e["details"]
        if ev not in ("receive", "supersede"):
            continue
        keys = {"fileHash", "member", "revision"} | ({"supersedes"} if ev == "supersede" else set())
        try:
            hdr(set(d) == keys, f"entry {e['seq']}", "details incomplete")
            f_hex(d["fileHash"], "fileHash", 32)
            f_ident(d["member"], "member")
            f_int(d["revision"], "revision", 1, 1000000)
            if ev == "supersede":
                f_int(d["supersedes"], "supersedes", 1, 1000000)
        except AVError as err:
            probs.append(("journal.avj", f"entry {e['seq']}: {err.detail}"))
            continue
        hist = state.get(d["member"])
        if ev == "receive":
            if hist:
                probs.append(("journal.avj", f"entry {e['seq']}: receive for {d['member']} who has a live file"))
                continue
            state[d["member"]] = [(d["revision"], d["fileHash"])]
        else:
            if not hist or hist[-1][0] != d["supersedes"] or d["revision"] <= hist[-1][0]:
                probs.append(("journal.avj", f"entry {e['seq']}: supersede does not follow"))
                continue
            hist.append((d["revision"], d["fileHash"]))
    return state, probs


def check_journal_files(rep: Report, f: Folder):
    """9 `journal.files`: the replayed journal gives exactly the files of submissions/ and
    superseded/, with their hashes. Omitted when the journal is unusable (FINDINGS F4)."""
    if f.entries is None:
        return
    state, probs = _replay_journal(f.entries)
    expected = {}
    for mem, hist in state.items():
        for i, (rev, h) in enumerate(hist):
            folder = "submissions" if i == len(hist) - 1 else "superseded"
            expected[f"{folder}/{mem}.r{rev}.avs"] = h
    present = {f"{a}/{b}" for a, b in f.files}
    for rel, h in sorted(expected.items()):
        p = f.root / rel
        if rel not in present or not p.is_file():
            probs.append((rel, "journaled but missing"))
        elif file_hash(p.read_bytes()).hex() != h:
            probs.append((rel, "hash differs from the journal"))
    for rel in sorted(present - set(expected)):
        probs.append((rel, "not journaled"))
    for subj, d in probs:
        rep.add("journal.files", "fail", subj, "verify.journal-files", d)
    rep.more("journal.files", "journal.avj")
    if not probs:
        rep.add("journal.files", "pass", "journal.avj", "verify.journal-files-ok")


def check_manifest_signature(rep: Report, f: Folder):
    """10 `manifest.signature`: parses strictly and the secretary signed it; `not-yet` when absent.
    Also reads results.avl for checks 15a-18."""
    results_path = f.root / "results.avl"
    f.results_data = results_path.read_bytes() if results_path.is_file() else None
    f.results_hash = file_hash(f.results_data) if f.results_data is not None else None
    if not (f.root / "manifest.avm").exists():
        rep.add("manifest.signature", "not-yet", "manifest.avm", "verify.no-manifest")
        return
    try:
        mdata = (f.root / "manifest.avm").read_bytes()
        f.man_hash = file_hash(mdata)
        f.man = Manifest(mdata)
        if f.man.signed_by(f.rnd.sec_sign):
            rep.add("manifest.signature", "pass", "manifest.avm", "verify.manifest-signed")
        else:
            rep.add("manifest.signature", "fail", "manifest.avm", "manifest.bad-signature")
    except CHECK_ERRORS as e:
        rep.add("manifest.signature", "fail", "manifest.avm", *_err(e))


def check_manifest_round(rep: Report, f: Folder):
    """11 `manifest.round`: the manifest is this round's. Checks 11-14 need a parsed manifest."""
    if f.man is None:
        return
    rep.add("manifest.round", "pass" if f.man.h["round"] == f.round_hash.hex() else "fail", "manifest.avm",
            "verify.manifest-round")


def check_manifest_submissions(rep: Report, f: Folder):
    """12 `manifest.submissions`: submissions/ holds exactly the listed files with their hashes."""
    if f.man is None:
        return
    listed = {f"submissions/{s['member']}.r{s['revision']}.avs": s["fileHash"] for s in f.man.h["submissions"]}
    present = {f"submissions/{n}" for n in _listdir(f.root / "submissions")}
    probs = []
    for rel, fh in sorted(listed.items()):
        if rel not in present:
            probs.append((rel, "listed but missing"))
        elif file_hash((f.root / rel).read_bytes()).hex() != fh:
            probs.append((rel, "changed"))
    for rel in sorted(present - set(listed)):
        probs.append((rel, "not listed"))
    for s, d in probs:
        rep.add("manifest.submissions", "fail", s, "verify.manifest-submissions", d)
    rep.more("manifest.submissions", "manifest.avm")
    if not probs:
        rep.add("manifest.submissions", "pass", "manifest.avm", "verify.manifest-submissions-ok")


def check_manifest_coverage(rep: Report, f: Folder):
    """13 `manifest.coverage`: the coverage figures agree with the round and with each other;
    `allowIncomplete` iff gaps or conflicts (FINDINGS F14)."""
    if f.man is None:
        return
    h, rnd = f.man.h, f.rnd
    c = h["coverage"]
    listed_members = [s["member"] for s in h["submissions"]]
    all_members = [m["identity"]["id"] for m in rnd.members]
    missing = sorted((m for m in all_members if m not in listed_members), key=lambda x: x.encode())
    incomplete = c["gaps"] > 0 or c["conflicts"] > 0
    # A merge refuses unassigned and missing rows (§6.5): the only gaps are the cells of the
    # members who did not submit, and there are no conflicts.
    missing_cells = sum(1 for who in rnd.assign.values() if who in missing)
    ok = (c["conflicts"] == 0 and c["gaps"] == missing_cells and c["appraisable"] == rnd.appraisable and c["appraised"] <= c["appraisable"]
          and c["missingMembers"] == missing and all(m in rnd.member_by_id for m in listed_members)
          and h["allowIncomplete"] == incomplete
          and (h["allowIncomplete"] or (c["gaps"] == 0 and c["conflicts"] == 0
                                        and c["appraised"] == c["appraisable"])))
    rep.add("manifest.coverage", "pass" if ok else "fail", "manifest.avm",
            "verify.coverage-ok" if ok else "verify.coverage-inconsistent")


def _merge_entry_problem(f: Folder) -> str:
    """Why the journal's merge entry does not match the manifest (check 14), or ""."""
    if f.journal is None:
        return "no journal"
    h = f.man.h
    es = f.journal.entries
    merges = [i for i, e in enumerate(es) if isinstance(e, dict) and e.get("event") == "merge"]
    if len(merges) != 1:
        return f"{len(merges)} merge entries"
    i = merges[0]
    e = es[i]
    want = {"manifest": f.man_hash.hex(), "results": h["results"], "submissions": len(h["submissions"])}
    prelim = [x for x in es[:i] if isinstance(x, dict) and x.get("event") == "preliminary"]
    # §12.7: a round with unit keys merged without its explanation round says so; the allowed
    # exceptions are copied from the manifest.
    if f.rnd.unit_keys and not prelim:
        want["explanation"] = "skipped"
    if f.man.exceptions:
        want["exceptions"] = [f"{x['unit']}/{x['code']}" for x in f.man.exceptions]
    if e.get("details") != want:
        return "merge details differ"
    if prelim and prelim[0].get("details", {}).get("submissions") != h["submissions"]:
        return "the merged submissions are not the preliminary merge's (verify.merged-not-preliminary)"
    live_ex = _live(es[:i], "receive-explanation", "unit") if prelim else {}
    live_2 = _live(es[:i], "receive-second", "member")
    if ({x["unit"]: (x["revision"], x["fileHash"]) for x in f.man.explanations} != live_ex
            or {x["member"]: (x["revision"], x["fileHash"]) for x in f.man.second} != live_2):
        return "the explanations or second-round files listed are not the live ones (verify.merged-not-live-explanation-round)"
    if e.get("prev") != h["journalHead"]:
        return "journalHead is not the merge entry's prev"
    before = [(x.get("details", {}).get("member"), x.get("details", {}).get("revision"),
               x.get("details", {}).get("fileHash"))
              for x in es[:i] if isinstance(x, dict) and x.get("event") in ("receive", "supersede")]
    for s in h["submissions"]:
        if (s["member"], s["revision"], s["fileHash"]) not in before:
            return f"{s['member']} r{s['revision']} not journaled before the merge"
    return ""


def _live(entries, event, sender):
    """The highest revision of each sender's entries of `event`: sender -> (revision, fileHash)."""
    live = {}
    for x in entries:
        d = x.get("details") if isinstance(x, dict) else None
        if x.get("event") != event or not isinstance(d, dict):
            continue
        who, r = d.get(sender), d.get("revision")
        if isinstance(who, str) and isinstance(r, int) and r > live.get(who, (0, ""))[0]:
            live[who] = (r, d.get("fileHash"))
    return live


def check_manifest_journal(rep: Report, f: Folder):
    """14 `manifest.journal`: exactly one merge entry, matching the manifest."""
    if f.man is None:
        return
    why = _merge_entry_problem(f)
    rep.add("manifest.journal", "fail" if why else "pass", "manifest.avm",
            "verify.manifest-journal" if why else "verify.manifest-journal-ok", why)


def check_results_hash(rep: Report, f: Folder):
    """15a `results.hash`: results.avl hashes to the manifest's `results`; omitted when neither
    exists (FINDINGS F13)."""
    if f.man is None and not (f.root / "manifest.avm").exists():
        if f.results_data is not None:
            rep.add("results.hash", "fail", "results.avl", "verify.results-without-manifest")
    elif f.results_data is None:
        rep.add("results.hash", "fail", "results.avl", "verify.results-missing")
    elif f.man is None:
        rep.add("results.hash", "fail", "results.avl", "verify.manifest-unusable")
    elif f.results_hash.hex() == f.man.h["results"]:
        rep.add("results.hash", "pass", "results.avl", "verify.results-hash-ok")
    else:
        rep.add("results.hash", "fail", "results.avl", "verify.results-hash-mismatch")


def check_results_envelope(rep: Report, f: Folder):
    """15b `results.envelope`: §8.7 steps 1-5 with public data, when results.avl was read."""
    if f.results_data is None:
        return
    rnd = f.rnd
    try:
        renv = Envelope(f.results_data, KIND_BY_NAME["locked-results"])
        renv.verify_outer()
        h = renv.header
        if h["round"] != f.round_hash.hex():
            fail("results.wrong-round")
        if h["sender"] != rnd.secretary["id"] or bytes.fromhex(h["senderSigningKey"]) != rnd.sec_sign:
            fail("results.wrong-sender")
        if bytes.fromhex(h["recipient"]) != rnd.joint_key:
            fail("results.wrong-recipient")
        hdr(h["context"] == {}, "header.context", "not {}")
    except CHECK_ERRORS as e:
        rep.add("results.envelope", "fail", "results.avl", *_err(e))
        return
    f.renv = renv
    rep.add("results.envelope", "pass", "results.avl", "verify.results-envelope-ok")


def check_approvals(rep: Report, f: Folder):
    """16 `approval.verify`: every entry of approvals/ against hashes computed from the files;
    before the merge every entry fails."""
    for n in _listdir(f.root / "approvals"):
        rel = f"approvals/{n}"
        try:
            if not f.merged:
                fail("verify.approval-before-merge")
            ap = Approval(read_capped(f.root / rel, 4096))
            holder = ap.verify(f.rnd, f.round_hash, f.man_hash, f.results_hash, _ephemeral(f))
        except CHECK_ERRORS as e:
            rep.add("approval.verify", "fail", rel, *_err(e))
            continue
        f.valid_approvals.append((rel, ap, holder))
        rep.add("approval.verify", "pass", rel, "verify.approval-ok")
    rep.more("approval.verify", "approvals")


def check_approval_count(rep: Report, f: Folder):
    """17 `approval.count`: valid approvals by distinct holder key, one decision, against t."""
    if not _listdir(f.root / "approvals"):
        rep.add("approval.count", "not-yet", "approvals", "verify.no-approvals")
        return
    seen = {}
    decisions = set()
    for rel, ap, holder in f.valid_approvals:
        decisions.add(ap.h["decision"])
        if ap.h["holderSigningKey"] in seen:
            rep.add("approval.count", "pass", "approvals", "approval.counted-once",
                    f"{holder[1]['id']}: {rel} and {seen[ap.h['holderSigningKey']]}")
        else:
            seen[ap.h["holderSigningKey"]] = rel
    if len(decisions) > 1:
        rep.add("approval.count", "fail", "approvals", "approval.decision-differs")
    elif len(seen) >= f.rnd.threshold:
        rep.add("approval.count", "pass", "approvals", "verify.approvals-enough")
    else:
        rep.add("approval.count", "not-yet", "approvals", "approval.not-enough",
                f"{len(seen)} of {f.rnd.threshold}")


def _ephemeral(f: Folder):
    """The locked results' ephemeral point U, when their envelope passed check 15b."""
    return bytes.fromhex(f.renv.header["ephemeralKey"]) if f.renv is not None else None


def check_token(rep: Report, f: Folder):
    """18 `token.verify`: the release token against the computed hashes; `not-yet` when absent."""
    tpath = f.root / "release-token.avt"
    if not tpath.exists():
        rep.add("token.verify", "not-yet", "release-token.avt", "verify.no-token")
        return
    try:
        if not f.merged:
            fail("verify.token-before-merge")
        partials = verify_token(read_capped(tpath, TOKEN_MAX), f.rnd, f.round_hash, f.man_hash, f.results_hash,
                                _ephemeral(f))
    except CHECK_ERRORS as e:
        rep.add("token.verify", "fail", "release-token.avt", *_err(e))
        return
    f.partials = partials
    rep.add("token.verify", "pass", "release-token.avt", "verify.token-ok")


SURVEY_CAP = 64 * 1024 * 1024


def parse_survey_content(content: bytes, rnd, revision: int):
    """§6.6: the survey plaintext, strictly, and that it fits the round: every unit the round's,
    every code a survey sub-criterion of the unit's criteria set (§3.3), scores in [0, max] on the
    step, every survey cell scored. Returns {(unit, code): Decimal}."""
    c = parse_canonical(content)
    fields(c, "survey", ("revision", "round", "scores"))
    f_int(c["revision"], "survey.revision", 1, 1_000_000)
    hdr(c["revision"] == revision, "survey.revision", "not the listed revision")
    hdr(c["round"] == rnd.file_hash.hex(), "survey.round", "another round")
    hdr(isinstance(c["scores"], list), "survey.scores", "not an array")
    survey_subs = {u["id"]: {s["code"]: s for s in rnd.unit_set[u["id"]]["subs"] if s["method"] == "survey"}
                   for u in rnd.units}
    out, last = {}, None
    for i, x in enumerate(c["scores"]):
        p = f"survey.scores[{i}]"
        fields(x, p, ("code", "score", "unit"))
        hdr(isinstance(x["unit"], str) and isinstance(x["code"], str), p, "unit and code are strings")
        key = (x["unit"].encode(), x["code"].encode())
        hdr(last is None or key > last, p, "not sorted by unit and code, or a cell twice")
        last = key
        d = f_dec(x["score"], p + ".score")
        sub = survey_subs.get(x["unit"], {}).get(x["code"])
        hdr(sub is not None, p, "not a survey cell of the round")
        hdr(0 <= d <= Decimal(sub["max"]) and d % Decimal(sub["step"]) == 0, p + ".score", "off range or step")
        out[(x["unit"], x["code"])] = d
    hdr(len(out) == sum(map(len, survey_subs.values())), "survey.scores", "a survey cell without a score")
    return out


def check_survey_file(rep: Report, f: Folder):
    """14a `survey.file` (§9.2, §6.6): survey.avq is the secretary's, for this round, sealed to
    the secretary, the last journaled `survey-import`, and the one the manifest lists. Omitted
    when there is no file, no import entry and no manifest `survey`."""
    path = f.root / "survey.avq"
    imports = [e for e in (f.entries or []) if e.get("event") == "survey-import"]
    listed = f.man.survey if f.man is not None else None
    if not path.exists() and not imports and listed is None:
        return
    for k, e in enumerate(imports, start=1):
        d = e["details"]
        want = {"fileHash", "revision"} | ({"supersedes"} if k > 1 else set())
        if (set(d) != want or d.get("revision") != k or (k > 1 and d.get("supersedes") != k - 1)
                or not isinstance(d.get("fileHash"), str) or not re.fullmatch(r"[0-9a-f]{64}", d["fileHash"])):
            rep.add("survey.file", "fail", "journal.avj", "verify.journal-entry-malformed", f"entry {e['seq']}")
            return
    if not path.exists():
        rep.add("survey.file", "fail", "survey.avq", "verify.survey-missing")
        return
    try:
        data = read_capped(path, SURVEY_CAP)
        env = Envelope(data, KIND_BY_NAME["survey"])
        env.verify_outer()
    except CHECK_ERRORS as e:
        rep.add("survey.file", "fail", "survey.avq", *_err(e))
        return
    h = env.header
    ctx = h["context"]
    if not (h["round"] == f.round_hash.hex() and bytes.fromhex(h["recipient"]) == f.rnd.sec_enc
            and h["sender"] == f.rnd.secretary["id"] and bytes.fromhex(h["senderSigningKey"]) == f.rnd.sec_sign
            and isinstance(ctx, dict) and set(ctx) == {"revision"} and isinstance(ctx["revision"], int)
            and not isinstance(ctx["revision"], bool)):
        rep.add("survey.file", "fail", "survey.avq", "verify.survey-binding")
        return
    if not imports or imports[-1]["details"]["fileHash"] != file_hash(data).hex() \
            or imports[-1]["details"]["revision"] != ctx["revision"]:
        rep.add("survey.file", "fail", "survey.avq", "verify.survey-not-journaled")
        return
    if f.man is not None and listed != {"fileHash": file_hash(data).hex(), "revision": ctx["revision"]}:
        rep.add("survey.file", "fail", "survey.avq", "verify.survey-not-listed")
        return
    rep.add("survey.file", "pass", "survey.avq", "verify.survey-file-ok", f"import {ctx['revision']}")


def _preliminary_details(d):
    """The `preliminary` entry's details (§12.3 step 5, §9.2 check 14b), or None when malformed:
    (answerBy, [(unit, fileHash hex)], withoutKey)."""
    if not isinstance(d, dict) or set(d) != {"answerBy", "notices", "submissions", "withoutKey"}:
        return None
    try:
        f_ts(d["answerBy"], "answerBy")
    except AVError:
        return None
    if not (isinstance(d["notices"], list) and isinstance(d["withoutKey"], list)
            and isinstance(d["submissions"], list)):
        return None
    notices = []
    for n in d["notices"]:
        if not (isinstance(n, dict) and set(n) == {"fileHash", "unit"} and isinstance(n["unit"], str)
                and isinstance(n["fileHash"], str) and re.fullmatch(r"[0-9a-f]{64}", n["fileHash"])):
            return None
        notices.append((n["unit"], n["fileHash"]))
    if not all(isinstance(u, str) for u in d["withoutKey"]):
        return None
    return d["answerBy"], notices, d["withoutKey"]


def check_notice_files(rep: Report, f: Folder):
    """14b `notice.files` (§9.2, §12.3): notices/ holds exactly the notices the `preliminary`
    entry lists, each the secretary's, for this round, sealed to the key the round lists for its
    unit, with the listed hash; every unit is notified or listed without a key. Nothing is
    decrypted. Omitted in a round without unit keys, notices and `preliminary` entry."""
    cid, folder = "notice.files", "notices"
    entries = [e for e in (f.entries or []) if e.get("event") == "preliminary"]
    names = [n for n in _listdir(f.root / folder) if not n.startswith(".")]
    if not f.rnd.unit_keys and not entries and not names:
        return
    if not entries:
        if names:
            rep.add(cid, "fail", folder, "verify.notices-unjournaled", f"{len(names)} file(s)")
        else:
            rep.add(cid, "not-yet", folder, "verify.notices-not-yet")
        return
    listed = _preliminary_details(entries[0]["details"])
    if listed is None:
        rep.add(cid, "fail", "journal.avj", "verify.journal-entry-malformed", f"entry {entries[0]['seq']}")
        return
    answer_by, notices, without = listed
    failed = False

    def problem(subject, message, detail=""):
        nonlocal failed
        failed = True
        rep.add(cid, "fail", subject, message, detail)

    if len(entries) > 1:
        problem("journal.avj", "verify.preliminary-twice", f"{len(entries)} entries")
    keyed = [k["id"] for k in f.rnd.unit_keys]
    unkeyed = [u["id"] for u in f.rnd.units if f.rnd.unit_key(u["id"]) is None]
    if [u for u, _ in notices] != keyed or without != unkeyed:
        problem("journal.avj", "verify.notice-units", " ".join(keyed))
    hashes = {u + ".avn": h for u, h in notices}
    from avnotice import NOTICE_CAP, check_binding, read_notice
    for name in names:
        subject = f"{folder}/{name}"
        if name not in hashes:
            problem(subject, "verify.notice-stray-file")
            continue
        try:
            data = read_capped(f.root / folder / name, NOTICE_CAP)
            env = read_notice(data)
            check_binding(env, f.rnd, f.round_hash)
        except CHECK_ERRORS as e:
            problem(subject, *_err(e))
            continue
        if env.header["context"]["unit"] + ".avn" != name:
            problem(subject, "verify.notice-stray-file")
            continue
        if file_hash(data).hex() != hashes[name]:
            problem(subject, "verify.notice-hash")
    for u, _ in notices:
        if u + ".avn" not in names:
            problem(folder, "verify.notice-missing", u)
    if failed:
        rep.more(cid, folder)
    else:
        rep.add(cid, "pass", folder, "verify.notices-ok", f"{len(notices)} notice(s), answer by {answer_by}")


EXPL_NAME_RE = re.compile(r"([a-z0-9][a-z0-9-]{0,63})\.r([1-9][0-9]{0,6})\.avx")
EXPL_EVIDENCE_RE = re.compile(r"([a-z0-9][a-z0-9-]{0,63})\.r([1-9][0-9]{0,6})\.e([1-9][0-9]{0,2})\.ave")


def check_explanation_files(rep: Report, f: Folder):
    """14c `explanation.files` (§9.2, §12.4): every file of explanations/ is named UNIT.rN.avx for
    the unit and revision of its header, passes §5.5 steps 1-3 and the receive binding (this round,
    to the secretary, the unit's round key, the notice issued to it), and hashes to its
    `receive-explanation` entry; every entry has its file; a unit's evidence UNIT.rN.eK.ave is
    signed by that unit's round key and hashes to its `receive-explanation-evidence` entry.
    Nothing is decrypted. Omitted without unit keys, explanations and entries."""
    cid, folder = "explanation.files", "explanations"
    entries = [e for e in (f.entries or []) if e.get("event") == "receive-explanation"]
    ev_entries = [e for e in (f.entries or []) if e.get("event") == "receive-explanation-evidence"]
    names = sorted(n for n in _listdir(f.root / folder) if not n.startswith("."))
    if not f.rnd.unit_keys and not entries and not names:
        return
    if not names and not entries and not ev_entries:
        rep.add(cid, "not-yet", folder, "verify.explanations-not-yet")
        return
    failed = False

    def problem(subject, message, detail=""):
        nonlocal failed
        failed = True
        rep.add(cid, "fail", subject, message, detail)

    listed, late = {}, 0
    for e in entries:
        d = e.get("details")
        keys = {"fileHash", "late", "revision", "unit"}
        ok = (isinstance(d, dict) and set(d) in (keys, keys | {"supersedes"}) and isinstance(d["unit"], str)
              and isinstance(d["revision"], int) and not isinstance(d["revision"], bool)
              and isinstance(d["late"], bool) and isinstance(d["fileHash"], str)
              and re.fullmatch(r"[0-9a-f]{64}", d["fileHash"]) is not None)
        if not ok:
            problem("journal.avj", "verify.journal-entry-malformed", f"entry {e.get('seq')}")
            continue
        listed[f"{d['unit']}.r{d['revision']}.avx"] = (d["unit"], d["revision"], d["fileHash"])
        late += d["late"]
    listed_ev = {}
    for e in ev_entries:
        d = e.get("details")
        ok = (isinstance(d, dict) and set(d) == {"fileHash", "index", "revision", "size", "unit"}
              and isinstance(d["unit"], str) and all(isinstance(d[k], int) and not isinstance(d[k], bool)
                                                      for k in ("index", "revision", "size"))
              and isinstance(d["fileHash"], str) and re.fullmatch(r"[0-9a-f]{64}", d["fileHash"]) is not None)
        if not ok:
            problem("journal.avj", "verify.journal-entry-malformed", f"entry {e.get('seq')}")
            continue
        listed_ev[f"{d['unit']}.r{d['revision']}.e{d['index']}.ave"] = d["fileHash"]
    prelim = [e for e in (f.entries or []) if e.get("event") == "preliminary"]
    details = _preliminary_details(prelim[0]["details"]) if prelim else None
    issued = dict(details[1]) if details else {}
    units = {k["id"]: k["signingKey"] for k in f.rnd.unit_keys}
    others = {i["id"]: i["signingKey"] for i in [f.rnd.secretary] + f.rnd.holders
              + [m["identity"] for m in f.rnd.members]}
    from avexplanation import EXPLANATION_CAP, check_binding, read_explanation
    for name in names:
        subject = f"{folder}/{name}"
        m_ev = EXPL_EVIDENCE_RE.fullmatch(name)
        if m_ev:
            if name not in listed_ev:
                problem(subject, "verify.explanation-stray-file", subject)
                continue
            try:
                env = Envelope((f.root / folder / name).read_bytes(), KIND_BY_NAME["evidence"])
                env.verify_outer()
                h = env.header
                c = h["context"]
                if (bytes.fromhex(h["round"]) != f.round_hash or h["recipient"] != f.rnd.secretary["encryptionKey"]
                        or units.get(h["sender"]) != h["senderSigningKey"] or h["sender"] != m_ev.group(1)
                        or c.get("revision") != int(m_ev.group(2)) or c.get("index") != int(m_ev.group(3))):
                    problem(subject, "verify.explanation-stray-file", subject)
                    continue
            except CHECK_ERRORS as e:
                problem(subject, *_err(e))
                continue
            if env.file_hash().hex() != listed_ev[name]:
                problem(subject, "verify.explanation-hash", subject)
            continue
        m = EXPL_NAME_RE.fullmatch(name)
        if not m or name not in listed:
            problem(subject, "verify.explanation-stray-file", subject)
            continue
        try:
            env = read_explanation(read_capped(f.root / folder / name, EXPLANATION_CAP))
            check_binding(env, f.round_hash, f.rnd.secretary["encryptionKey"], units, others, issued)
        except CHECK_ERRORS as e:
            problem(subject, *_err(e))
            continue
        if env.header["sender"] != m.group(1) or env.header["context"]["revision"] != int(m.group(2)):
            problem(subject, "verify.explanation-stray-file", subject)
            continue
        if env.file_hash().hex() != listed[name][2]:
            problem(subject, "verify.explanation-hash", subject)
    for name, (unit, revision, _) in sorted(listed.items()):
        if name not in names:
            problem(folder, "verify.explanation-missing", f"{unit} r{revision}")
    for name in sorted(listed_ev):
        if name not in names:
            problem(folder, "verify.explanation-evidence-missing", f"{folder}/{name}")
    if failed:
        rep.more(cid, folder)
    else:
        n_units = len({u for u, _, _ in listed.values()})
        rep.add(cid, "pass", folder, "verify.explanations-ok",
                f"{len(listed)} explanation(s) from {n_units} unit(s), {late} late")


def check_forward_files(rep: Report, f: Folder):
    """14d `forward.files` (§9.2, §12.5): every `forward` entry names a received explanation of its
    unit and a member assigned a cell of that unit, and has its file forwarded/MEMBER.UNIT.rN.avf
    (N that explanation's revision), which passes §5.5 steps 1-3 and the §12.5 binding and hashes to
    the entry; every `forward-evidence` entry has its file (secretary-signed, sealed to the member,
    named as its header says, the entry's hash); nothing else in forwarded/. Nothing is decrypted.
    Omitted without unit keys, entries and files."""
    cid, folder = "forward.files", "forwarded"
    entries = f.entries or []
    forwards = [e for e in entries if e.get("event") == "forward"]
    ev_entries = [e for e in entries if e.get("event") == "forward-evidence"]
    names = sorted(n for n in _listdir(f.root / folder) if not n.startswith("."))
    if not f.rnd.unit_keys and not forwards and not names:
        return
    if not names and not forwards and not ev_entries:
        rep.add(cid, "not-yet", folder, "verify.forwards-not-yet")
        return
    failed = False

    def problem(subject, message, detail=""):
        nonlocal failed
        failed = True
        rep.add(cid, "fail", subject, message, detail)

    hex32 = re.compile(r"[0-9a-f]{64}")
    received = {}
    for e in entries:
        d = e.get("details")
        if e.get("event") == "receive-explanation" and isinstance(d, dict) and isinstance(d.get("fileHash"), str):
            received[d["fileHash"]] = (d.get("unit"), d.get("revision"))
    expected, expected_ev = {}, {}
    for e in forwards:
        d = e.get("details")
        ok = (isinstance(d, dict) and set(d) == {"cells", "explanation", "fileHash", "member", "unit"}
              and isinstance(d["cells"], int) and not isinstance(d["cells"], bool) and d["cells"] >= 1
              and all(isinstance(d[k], str) for k in ("explanation", "fileHash", "member", "unit"))
              and hex32.fullmatch(d["explanation"]) is not None and hex32.fullmatch(d["fileHash"]) is not None)
        if not ok:
            problem("journal.avj", "verify.journal-entry-malformed", f"entry {e.get('seq')}")
            continue
        src = received.get(d["explanation"])
        if src is None or src[0] != d["unit"]:
            problem("journal.avj", "verify.forward-unknown-explanation", f"entry {e.get('seq')}")
            continue
        if not any(u == d["unit"] and m == d["member"] for (u, _), m in f.rnd.assign.items()):
            problem("journal.avj", "verify.forward-wrong-member", f"{d['member']} / {d['unit']}")
        expected[f"{d['member']}.{d['unit']}.r{src[1]}.avf"] = (d["member"], d["unit"], d["fileHash"])
    for e in ev_entries:
        d = e.get("details")
        ok = (isinstance(d, dict) and set(d) == {"fileHash", "index", "member", "revision", "size", "unit"}
              and isinstance(d["unit"], str) and isinstance(d["member"], str)
              and all(isinstance(d[k], int) and not isinstance(d[k], bool) for k in ("index", "revision", "size"))
              and isinstance(d["fileHash"], str) and hex32.fullmatch(d["fileHash"]) is not None)
        if not ok:
            problem("journal.avj", "verify.journal-entry-malformed", f"entry {e.get('seq')}")
            continue
        expected_ev[f"{d['member']}.{d['unit']}.r{d['revision']}.e{d['index']}.ave"] = (d["member"], d["unit"],
                                                                                      d["fileHash"])
    members = {m["identity"]["id"]: m["identity"]["encryptionKey"] for m in f.rnd.members}
    units = {k["id"] for k in f.rnd.unit_keys}
    sec = f.rnd.secretary
    from avforwarded import FORWARDED_CAP, check_binding, read_forwarded
    for name in names:
        subject = f"{folder}/{name}"
        try:
            if name in expected:
                member, unit, want = expected[name]
                env = read_forwarded(read_capped(f.root / folder / name, FORWARDED_CAP))
                check_binding(env, f.round_hash, sec["id"], sec["signingKey"], members, units)
                c = env.header["context"]
                if c["member"] != member or c["unit"] != unit:
                    problem(subject, "verify.forward-stray-file", subject)
                    continue
            elif name in expected_ev:
                member, unit, want = expected_ev[name]
                env = Envelope((f.root / folder / name).read_bytes(), KIND_BY_NAME["evidence"])
                env.verify_outer()
                h = env.header
                if bytes.fromhex(h["round"]) != f.round_hash:
                    fail("forward.wrong-round")
                if h["sender"] != sec["id"] or h["senderSigningKey"] != sec["signingKey"]:
                    fail("forward.not-secretary")
                if members.get(member) != h["recipient"]:
                    fail("forward.wrong-recipient")
                c = h["context"]
                if not (isinstance(c, dict) and name == f"{member}.{unit}.r{c.get('revision')}.e{c.get('index')}.ave"):
                    fail("format.header")
            else:
                problem(subject, "verify.forward-stray-file", subject)
                continue
        except CHECK_ERRORS as e:
            problem(subject, *_err(e))
            continue
        if env.file_hash().hex() != want:
            problem(subject, "verify.forward-hash", subject)
    for name in sorted(list(expected) + list(expected_ev)):
        if name not in names:
            problem(folder, "verify.forward-missing", f"{folder}/{name}")
    if failed:
        rep.more(cid, folder)
    else:
        rep.add(cid, "pass", folder, "verify.forwards-ok",
                f"{len(expected)} forwarded file(s) to {len({m for m, _, _ in expected.values()})} member(s), "
                f"{len(expected_ev)} evidence cop(ies)")


def check_results_survey(rep: Report, f: Folder):
    """25 `results.survey` (§9.3): the results carry the manifest's survey as the secretary signed
    it (inner signature over survey.avq's header hash), and every survey cell is its score."""
    r = f.results
    sv = r["survey"]
    carried = None if sv is None else {"fileHash": sv["fileHash"], "revision": sv["revision"]}
    if carried != f.man.survey:
        rep.add("results.survey", "fail", "results.avl", "verify.survey-signed-differs")
        return
    scores = {}
    if sv is not None:
        content = canonical(sv["content"])
        try:
            data = read_capped(f.root / "survey.avq", SURVEY_CAP)
            env = Envelope(data, KIND_BY_NAME["survey"])
            ok = (file_hash(data).hex() == sv["fileHash"] and env.header["sender"] == f.rnd.secretary["id"]
                  and env.sender_pk == f.rnd.sec_sign
                  and ed25519_verify(env.sender_pk, domain("survey", "inner") + env.header_hash + b2b(content, 64),
                                     bytes.fromhex(sv["innerSignature"])))
            if ok:
                scores = parse_survey_content(content, f.rnd, sv["revision"])
        except CHECK_ERRORS:
            ok = False
        if not ok:
            rep.add("results.survey", "fail", "survey.avq", "verify.survey-content-bad")
            return
    failed = False
    cells = 0
    for u in r["units"]:
        unit_set = f.rnd.unit_set.get(u["unit"])
        for c, s in zip(u["cells"], unit_set["subs"] if unit_set else []):
            if s["method"] != "survey":
                continue
            want = scores.get((u["unit"], c["code"]))
            cells += want is not None
            got = None if c["appraised"] is None else Decimal(c["appraised"])
            if got != want:
                rep.add("results.survey", "fail", "results.avl", "verify.survey-cell-not-signed",
                        f"{u['unit']} / {c['code']}")
                failed = True
    rep.more("results.survey", "results.avl")
    if not failed:
        rep.add("results.survey", "pass", "results.avl", "verify.survey-signed-ok", f"{cells} survey cells")


SECOND_NAME_RE = re.compile(r"([a-z0-9][a-z0-9-]{0,63})\.r([1-9][0-9]{0,6})\.av2")


def check_second_files(rep: Report, f: Folder):
    """14e `second.files` (§9.2, §12.6): every file of second/ is named MEMBER.rN.av2 for the
    member and revision of its header, passes §5.5 steps 1-3 and the receive binding (this round,
    to the secretary, signed by the member's round key), and hashes to its `receive-second` entry;
    every entry has its file. Nothing is decrypted. Omitted without unit keys, files and entries."""
    cid, folder = "second.files", "second"
    entries = [e for e in (f.entries or []) if e.get("event") == "receive-second"]
    names = sorted(n for n in _listdir(f.root / folder) if not n.startswith("."))
    if not f.rnd.unit_keys and not entries and not names:
        return
    if not names and not entries:
        rep.add(cid, "not-yet", folder, "verify.second-not-yet")
        return
    failed = False

    def problem(subject, message, detail=""):
        nonlocal failed
        failed = True
        rep.add(cid, "fail", subject, message, detail)

    listed = {}
    for e in entries:
        d = e.get("details")
        keys = {"fileHash", "member", "revision"}
        ok = (isinstance(d, dict) and set(d) in (keys, keys | {"supersedes"}) and isinstance(d["member"], str)
              and isinstance(d["revision"], int) and not isinstance(d["revision"], bool)
              and (not isinstance(d.get("supersedes", 0), bool) and isinstance(d.get("supersedes", 0), int))
              and isinstance(d["fileHash"], str) and re.fullmatch(r"[0-9a-f]{64}", d["fileHash"]) is not None)
        if not ok:
            problem("journal.avj", "verify.journal-entry-malformed", f"entry {e.get('seq')}")
            continue
        listed[f"{d['member']}.r{d['revision']}.av2"] = (d["member"], d["revision"], d["fileHash"])
    members = {m["identity"]["id"]: m["identity"]["signingKey"] for m in f.rnd.members}
    units = {k["id"]: k["signingKey"] for k in f.rnd.unit_keys}
    others = {i["id"]: i["signingKey"] for i in [f.rnd.secretary] + f.rnd.holders}
    from avsecond import SECOND_CAP, check_binding, read_second
    for name in names:
        subject = f"{folder}/{name}"
        m = SECOND_NAME_RE.fullmatch(name)
        if not m or name not in listed:
            problem(subject, "verify.second-stray-file", subject)
            continue
        try:
            env = read_second(read_capped(f.root / folder / name, SECOND_CAP))
            check_binding(env, f.round_hash, f.rnd.secretary["encryptionKey"], members, units, others)
        except CHECK_ERRORS as e:
            problem(subject, *_err(e))
            continue
        if env.header["sender"] != m.group(1) or env.header["context"]["revision"] != int(m.group(2)):
            problem(subject, "verify.second-stray-file", subject)
            continue
        if env.file_hash().hex() != listed[name][2]:
            problem(subject, "verify.second-hash", subject)
    for name, (member, revision, _) in sorted(listed.items()):
        if name not in names:
            problem(folder, "verify.second-missing", f"{member} r{revision}")
    if failed:
        rep.more(cid, folder)
    else:
        rep.add(cid, "pass", folder, "verify.second-ok",
                f"{len(listed)} revision(s) from {len({v[0] for v in listed.values()})} member(s)")


# Checks 2-18 of §9.2, in order, after check 1 passed. Checks 6-8 are made check by check
# over all files (not interleaved per file as `avault verify` reports them: FINDINGS F6;
# compare.py compares by id and subject).
ROUND_CHECKS = (
    check_round_ceremony, check_round_fingerprint, check_round_threshold, check_round_unit_keys,
    check_journal_signature, check_journal_chain, check_journal_round,
    check_journal_pin, check_journal_receipts, check_journal_checkpoints,
    check_submission_names, check_submission_signatures, check_submission_bindings,
    check_journal_files,
    check_manifest_signature, check_manifest_round, check_manifest_submissions, check_manifest_coverage,
    check_manifest_journal, check_survey_file, check_notice_files, check_explanation_files,
    check_forward_files, check_second_files,
    check_results_hash, check_results_envelope,
    check_approvals, check_approval_count,
    check_token,
)


# ---- §9.3

CELL_KEYS = ("appraised", "appraiser", "code", "max", "method", "reason", "self")
SUM_KEYS = ("appraised", "code", "max", "self")
UNIT_KEYS = ("appraised", "bonus", "cells", "criteria", "fields", "final", "group", "label", "max", "penalty",
             "percent", "rank", "self", "unit")


def _dec_or_null(v, p):
    return None if v is None else f_dec(v, p)


def parse_results(pt: bytes):
    r = parse_canonical(pt)
    fields(r, "results", ("explanations", "history", "round", "second", "submissions", "survey", "surveyAvailable",
                          "units"))
    f_hex(r["round"], "results.round", 32)
    for lst, sender in (("submissions", "member"), ("explanations", "unit"), ("second", "member")):
        hdr(isinstance(r[lst], list), f"results.{lst}", "not an array")
        last = ""
        for i, x in enumerate(r[lst]):
            sp = f"results.{lst}[{i}]"
            fields(x, sp, ("content", "fileHash", "innerSignature", sender, "revision"))
            hdr(isinstance(x["content"], dict), sp + ".content", "not an object")
            f_hex(x["fileHash"], sp + ".fileHash", 32)
            f_hex(x["innerSignature"], sp + ".innerSignature", 64)
            f_ident(x[sender], f"{sp}.{sender}")
            hdr(x[sender] > last, f"{sp}.{sender}", "not in increasing order")
            last = x[sender]
            f_int(x["revision"], sp + ".revision", 1, 1_000_000)
    hdr(isinstance(r["history"], list), "results.history", "not an array")
    for i, h in enumerate(r["history"]):
        hp = f"results.history[{i}]"
        fields(h, hp, ("code", "explanation", "final", "member", "preliminary", "unit"))
        f_str(h["code"], hp + ".code", 32, 1)
        f_ident(h["member"], hp + ".member")
        f_ident(h["unit"], hp + ".unit")
        fields(h["preliminary"], hp + ".preliminary", ("reason", "score"))
        f_dec(h["preliminary"]["score"], hp + ".preliminary.score")
        f_str(h["preliminary"]["reason"], hp + ".preliminary.reason", 4000, 0, one_line=False)
        e = h["explanation"]
        if e is not None:
            fields(e, hp + ".explanation", ("attachments", "fileHash", "forwarded", "text"))
            f_hex(e["fileHash"], hp + ".explanation.fileHash", 32)
            if e["forwarded"] is not None:
                f_hex(e["forwarded"], hp + ".explanation.forwarded", 32)
            f_str(e["text"], hp + ".explanation.text", 8000, 0, one_line=False)
            hdr(isinstance(e["attachments"], list) and len(e["attachments"]) <= 999, hp + ".explanation.attachments",
                "not an array of at most 999 names")
            for j, n in enumerate(e["attachments"]):
                f_str(n, f"{hp}.explanation.attachments[{j}]", 255, 1)
        fin = h["final"]
        if fin is not None:
            fields(fin, hp + ".final", ("decision", "file", "reason", "score"))
            hdr(fin["decision"] in ("keep", "change"), hp + ".final.decision", "not keep or change")
            f_hex(fin["file"], hp + ".final.file", 32)
            f_dec(fin["score"], hp + ".final.score")
            f_str(fin["reason"], hp + ".final.reason", 4000, 0, one_line=False)
    hdr(isinstance(r["surveyAvailable"], bool), "results.surveyAvailable", "not a boolean")
    sv = r["survey"]
    if sv is not None:
        fields(sv, "results.survey", ("content", "fileHash", "innerSignature", "revision"))
        hdr(isinstance(sv["content"], dict), "results.survey.content", "not an object")
        f_hex(sv["fileHash"], "results.survey.fileHash", 32)
        f_hex(sv["innerSignature"], "results.survey.innerSignature", 64)
        f_int(sv["revision"], "results.survey.revision", 1, 1_000_000)
    hdr(r["surveyAvailable"] == (sv is not None), "results.surveyAvailable", "not true exactly when survey is set")
    hdr(isinstance(r["units"], list), "results.units", "not an array")
    for i, u in enumerate(r["units"]):
        p = f"results.units[{i}]"
        fields(u, p, UNIT_KEYS)
        f_ident(u["unit"], p + ".unit")
        f_ident(u["group"], p + ".group")
        f_str(u["label"], p + ".label", 200, 1)
        f_int(u["rank"], p + ".rank", 1, 2 ** 31)
        for k in ("self", "appraised", "bonus", "penalty", "final", "max", "percent"):
            f_dec(u[k], f"{p}.{k}")
        for lst in ("fields", "criteria"):
            hdr(isinstance(u[lst], list), f"{p}.{lst}", "not an array")
            for j, x in enumerate(u[lst]):
                fields(x, f"{p}.{lst}[{j}]", SUM_KEYS)
                hdr(isinstance(x["code"], str), f"{p}.{lst}[{j}].code", "not a string")
                for k in ("self", "appraised", "max"):
                    f_dec(x[k], f"{p}.{lst}[{j}].{k}")
        hdr(isinstance(u["cells"], list), p + ".cells", "not an array")
        for j, x in enumerate(u["cells"]):
            cp = f"{p}.cells[{j}]"
            fields(x, cp, CELL_KEYS)
            hdr(isinstance(x["code"], str), cp + ".code", "not a string")
            hdr(x["method"] in ("self", "council", "survey", "bonus", "penalty"), cp + ".method", "bad method")
            f_dec(x["max"], cp + ".max")
            _dec_or_null(x["self"], cp + ".self")
            _dec_or_null(x["appraised"], cp + ".appraised")
            f_str(x["reason"], cp + ".reason", 4000, 0, one_line=False)  # a string, never null (§6.4)
            f_str(x["appraiser"], cp + ".appraiser", 64, 0)
    return r


def D(v):
    return Decimal(0) if v is None else Decimal(v)


def check_results_open(rep: Report, f: Folder) -> bool:
    """19 `results.open`: decrypt with the file key combined from the token's partials (§8.7),
    parse strictly (§6.4), bound to this round and to the manifest's `surveyAvailable`. False:
    checks 20-23 are not made."""
    try:
        pt = f.renv.open_with_partials(f.rnd.joint_key, f.partials)
        res = parse_results(pt)
        if res["round"] != f.round_hash.hex():
            fail("results.wrong-round", "plaintext round")
        if res["surveyAvailable"] != f.man.h["surveyAvailable"]:
            fail("verify.survey-differs")
    except AVError as e:
        rep.add("results.open", "fail", "results.avl", *_err(e))
        return False
    f.results = res
    rep.add("results.open", "pass", "results.avl", "verify.results-opened")
    return True


def _shape_problems(rnd, units):
    """Units, codes, methods, maxima and self scores that differ from the round's (check 20)."""
    if [u["unit"] for u in units] != [u["id"] for u in rnd.units]:
        return ["units differ from the round's"]
    shape = []
    for u in units:
        uid = u["unit"]
        if u["group"] != rnd.unit_group[uid]:
            shape.append(f"{uid}: group")
        st = rnd.unit_set[uid]
        if [c["code"] for c in u["fields"]] != [f["code"] for f in st["fields"]] or \
           [c["code"] for c in u["criteria"]] != [c["code"] for c in st["criteria"]] or \
           [c["code"] for c in u["cells"]] != [s["code"] for s in st["cells"]]:
            shape.append(f"{uid}: codes")
            continue
        for c, s in zip(u["cells"], st["cells"]):
            want_self = rnd.self_score.get((uid, s["code"]))
            if c["method"] != s["method"] or Decimal(c["max"]) != Decimal(s["max"]) or \
               (None if c["self"] is None else Decimal(c["self"])) != want_self:
                shape.append(f"{uid} {s['code']}: method/max/self")
    return shape


def _total_problems(rnd, units, survey):
    """Criteria, fields and units whose sums are wrong (check 20)."""
    probs = []
    for u in units:
        uid = u["unit"]
        crit = {}
        for c, s in zip(u["cells"], rnd.unit_set[uid]["subs"]):
            # §3.3, §6.4: an appraised sub-criterion within 0..max, on its step.
            if s["method"] in ("self", "council") and c["appraised"] is not None:
                a = Decimal(c["appraised"])
                if not (0 <= a <= Decimal(s["max"]) and on_step(a, Decimal(s["step"]))):
                    probs.append(("verify.cell-out-of-range", f"{uid} {c['code']}: outside 0..max or off step"))
            acc = crit.setdefault(s["_criterion"], [Decimal(0)] * 3)
            acc[0] += D(c["self"])
            acc[1] += D(c["appraised"])
            if s["method"] != "survey" or survey:
                acc[2] += Decimal(c["max"])
        fld = {}
        for c in u["criteria"]:
            want = crit[c["code"]]
            got = [Decimal(c["self"]), Decimal(c["appraised"]), Decimal(c["max"])]
            if got != want:
                probs.append(f"{uid} criterion {c['code']}")
            fcode = c["code"].split(".")[0]
            acc = fld.setdefault(fcode, [Decimal(0)] * 3)
            for k in range(3):
                acc[k] += got[k]
        tot = [Decimal(0)] * 3
        for fl in u["fields"]:
            got = [Decimal(fl["self"]), Decimal(fl["appraised"]), Decimal(fl["max"])]
            if got != fld[fl["code"]]:
                probs.append(f"{uid} field {fl['code']}")
            for k in range(3):
                tot[k] += got[k]
        if [Decimal(u["self"]), Decimal(u["appraised"]), Decimal(u["max"])] != tot:
            probs.append(f"{uid} unit totals")
        # §6.4: bonus and penalty cells (after the sub-criteria), each 0..cap on its step; then
        # final = max(0, base + bonus - penalty).
        sums = {"bonus": Decimal(0), "penalty": Decimal(0)}
        for c, x in zip(u["cells"][len(rnd.unit_set[uid]["subs"]):], rnd.unit_set[uid]["extras"]):
            if c["appraised"] is None:
                continue
            a = Decimal(c["appraised"])
            if not (0 <= a <= Decimal(x["max"]) and on_step(a, Decimal(x["step"]))):
                probs.append(("verify.extra-over-cap", f"{uid} {c['code']}: outside 0..cap or off step"))
            sums[x["method"]] += a
        final = max(Decimal(0), Decimal(u["appraised"]) + sums["bonus"] - sums["penalty"])
        if [Decimal(u["bonus"]), Decimal(u["penalty"]), Decimal(u["final"])] != [sums["bonus"], sums["penalty"], final]:
            probs.append(f"{uid} bonus/penalty/final")
    return probs


def _report_problems(rep: Report, cid: str, message: str, ok_message: str, probs):
    """One `fail` finding per problem (capped, §9.1), or one `pass` finding. A problem is its
    text (finding id `message`) or a pair (finding id, text)."""
    for p in probs:
        mid, text = p if isinstance(p, tuple) else (message, p)
        rep.add(cid, "fail", "results.avl", mid, text)
    rep.more(cid, "results.avl")
    if not probs:
        rep.add(cid, "pass", "results.avl", ok_message)


def check_results_totals(rep: Report, f: Folder) -> bool:
    """20 `results.totals`: the shape is the round's, then every sum. False when the shape
    differs: checks 21-23 are not made."""
    units = f.results["units"]
    shape = _shape_problems(f.rnd, units)
    if shape:
        for s in shape:
            rep.add("results.totals", "fail", "results.avl", "verify.results-shape", s)
        rep.more("results.totals", "results.avl")
        return False
    probs = _total_problems(f.rnd, units, f.results["surveyAvailable"])
    _report_problems(rep, "results.totals", "verify.total-wrong", "verify.totals-ok", probs)
    return True


def check_results_percent(rep: Report, f: Folder):
    """21 `results.percent`: percent rounded half-up to 2 places, rank within the group, label."""
    units = f.results["units"]
    probs = []
    for u in units:
        # §6.4: the index on the final total, capped at 100 unless the round's indexAbove100.
        mx, fin = Decimal(u["max"]), Decimal(u["final"])
        want = Decimal(0) if mx == 0 else (fin / mx * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if not f.rnd.index_above_100:
            want = min(want, Decimal(100))
        if Decimal(u["percent"]) != want or u["percent"] != dec_str(want):
            probs.append(f"{u['unit']}: percent")
            continue
        rank = 1 + sum(1 for v in units if v["group"] == u["group"] and Decimal(v["percent"]) > want)
        if u["rank"] != rank:
            probs.append(f"{u['unit']}: rank")
        label = next((lab for m, lab in f.rnd.labels[u["group"]] if m <= want), None)
        if u["label"] != label:
            probs.append(f"{u['unit']}: label")
    _report_problems(rep, "results.percent", "verify.percent-wrong", "verify.percent-ok", probs)


def check_results_reasons(rep: Report, f: Folder):
    """22 `results.reasons`: a cell whose appraised score differs from the self score, or that the
    unit did not self-assess (method self, self null: spec 3.5), has a reason that is not blank."""
    probs = []
    for u in f.results["units"]:
        for c in u["cells"]:
            if c["appraised"] is None:
                continue
            if c["self"] is None and c["method"] == "self" or \
               c["self"] is not None and Decimal(c["self"]) != Decimal(c["appraised"]):
                if is_blank(c["reason"]):
                    probs.append(f"{u['unit']} {c['code']}")
            # §3.9: a bonus or penalty other than 0 states its reason.
            if c["method"] in ("bonus", "penalty") and c["appraised"] is not None and Decimal(c["appraised"]) != 0:
                if is_blank(c["reason"]):
                    probs.append(("verify.extra-reason-missing", f"{u['unit']} {c['code']}"))
    _report_problems(rep, "results.reasons", "verify.reason-missing", "verify.reasons-ok", probs)


def check_results_appraisers(rep: Report, f: Folder):
    """23 `results.appraisers`: scored self/council cells name their assigned, listed member;
    other cells name nobody; the count of scored cells is the manifest's `appraised`."""
    probs = []
    listed = {s["member"] for s in f.man.h["submissions"]}
    scored = 0
    for u in f.results["units"]:
        for c in u["cells"]:
            where = f"{u['unit']} {c['code']}"
            if c["method"] in ("self", "council", "bonus", "penalty") and c["appraised"] is not None:
                scored += 1
                want = f.rnd.assign.get((u["unit"], c["code"]))
                if c["appraiser"] != want or want not in listed:
                    probs.append(f"{where}: appraiser")
            else:
                if c["appraiser"] not in (None, ""):
                    probs.append(f"{where}: names an appraiser")
                if c["method"] != "survey" and c["appraised"] is None and (c["reason"] or "") != "":
                    probs.append(f"{where}: unscored cell has a reason")
    appraised = f.man.h["coverage"]["appraised"]
    if scored != appraised:
        probs.append(f"{scored} scored cells, manifest says {appraised}")
    _report_problems(rep, "results.appraisers", "verify.appraiser", "verify.appraisers-ok", probs)


def check_results_signed(rep: Report, f: Folder):
    """24 `results.signed`: each merged submission's content, as the results carry it (§6.4), has
    its member's inner signature (§5.4; the header hash from the public submission file), and
    every appraised cell is the score and reason its appraiser signed."""
    r = f.results
    listed = sorted(f"{s['member']}.r{s['revision']} {s['fileHash']}" for s in f.man.h["submissions"])
    carried = sorted(f"{s['member']}.r{s['revision']} {s['fileHash']}" for s in r["submissions"])
    if listed != carried:
        rep.add("results.signed", "fail", "results.avl", "verify.signed-submissions-differ")
        return
    failed = False
    rows = {}
    for s in r["submissions"]:
        rel = f"submissions/{s['member']}.r{s['revision']}.avs"
        content = canonical(s["content"])
        ok = False
        try:
            data = read_capped(f.root / rel, SUB_CAP)
            env = Envelope(data, KIND_BY_NAME["submission"])
            c = parse_canonical(content)
            ok = (file_hash(data).hex() == s["fileHash"]
                  and ed25519_verify(env.sender_pk, domain("submission", "inner") + env.header_hash + b2b(content, 64),
                                     bytes.fromhex(s["innerSignature"]))
                  and isinstance(c, dict) and c.get("member") == s["member"] and c.get("revision") == s["revision"]
                  and c.get("round") == f.round_hash.hex() and env.header["sender"] == s["member"]
                  and isinstance(c.get("rows"), list))
        except CHECK_ERRORS:
            ok = False
        if not ok:
            rep.add("results.signed", "fail", rel, "verify.signed-content-bad")
            failed = True
            continue
        rows[s["member"]] = {(x["unit"], x["code"]): x for x in c["rows"]}
    f.signed_rows = rows
    decided = _verified_second_rows(f, r) if f.rnd.unit_keys else {}
    cells = 0
    history = {}
    for h in r["history"]:
        history.setdefault((h["unit"], h["code"]), h)
    appraiser_of = {(u["unit"], c["code"]): c["appraiser"] for u in r["units"] for c in u["cells"] if c["appraiser"]}
    # Every signed row is in the results under its member (a dropped score fails).
    for member in sorted(rows):
        for cell in sorted(rows[member]):
            if appraiser_of.get(cell) != member:
                rep.add("results.signed", "fail", "results.avl", "verify.cell-not-signed", f"{cell[0]} / {cell[1]}")
                failed = True
    for u in r["units"]:
        for c in u["cells"]:
            if not c["appraiser"] or c["appraiser"] not in rows:
                continue
            cells += 1
            row = rows[c["appraiser"]].get((u["unit"], c["code"]))
            # §12.7: a cell the second appraisal changed carries the member's decision (check 26).
            h = history.get((u["unit"], c["code"]))
            d = decided.get((u["unit"], c["code"]))
            changed = (row is not None and h is not None and h["member"] == c["appraiser"]
                       and h["final"] is not None and h["final"]["decision"] == "change"
                       and Decimal(h["preliminary"]["score"]) == Decimal(row["score"])
                       and h["preliminary"]["reason"] == row["reason"] and c["appraised"] is not None
                       and Decimal(h["final"]["score"]) == Decimal(c["appraised"]) and h["final"]["reason"] == c["reason"]
                       and d is not None and d[2] == c["appraiser"] and d[1] == h["final"]["file"]
                       and d[0]["decision"] == "change" and Decimal(d[0]["score"]) == Decimal(c["appraised"])
                       and d[0]["reason"] == c["reason"])
            if changed:
                continue
            if (row is None or c["appraised"] is None or Decimal(row["score"]) != Decimal(c["appraised"])
                    or row["reason"] != c["reason"]):
                rep.add("results.signed", "fail", "results.avl", "verify.cell-not-signed",
                        f"{u['unit']} / {c['code']}")
                failed = True
    rep.more("results.signed", "results.avl")
    if not failed:
        rep.add("results.signed", "pass", "results.avl", "verify.signed-submissions-ok",
                f"{len(r['submissions'])} submissions, {cells} cells")


def _signed_file(f: Folder, folder: str, name: str, kind: str, s: dict):
    """A file of the explanation round carried in the results as signed (§6.4, §12.7): the
    envelope in ROUND/folder/name with that hash, whose inner signature verifies over
    serialize(content); returns (envelope, content) or None."""
    from avformat import canonical
    try:
        data = (f.root / folder / name).read_bytes()
        env = Envelope(data, KIND_BY_NAME[kind])
        env.verify_outer()
        content = canonical(s["content"])
        ok = (file_hash(data).hex() == s["fileHash"]
              and ed25519_verify(env.sender_pk, domain(kind, "inner") + env.header_hash + b2b(content, 64),
                                 bytes.fromhex(s["innerSignature"])))
        return (env, s["content"]) if ok else None
    except CHECK_ERRORS:
        return None


def _second_contents(f: Folder, r: dict):
    """The carried second-round files whose signatures verify and whose content parses strictly
    (§12.6): [(carried entry, content)]."""
    from avsecond import parse_second
    out = []
    for x in r["second"]:
        name = f"{x['member']}.r{x['revision']}.av2"
        got = _signed_file(f, "second", name, "second-appraisal", x)
        try:
            c = parse_second(canonical(x["content"])) if got else None
        except CHECK_ERRORS:
            c = None
        # §12.7: the merge takes no row without a score (a keep states the score it keeps).
        ok = (c is not None and c["member"] == x["member"] and c["revision"] == x["revision"]
              and c["round"] == f.round_hash.hex() and got[0].header["sender"] == x["member"]
              and all(row["score"] is not None for row in c["rows"]))
        out.append((x, c if ok else None))
    return out


def _verified_second_rows(f: Folder, r: dict):
    """cell -> (row, fileHash, member) for the verified second-round rows of cells the round assigns
    their sender; a cell in two files counts for neither."""
    out, twice = {}, set()
    for x, c in _second_contents(f, r):
        for row in (c or {}).get("rows", []):
            cell = (row["unit"], row["code"])
            if f.rnd.assign.get(cell) != x["member"]:
                continue
            if cell in out:
                twice.add(cell)
            out[cell] = (row, x["fileHash"], x["member"])
    for cell in twice:
        out.pop(cell, None)
    return out


def check_results_history(rep: Report, f: Folder):
    try:
        _check_results_history(rep, f)
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError) as e:
        rep.add("results.history", "fail", "results.avl", "verify.history-entry", f"unreadable: {e!r}")


def _check_results_history(rep: Report, f: Folder):
    """26 `results.history` (§12.8): the explanation round's chain, after release, in a round with
    unit keys: signed explanations covering contested cells of their own unit only, forwards to
    the assigned member, signed second-round decisions answering them, released cells traced."""
    cid, subj = "results.history", "results.avl"
    r, man = f.results, f.man
    if not f.rnd.unit_keys:
        if r["history"] or r["explanations"] or r["second"] or man.exceptions:
            rep.add(cid, "fail", subj, "verify.history-without-explanation-round", subj)
        return
    failed = False

    def problem(subject, message, detail=""):
        nonlocal failed
        failed = True
        rep.add(cid, "fail", subject, message, detail)

    def key(xs, who):
        return sorted((x[who], x["revision"], x["fileHash"]) for x in xs)

    if (key(r["explanations"], "unit") != key(man.explanations, "unit")
            or key(r["second"], "member") != key(man.second, "member")):
        problem(subj, "verify.history-files-differ", subj)
        return
    prelim = {}
    for member_rows in getattr(f, "signed_rows", {}).values():
        prelim.update(member_rows)
    from avexplanation import parse_explanation
    disputed = {}
    for x in r["explanations"]:
        name = f"{x['unit']}.r{x['revision']}.avx"
        got = _signed_file(f, "explanations", name, "explanation", x)
        try:
            c = parse_explanation(canonical(x["content"])) if got else None
        except CHECK_ERRORS:
            c = None
        env = got[0] if got else None
        if (c is None or c["unit"] != x["unit"] or c["revision"] != x["revision"] or c["round"] != f.round_hash.hex()
                or env.header["sender"] != x["unit"] or c["notice"] != env.header["context"].get("notice")):
            problem(f"explanations/{name}", "verify.signed-content-bad", f"explanations/{name}")
            continue
        node = {s["code"]: s for s in f.rnd.unit_set[x["unit"]]["cells"]}
        for a in c["answers"]:
            sub = node.get(a["code"])
            row = prelim.get((x["unit"], a["code"]))
            ok = (sub is not None and sub["method"] != "survey" and row is not None
                  and (sub["method"] != "self" or f.rnd.self_score.get((x["unit"], a["code"])) is None
                       or Decimal(f.rnd.self_score[(x["unit"], a["code"])]) != Decimal(row["score"])))
            if not ok:
                problem(f"explanations/{name}", "verify.history-not-contested", f"{x['unit']} {a['code']}")
                continue
            if not a["agree"]:
                disputed[(x["unit"], a["code"])] = (a, x["fileHash"])
    decided = {}
    for x, c in _second_contents(f, r):
        name = f"{x['member']}.r{x['revision']}.av2"
        if c is None:
            problem(f"second/{name}", "verify.signed-content-bad", f"second/{name}")
            continue
        for row in c["rows"]:
            cell = (row["unit"], row["code"])
            if f.rnd.assign.get(cell) != x["member"] or cell in decided:
                problem(f"second/{name}", "verify.history-entry", f"{cell[0]}/{cell[1]} (second/{name})")
                continue
            decided[cell] = (row, x["fileHash"], x["member"])
    forwards = [e.get("details", {}) for e in (f.entries or []) if e.get("event") == "forward"]
    exceptions = {(x["unit"], x["code"]) for x in man.exceptions}
    released = {(u["unit"], c["code"]): c for u in r["units"] for c in u["cells"]}
    # §6.4: the history in unit order, then the framework's cell order.
    order = {}
    for i, u in enumerate(f.rnd.units):
        for j, s_ in enumerate(f.rnd.unit_set[u["id"]]["cells"]):
            order[(u["id"], s_["code"])] = (i, j)
    pos = [order.get((h["unit"], h["code"]), (1 << 62, 1 << 62)) for h in r["history"]]
    if any(not (a < b) for a, b in zip(pos, pos[1:])):
        problem(subj, "verify.history-entry", "history (order)")
    seen = {}
    for h in r["history"]:
        cell = (h["unit"], h["code"])
        name = f"{h['unit']}/{h['code']}"
        if cell in seen:
            problem(subj, "verify.history-entry", f"{name} (twice)")
            continue
        seen[cell] = h
        if f.rnd.assign.get(cell) != h["member"]:
            problem(subj, "verify.history-wrong-member", f"{name}: {h['member']}")
            continue
        row = prelim.get(cell)
        if (row is None or Decimal(row["score"]) != Decimal(h["preliminary"]["score"])
                or row["reason"] != h["preliminary"]["reason"]):
            problem(subj, "verify.history-entry", f"{name} (preliminary)")
            continue
        e = h["explanation"]
        if cell in disputed and e is None:
            problem(subj, "verify.history-entry", f"{name} (exception)")
            continue
        if e is not None:
            d = disputed.get(cell)
            if (d is None or d[1] != e["fileHash"] or d[0]["text"] != e["text"]
                    or d[0].get("attachments", []) != e["attachments"]):
                problem(subj, "verify.history-entry", f"{name} (explanation)")
                continue
            if e["forwarded"] is None:
                # never forwarded (merged with --allow-incomplete): no decision may answer it
                if h["final"] is not None:
                    problem(subj, "verify.history-entry", f"{name} (forwarded)")
                    continue
                fw = None
            else:
                fw = next((x for x in forwards if x.get("fileHash") == e["forwarded"] and x.get("unit") == h["unit"]),
                          None)
        if e is not None and e["forwarded"] is not None:
            if fw is None or fw.get("explanation") != e["fileHash"]:
                problem(subj, "verify.history-entry", f"{name} (forwarded)")
                continue
            if fw.get("member") != h["member"]:
                problem(subj, "verify.history-wrong-member", f"{name}: {fw.get('member')}")
                continue
            # the forward the merge uses: the last one of this explanation to this member
            last = [x for x in forwards if x.get("unit") == h["unit"] and x.get("member") == h["member"]
                    and x.get("explanation") == e["fileHash"]]
            if last[-1].get("fileHash") != e["forwarded"]:
                problem(subj, "verify.history-entry", f"{name} (forwarded)")
                continue
        elif e is None and cell not in exceptions:
            problem(subj, "verify.history-entry", f"{name} (exception)")
            continue
        fin = h["final"]
        change = fin is not None and fin["decision"] == "change"
        cellr = released.get(cell)
        want_score = fin["score"] if change else row["score"]
        want_reason = fin["reason"] if change else row["reason"]
        if (cellr is None or cellr["appraised"] is None or Decimal(cellr["appraised"]) != Decimal(want_score)
                or cellr["reason"] != want_reason):
            problem(subj, "verify.history-entry", f"{name} (results)")
            continue
        dec = decided.get(cell)
        if fin is None:
            if dec is not None or e is None:
                problem(subj, "verify.history-entry", f"{name} (final)")
            continue
        if (dec is None or dec[2] != h["member"] or dec[1] != fin["file"] or dec[0]["decision"] != fin["decision"]
                or Decimal(dec[0]["score"]) != Decimal(fin["score"]) or dec[0]["reason"] != fin["reason"]
                or dec[0].get("explanation") != (e["forwarded"] if e else None)
                or (fin["decision"] == "keep") != (Decimal(fin["score"]) == Decimal(h["preliminary"]["score"]))
                or (e is None and fin["decision"] != "change")):
            problem(subj, "verify.history-entry", f"{name} (final)")
    for cell in sorted(set(disputed) | set(decided)):
        if cell not in seen:
            problem(subj, "verify.history-entry", f"{cell[0]}/{cell[1]} (missing)")
    for cell in sorted(exceptions):
        if cell not in seen or seen[cell]["explanation"] is not None or cell in disputed:
            problem(subj, "verify.history-entry", f"{cell[0]}/{cell[1]} (exception)")
    if failed:
        rep.more(cid, subj)
    else:
        changed = sum(1 for h in r["history"] if h["final"] is not None and h["final"]["decision"] == "change")
        rep.add(cid, "pass", subj, "verify.history-ok",
                f"{len(r['history'])} cells, {changed} changed, {len(man.exceptions)} exceptions")


# Checks 21-26 of §9.3, after 19 and 20 passed.
RELEASED_CHECKS = (check_results_percent, check_results_reasons, check_results_appraisers, check_results_signed,
                   check_results_survey, check_results_history)


# ---------------------------------------------------------------- vectors (§1.7, §2.5)

class VectorFileError(ValueError):
    """A .vec file that does not follow the test-vector format (§1.7)."""


def parse_vector(data: bytes):
    head, sep, artifact = data.partition(b"\n\n")
    if not sep:
        raise VectorFileError("no empty line")
    hdrs = {}
    for line in head.decode("utf-8").split("\n"):
        m = re.fullmatch(r"([a-z-]+): (.*)", line)
        if not m or m.group(1) in hdrs:
            raise VectorFileError(f"bad header line {line!r}")
        hdrs[m.group(1)] = m.group(2)
    if "expect" not in hdrs:
        raise VectorFileError("no expect:")
    return hdrs, artifact


def run_area(area: str, h: dict, art: bytes):
    """Return the outcome: 'success' or a message id."""
    try:
        if area == "key-file":
            if "passphrase" in h:
                k = unlock_key_file(art, h["passphrase"].encode("utf-8"))
                fp = identity_fingerprint(k["sign_pk"], k["enc_pk"])
            else:
                _, hd, _ = parse_key_file(art)
                fp = identity_fingerprint(bytes.fromhex(hd["signingKey"]), bytes.fromhex(hd["encryptionKey"]))
        elif area == "public-identity":
            hd = read_public_identity(art)
            fp = identity_fingerprint(bytes.fromhex(hd["signingKey"]), bytes.fromhex(hd["encryptionKey"]))
        elif area == "submission":
            return run_submission_vector(h, art)
        elif area == "survey":
            return run_survey_vector(h, art)
        elif area == "notice":
            from avnotice import run_notice_vector
            return run_notice_vector(h, art)
        elif area == "explanation":
            from avexplanation import run_explanation_vector
            return run_explanation_vector(h, art)
        elif area == "forwarded":
            from avforwarded import run_forwarded_vector
            return run_forwarded_vector(h, art)
        elif area == "second":
            from avsecond import run_second_vector
            return run_second_vector(h, art)
        elif area == "journal":
            return run_journal_vector(h, art)
        elif area == "manifest":
            return run_manifest_vector(h, art)
        elif area in ("approval", "release-token"):
            return run_release_vector(area, h, art)
        elif area == "locked-results":
            return run_locked_results_vector(h, art)
        elif area == "round-definition":
            fp = Round(art).fingerprint
        elif area == "evidence":
            return run_evidence_vector(h, art)
        elif area == "evidence-hash":
            return run_evidence_hash_vector(h, art)
        elif area == "ceremony":
            return run_ceremony_vector(h, art)
        elif area == "receipt":
            return run_receipt_vector(h, art)
        elif area == "checkpoint":
            return run_checkpoint_vector(h, art)
        else:
            return f"unsupported-area:{area}"
        if "fingerprint" in h and fp != h["fingerprint"]:
            return f"fingerprint-mismatch:{fp}"
        return "success"
    except AVError as e:
        return e.msg_id


def run_submission_vector(h: dict, art: bytes) -> str:
    """`submission` vectors (spec §5.5-§5.6): open with `recipient-secret-key`, check the optional
    `plaintext-hash` (blake2b-256) and `sender-signing-key`, then the plaintext's binding to the header."""
    import nacl.bindings as nb
    sk = bytes.fromhex(h["recipient-secret-key"])
    pk = nb.crypto_scalarmult_base(sk)
    env = Envelope(art, KIND_BY_NAME["submission"])
    env.verify_outer()
    plain = env.open(pk, sk)
    if "plaintext-hash" in h and "blake2b-256 " + b2b(plain, 32).hex() != h["plaintext-hash"]:
        return "plaintext hash differs"
    if "sender-signing-key" in h and env.header["senderSigningKey"] != h["sender-signing-key"]:
        return "sender key differs"
    try:
        content = parse_canonical(plain)
        fields(content, "content", ("member", "revision", "round", "rows"))
        f_ident(content["member"], "content.member")
        f_int(content["revision"], "content.revision", 1, 1_000_000)
        f_hex(content["round"], "content.round", 32)
        hdr(isinstance(content["rows"], list), "content.rows", "not an array")
        for i, row in enumerate(content["rows"]):
            fields(row, f"content.rows[{i}]", ("code", "reason", "score", "unit"))
            f_dec(row["score"], f"content.rows[{i}].score")
            f_str(row["reason"], f"content.rows[{i}].reason", 4000, 0, one_line=False)
    except AVError:
        return "submission.malformed"
    if (content["member"] != env.header["sender"] or content["round"] != env.header["round"]
            or env.header["context"] != {"revision": content["revision"]}):
        return "merge.content-mismatch"
    return "success"


def parse_survey_shape(plain: bytes):
    """§6.6 content rules that need no round: exactly the three fields, canonical scores ≥ 0,
    sorted by unit then code (bytes), each cell once; else format.header."""
    c = parse_canonical(plain)
    fields(c, "survey", ("revision", "round", "scores"))
    f_int(c["revision"], "survey.revision", 1, 1_000_000)
    f_hex(c["round"], "survey.round", 32)
    hdr(isinstance(c["scores"], list), "survey.scores", "not an array")
    last = None
    for i, x in enumerate(c["scores"]):
        p = f"survey.scores[{i}]"
        fields(x, p, ("code", "score", "unit"))
        f_str(x["unit"], p + ".unit", 64, 0)
        f_str(x["code"], p + ".code", 32, 0)
        hdr(f_dec(x["score"], p + ".score") >= 0, p + ".score", "negative")
        key = (x["unit"].encode(), x["code"].encode())
        hdr(last is None or key > last, p, "not sorted by unit and code, or a cell twice")
        last = key
    return c


def run_survey_vector(h: dict, art: bytes) -> str:
    """`survey` vectors (spec §6.6): a `survey` envelope; open with `recipient-secret-key`, check the
    optional `plaintext-hash` and `sender-signing-key`, the content's shape, and its binding to the
    header (`round`, `context` = {"revision": n})."""
    import nacl.bindings as nb
    sk = bytes.fromhex(h["recipient-secret-key"])
    pk = nb.crypto_scalarmult_base(sk)
    env = Envelope(art, KIND_BY_NAME["survey"])
    env.verify_outer()
    plain = env.open(pk, sk)
    if "plaintext-hash" in h and "blake2b-256 " + b2b(plain, 32).hex() != h["plaintext-hash"]:
        return "plaintext hash differs"
    if "sender-signing-key" in h and env.header["senderSigningKey"] != h["sender-signing-key"]:
        return "sender key differs"
    c = parse_survey_shape(plain)
    if c["round"] != env.header["round"] or env.header["context"] != {"revision": c["revision"]}:
        return "merge.survey-content"
    return "success"


def run_journal_vector(h: dict, art: bytes) -> str:
    """`journal` vectors (spec §7 reject order): container, signature by `secretary-signing-key`,
    header and entries, `round` = `round-hash`, chain; optional `entry-count` and `head`."""
    j = Journal(art)
    if not j.signed_by(bytes.fromhex(h["secretary-signing-key"])):
        return "journal.bad-signature"
    entries = j.parse_entries()
    if j.h["round"] != h["round-hash"]:
        return "journal.wrong-round"
    if j.chain_problems():
        return "journal.broken-chain"
    if "entry-count" in h and str(len(entries)) != h["entry-count"]:
        return "entry count differs"
    if "head" in h and j.h["head"] != h["head"]:
        return "head differs"
    return "success"


def run_manifest_vector(h: dict, art: bytes) -> str:
    """`manifest` vectors (spec §6.3 reading order): container, strict header, then the signature
    by `secretary-signing-key`."""
    m = Manifest(art)
    if not m.signed_by(bytes.fromhex(h["secretary-signing-key"])):
        return "manifest.bad-signature"
    return "success"


class _PolicyRound:
    """The parts of a Round that Approval.verify and verify_token use, from a vector's `policy:`
    line (hex of the canonical JSON of a round's `release` section, §4.6)."""

    def __init__(self, h: dict):
        from avceremony import judge_section
        self.ceremony = judge_section(parse_canonical(bytes.fromhex(h["policy"])), "policy")
        self.joint_key = self.ceremony.joint_key
        self.threshold = self.ceremony.plan.t


def run_release_vector(area: str, h: dict, art: bytes) -> str:
    """`approval` (§8.2-§8.3) and `release-token` (§8.4, §8.6) vectors."""
    rnd = _PolicyRound(h)
    hashes = [bytes.fromhex(h[k]) for k in ("round-hash", "manifest-hash", "results-hash", "ephemeral-key")]
    if area == "approval":
        Approval(art).verify(rnd, *hashes)
    else:
        verify_token(art, rnd, *hashes)
    return "success"


def run_locked_results_vector(h: dict, art: bytes) -> str:
    """`locked-results` vectors (§6.4, §8.7 steps 1-5 with public data, then open with the
    `partials:` x:D_x pairs, §8.7 step 8, §5.5)."""
    rnd = _PolicyRound(h)
    sec = read_public_identity(bytes.fromhex(h["secretary-public-identity"]))
    env = Envelope(art, KIND_BY_NAME["locked-results"])
    env.verify_outer()
    eh = env.header
    if eh["round"] != h["round-hash"]:
        return "results.wrong-round"
    if eh["sender"] != sec["id"] or eh["senderSigningKey"] != sec["signingKey"]:
        return "results.wrong-sender"
    if bytes.fromhex(eh["recipient"]) != rnd.joint_key:
        return "results.wrong-recipient"
    if eh["context"] != {}:
        return "format.header"
    partials = [(int(x), bytes.fromhex(d)) for x, d in (p.split(":") for p in h["partials"].split())]
    plain = env.open_with_partials(rnd.joint_key, partials)
    if "plaintext-hash" in h and "blake2b-256 " + b2b(plain, 32).hex() != h["plaintext-hash"]:
        return "plaintext hash differs"
    return "success"


def run_ceremony_vector(h: dict, art: bytes) -> str:
    """`ceremony` vectors (§4.2-§4.6): judge the release section; a positive vector must give
    its `joint-key`, `verification-keys` and `excluded` lines."""
    from avceremony import judge_section
    out = judge_section(parse_canonical(art), "release")
    if "joint-key" in h and out.joint_key.hex() != h["joint-key"]:
        return "joint key differs"
    vks = " ".join(k.hex() if k is not None else "-" for k in out.verification_keys)
    if "verification-keys" in h and vks != h["verification-keys"]:
        return "verification keys differ"
    excl = " ".join(f"{x}:{c}" for x, c in out.excluded) or "none"
    if "excluded" in h and excl != h["excluded"]:
        return f"excluded differs: {excl}"
    return "success"


def evidence_hash_content(rule: str, n: int) -> bytes:
    """The content of an `evidence-hash` vector from its stated rule (Tests/Vectors/README.md)."""
    if rule != "byte j = j mod 251":
        raise VectorFileError(f"unknown content-rule {rule!r}")
    return (bytes(range(251)) * (n // 251 + 1))[:n]


def run_evidence_hash_vector(h: dict, art: bytes) -> str:
    """`evidence-hash` vectors (§5.4): the tree hash of content built from `content-rule` and
    `content-length`, with the body as the final chunk, against `leaf-hashes`, `cipher-hash` and
    `payload-hash` (computed here from the spec's formulas in avformat)."""
    if len(art) != 81:
        raise VectorFileError("the body must be the 81-byte final chunk")
    n = int(h["content-length"])
    content = evidence_hash_content(h["content-rule"], n)
    leaves = evidence_leaf_hashes(content)
    listed = [bytes.fromhex(x) for x in h.get("leaf-hashes", "").split(" ") if x]
    if len(leaves) != int(h["leaf-count"]) or leaves != listed:
        return "leaf hashes differ"
    cipher = evidence_cipher_hash(content)
    if cipher.hex() != h["cipher-hash"]:
        return "cipher-hash differs"
    if evidence_payload_hash(cipher, art).hex() != h["payload-hash"]:
        return "payload-hash differs"
    return "success"


def run_evidence_vector(h: dict, art: bytes) -> str:
    """`evidence` vectors (§10.1, §10.4 steps 1-4, then §5.5 steps 5-8): outer signature, binding to
    the roster in the header lines (`round-hash`, `secretary-public-identity`, the one member
    `member-public-identity`), the context, then open with `recipient-secret-key`."""
    import unicodedata
    import nacl.bindings as nb
    from avformat import CTRL_RE
    sec = read_public_identity(bytes.fromhex(h["secretary-public-identity"]))
    mem = read_public_identity(bytes.fromhex(h["member-public-identity"]))
    env = Envelope(art, KIND_BY_NAME["evidence"])
    env.verify_outer()
    if "file-hash" in h and env.file_hash().hex() != h["file-hash"]:
        return "file hash differs"
    eh = env.header
    by_secretary = eh["sender"] == sec["id"] and eh["senderSigningKey"] == sec["signingKey"]
    if eh["round"] != h["round-hash"]:
        return "inbox.wrong-round"
    if eh["recipient"] != sec["encryptionKey"]:
        return "inbox.wrong-recipient"
    if not by_secretary:
        if eh["sender"] != mem["id"]:
            if eh["sender"] == sec["id"] or eh["senderSigningKey"] == sec["signingKey"]:
                return "inbox.wrong-role"
            return "inbox.not-member"
        if eh["senderSigningKey"] != mem["signingKey"]:
            return "inbox.key-mismatch"
    c = eh["context"]
    fields(c, "context", ("index", "name", "revision", "size"))
    f_int(c["index"], "context.index", 1, 999)
    name = f_str(c["name"], "context.name", 255, 1)
    hdr(unicodedata.normalize("NFC", name) == name and name not in (".", "..") and "/" not in name
        and "\\" not in name and not CTRL_RE.search(name) and not is_blank(name), "context.name",
        "not a valid evidence name")
    f_int(c["revision"], "context.revision", 1, 1000000)
    f_int(c["size"], "context.size", 0, 2 ** 53 - 1)
    content = len(env.payload) - 81
    hdr(c["size"] == content - 17 * -(-content // 65553), "context.size", "does not match the payload length")
    hdr(not by_secretary or c["revision"] == 1, "context.revision", "must be 1 for the secretary")
    sk = bytes.fromhex(h["recipient-secret-key"])
    plain = env.open(nb.crypto_scalarmult_base(sk), sk)
    if "plaintext-hash" in h and "blake2b-256 " + b2b(plain, 32).hex() != h["plaintext-hash"]:
        return "plaintext hash differs"
    return "success"


def _vector_journal_entries(h: dict):
    j = Journal(bytes.fromhex(h["journal"]))
    entries = j.parse_entries()
    hdr(not j.chain_problems(), "journal", "the vector's journal chain is broken")
    return entries


def run_receipt_vector(h: dict, art: bytes) -> str:
    """`receipt` vectors (§11.3 order): cap, container, header, signature by
    `secretary-signing-key`, round (`round-hash`), held by the `journal` line's journal."""
    r = Receipt(art)
    r.verify(bytes.fromhex(h["secretary-signing-key"]), bytes.fromhex(h["round-hash"]))
    r.check(_vector_journal_entries(h))
    return "success"


def run_checkpoint_vector(h: dict, art: bytes) -> str:
    """`checkpoint` vectors (§11.4 order): cap, container, header, signature by
    `holderSigningKey`, a holder of `policy`, round (`round-hash`), extended by the `journal`."""
    from avceremony import judge_section
    from avround import holder_by_key
    ceremony = judge_section(parse_canonical(bytes.fromhex(h["policy"])), "policy")

    class _Holders:
        def holder_by_key(self, spk_hex):
            return holder_by_key(ceremony, spk_hex)

    c = Checkpoint(art)
    c.verify(_Holders(), bytes.fromhex(h["round-hash"]))
    c.check(_vector_journal_entries(h))
    return "success"


def run_vector(path: Path):
    h, art = parse_vector(path.read_bytes())
    got = run_area(path.parent.name, h, art)
    return got == h["expect"], h["expect"], got


def cmd_vectors(paths, verbose=True):
    npass = nfail = 0
    for p in paths:
        try:
            ok, exp, got = run_vector(p)
        except (OSError, ValueError, KeyError) as e:
            # unreadable file; VectorFileError, bad UTF-8 or hex in a header line (ValueError);
            # a header line the area's runner needs is missing (KeyError)
            ok, exp, got = False, "?", f"error {e!r}"
        npass += ok
        nfail += not ok
        if verbose or not ok:
            print(f"{'ok  ' if ok else 'FAIL'} {p}  expect={exp} got={got}")
    print(f"{npass} passed, {nfail} failed")
    return 0 if nfail == 0 else 1


# ---------------------------------------------------------------- decrypt

def cmd_decrypt(a):
    pw = passphrase_from_file(Path(a.passphrase_file).read_bytes())
    key = unlock_key_file(Path(a.key).read_bytes(), pw)
    data = Path(a.file).read_bytes()
    kind = data[8] if len(data) > 8 else 0
    if kind not in (KIND_BY_NAME["submission"], KIND_BY_NAME["evidence"]):
        fail("format.wrong-kind", "decrypt opens submission or evidence envelopes")
    env = Envelope(data, kind)
    env.verify_outer()
    if bytes.fromhex(env.header["recipient"]) != key["enc_pk"]:
        fail("envelope.not-for-you", "recipient is not this key")
    pt = env.open(key["enc_pk"], key["enc_sk"])
    if kind == KIND_BY_NAME["submission"]:
        doc = parse_canonical(pt)
        fields(doc, "plaintext", ("member", "revision", "round", "rows"))
        hdr(doc["member"] == env.header["sender"] and doc["round"] == env.header["round"]
            and doc["revision"] == env.header["context"].get("revision"), "plaintext",
            "member/revision/round differ from the header")
    sys.stdout.buffer.write(pt + b"\n")
    sys.stderr.write(f"opened {a.file}: sender {env.header['sender']}, {len(pt)} bytes; outer and inner "
                     "signatures verify, file-key commitment matches\n")
    return 0


# ---------------------------------------------------------------- main


def shown(s: str) -> str:
    """`s` for a terminal: controls other than TAB and LF and bidi controls (spec §1.3) as \\u{XXXX}."""
    out = []
    for ch in s:
        o = ord(ch)
        bad = (o < 0x20 and ch not in "\t\n") or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029, 0x061C, 0x200E, 0x200F) \
            or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069
        out.append(f"\\u{{{o:X}}}" if bad else ch)
    return "".join(out)

def main(argv=None):
    ap = argparse.ArgumentParser(prog="avverify")
    sp = ap.add_subparsers(dest="cmd", required=True)
    r = sp.add_parser("round")
    r.add_argument("folder")
    r.add_argument("--fingerprint")
    r.add_argument("--receipts")
    r.add_argument("--json", action="store_true")
    v = sp.add_parser("vector")
    v.add_argument("file")
    vs = sp.add_parser("vectors")
    vs.add_argument("dir")
    vs.add_argument("-q", "--quiet", action="store_true")
    d = sp.add_parser("decrypt")
    d.add_argument("file")
    d.add_argument("--key", required=True)
    d.add_argument("--passphrase-file", required=True)
    a = ap.parse_args(argv)
    if (warning := unicode_version_warning()) is not None:
        print(f"avverify: {warning}", file=sys.stderr)
    try:
        if a.cmd == "vector":
            return cmd_vectors([Path(a.file)])
        if a.cmd == "vectors":
            return cmd_vectors(sorted(Path(a.dir).rglob("*.vec")), verbose=not a.quiet)
        if a.cmd == "decrypt":
            return cmd_decrypt(a)
    except AVError as e:
        print(f"rejected: {shown(str(e))}", file=sys.stderr)
        return 1
    fp = None
    if a.fingerprint is not None:
        fp = normalize_fingerprint(a.fingerprint)
        if fp is None:
            print("not a fingerprint (24 base32 characters)", file=sys.stderr)
            return 64
    root = Path(a.folder)
    if not root.is_dir():
        print(f"{root}: not a folder", file=sys.stderr)
        return 66
    rep, out = verify_round(root, fp, Path(a.receipts) if a.receipts else None)
    if a.json:
        doc = {"anchor": out["anchor"],
               "checks": [{k: c[k] for k in ("detail", "id", "message", "passed", "status", "subject")}
                          for c in rep.checks], "passed": rep.passed, "round": out["round"]}
        sys.stdout.buffer.write(canonical(doc) + b"\n")
    else:
        sym = {"pass": "✓", "fail": "✗", "not-yet": "–", "warn": "!"}
        for c in rep.checks:
            print(f"{sym[c['status']]} {c['id']:<22} {shown(c['subject'])}  {c['message']} {shown(str(c['detail']))}")
        nf = sum(c["status"] == "fail" for c in rep.checks)
        if not rep.passed:
            print(f"FAILED: {nf} of {len(rep.checks)} checks failed.")
        else:
            print("PASSED" if out["anchor"] != "none" else "NOT ANCHORED: the checks passed, but no --fingerprint")
    # §9.5: 2 when every check passed but nothing anchored the folder (this verifier keeps no pins).
    return 1 if not rep.passed else 0 if out["anchor"] != "none" else 2


if __name__ == "__main__":
    sys.exit(main())
