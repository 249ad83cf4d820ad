"""Tampering cases applied to a copy of a demo round folder (shared by the tests and by hand)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def flip(path: Path, pos: int | None = None, mask: int = 0x01):
    b = bytearray(path.read_bytes())
    i = len(b) // 2 if pos is None else (pos if pos >= 0 else len(b) + pos)
    b[i] ^= mask
    path.write_bytes(bytes(b))


def truncate(path: Path, n: int):
    path.write_bytes(path.read_bytes()[:-n])


def first(folder: Path):
    return sorted(folder.iterdir())[0]


def _flip_text(path: Path, old: bytes, new: bytes):
    b = path.read_bytes()
    assert old in b, (path, old)
    path.write_bytes(b.replace(old, new, 1))


CASES = {
    "pristine": lambda r: None,
    "flip-submission-middle": lambda r: flip(first(r / "submissions")),
    "flip-submission-last-byte": lambda r: flip(first(r / "submissions"), -1),
    "flip-submission-header": lambda r: flip(first(r / "submissions"), 40),
    "truncate-submission": lambda r: truncate(first(r / "submissions"), 100),
    "remove-submission": lambda r: first(r / "submissions").unlink(),
    "extra-file-in-submissions": lambda r: (r / "submissions" / "notes.txt").write_text("hi"),
    "rename-submission-revision": lambda r: first(r / "submissions").rename(r / "submissions" / "tv-01.r2.avs"),
    "swap-submission-names": lambda r: (
        os.rename(r / "submissions/tv-01.r1.avs", r / "x"),
        os.rename(r / "submissions/tv-02.r1.avs", r / "submissions/tv-01.r1.avs"),
        os.rename(r / "x", r / "submissions/tv-02.r1.avs")),
    "move-submission-to-superseded": lambda r: (
        (r / "superseded").mkdir(exist_ok=True),
        os.rename(r / "submissions/tv-03.r1.avs", r / "superseded/tv-03.r1.avs")),
    "flip-journal-entry": lambda r: flip(r / "journal.avj", 400),
    "flip-journal-signature": lambda r: flip(r / "journal.avj", -1),
    "remove-journal": lambda r: (r / "journal.avj").unlink(),
    "flip-manifest": lambda r: flip(r / "manifest.avm", 200),
    "flip-manifest-signature": lambda r: flip(r / "manifest.avm", -3),
    "remove-manifest": lambda r: (r / "manifest.avm").unlink(),
    "flip-results": lambda r: flip(r / "results.avl"),
    "flip-results-signature": lambda r: flip(r / "results.avl", -5),
    "remove-results": lambda r: (r / "results.avl").unlink(),
    "remove-manifest-and-results": lambda r: ((r / "manifest.avm").unlink(), (r / "results.avl").unlink()),
    "unmerged-unreleased": lambda r: ((r / "manifest.avm").unlink(), (r / "results.avl").unlink(),
                                      shutil.rmtree(r / "approvals"), (r / "release-token.avt").unlink()),
    "remove-token": lambda r: (r / "release-token.avt").unlink(),
    "remove-one-approval": lambda r: first(r / "approvals").unlink(),
    "remove-one-approval-and-token": lambda r: (first(r / "approvals").unlink(), (r / "release-token.avt").unlink()),
    "remove-approvals-and-token": lambda r: (shutil.rmtree(r / "approvals"), (r / "release-token.avt").unlink()),
    "duplicate-approval": lambda r: shutil.copy(first(r / "approvals"), r / "approvals" / "copy.ava"),
    "flip-approval": lambda r: flip(first(r / "approvals"), 100),
    "flip-approval-signature": lambda r: flip(first(r / "approvals"), -1),
    "flip-token": lambda r: flip(r / "release-token.avt", 60),
    "forged-partial": lambda r: _forge_partial(r),
    "trailing-byte-token": lambda r: (r / "release-token.avt").write_bytes((r / "release-token.avt").read_bytes() + b"\0"),
    "flip-receipt": lambda r: flip(first(r / "receipts"), 60),
    "remove-receipt": lambda r: first(r / "receipts").unlink(),
    "flip-round": lambda r: flip(r / "round.avr", 300),
    "remove-round": lambda r: (r / "round.avr").unlink(),
}


# earlier stages of a valid round, or harmless changes: both verifiers must pass them
VALID = {"pristine", "unmerged-unreleased", "remove-token", "remove-one-approval", "remove-one-approval-and-token",
         "remove-approvals-and-token", "duplicate-approval", "remove-receipt"}


def _forge_partial(r: Path):
    """One approval's partial decryption replaced by the generator, re-signed by its holder (demo
    keys are public): the proof fails, so approval.verify and token.verify fail."""
    import json
    from avceremony import G
    ap = first(r / "approvals")
    b = ap.read_bytes()
    L = int.from_bytes(b[9:13], "big")
    h = json.loads(b[13:13 + L])
    h["partial"] = G.hex()
    ap.write_bytes(_signed(7, "approval", h, _holder_keys(h["holder"])["seed"]))


def make_case(src: Path, dst: Path, name: str) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    CASES[name](dst)
    return dst


# ---- structural cases: the demo secretary's key is public (keys/README.md), so a forger who
# ---- holds it can re-sign; these check the semantic checks, not the signatures.
_SECRETARY = {}
REPO = Path(__file__).resolve().parent.parent.parent


def _secretary_seed():
    if "seed" not in _SECRETARY:
        from avformat import unlock_key_file
        k = unlock_key_file((REPO / "keys" / "thu-ky.key").read_bytes(), b"demo-appraisal-2026")
        _SECRETARY["seed"] = k["seed"]
    return _SECRETARY["seed"]


def _resign(path: Path, kind_name: str, edit):
    import json
    import nacl.signing
    from avformat import b2b, canonical, domain
    b = path.read_bytes()
    L = int.from_bytes(b[9:13], "big")
    h = json.loads(b[13:13 + L])
    edit(h)
    hb = canonical(h)
    pre = b[:9] + len(hb).to_bytes(4, "big") + hb
    sig = nacl.signing.SigningKey(_secretary_seed()).sign(domain(kind_name, "signature") + b2b(pre, 64)).signature
    path.write_bytes(pre + sig)


def _rechain(h):
    from avround import entry_hash
    prev = bytes(32)
    for i, e in enumerate(h["entries"]):
        e["seq"] = i + 1
        e["prev"] = prev.hex()
        prev = entry_hash(e)
    h["head"] = prev.hex()


def _drop_entry(i, rechain):
    def edit(h):
        del h["entries"][i]
        if rechain:
            _rechain(h)
    return edit


def _set_cov(**kw):
    def edit(h):
        h["coverage"].update(kw)
    return edit


def _change_receive_hash(h):
    h["entries"][2]["details"]["fileHash"] = "00" * 32
    _rechain(h)


def _dup_merge(h):
    h["entries"].append(dict(h["entries"][-1], at="2026-12-31T00:00:00Z"))
    _rechain(h)


RESIGNED = {
    "resigned-journal-drop-receive": lambda r: _resign(r / "journal.avj", "journal", _drop_entry(2, False)),
    "resigned-journal-drop-receive-rechained": lambda r: _resign(r / "journal.avj", "journal", _drop_entry(2, True)),
    "resigned-journal-changed-hash": lambda r: _resign(r / "journal.avj", "journal", _change_receive_hash),
    "resigned-journal-two-merges": lambda r: _resign(r / "journal.avj", "journal", _dup_merge),
    "resigned-journal-empty": lambda r: _resign(r / "journal.avj", "journal",
                                               lambda h: (h.update(entries=[], head="00" * 32))),
    "resigned-journal-other-round": lambda r: _resign(r / "journal.avj", "journal",
                                                     lambda h: h.update(round="ab" * 32)),
    "resigned-manifest-gaps": lambda r: _resign(r / "manifest.avm", "manifest", _set_cov(gaps=1)),
    "resigned-manifest-allow-incomplete": lambda r: _resign(r / "manifest.avm", "manifest",
                                                           lambda h: h.update(allowIncomplete=True)),
    "resigned-manifest-appraised-less": lambda r: _resign(r / "manifest.avm", "manifest",
                                                         lambda h: h["coverage"].update(appraised=h["coverage"]["appraised"] - 1)),
    "resigned-manifest-missing-member": lambda r: _resign(r / "manifest.avm", "manifest",
                                                         _set_cov(missingMembers=["tv-09"])),
    "resigned-manifest-other-round": lambda r: _resign(r / "manifest.avm", "manifest",
                                                      lambda h: h.update(round="ab" * 32)),
    "resigned-manifest-drop-submission": lambda r: _resign(r / "manifest.avm", "manifest",
                                                          lambda h: h["submissions"].pop()),
}
CASES.update(RESIGNED)


# ---- released-results cases (§9.3): the demo holders' keys are public too, so a forger can
# ---- re-seal edited results and redo manifest, journal, approvals and token around them.
def _header(b: bytes):
    import json
    L = int.from_bytes(b[9:13], "big")
    return json.loads(b[13:13 + L])


def _signed(kind: int, kind_name: str, h, seed: bytes) -> bytes:
    import nacl.signing
    from avformat import b2b, canonical, domain
    hb = canonical(h)
    pre = b"AVAULT\x00\x01" + bytes([kind]) + len(hb).to_bytes(4, "big") + hb
    return pre + nacl.signing.SigningKey(seed).sign(domain(kind_name, "signature") + b2b(pre, 64)).signature


_HOLDERS = {}


def _holder_keys(hid: str):
    if hid not in _HOLDERS:
        from avformat import unlock_key_file
        _HOLDERS[hid] = unlock_key_file((REPO / "keys" / f"{hid}.key").read_bytes(), b"demo-appraisal-2026")
    return _HOLDERS[hid]


def _seal_results(old_header, plain: bytes, joint_key: bytes, seed: bytes) -> tuple[bytes, bytes]:
    """Locked results to the joint key (§8.7, hashed ElGamal); returns (file, ephemeral point)."""
    import os as _os
    import nacl.bindings as nb
    import nacl.signing
    from avceremony import L, base, mul
    from avformat import b2b, canonical, domain
    sk = nacl.signing.SigningKey(seed)
    r = int.from_bytes(_os.urandom(64), "little") % L
    u = base(r)
    fk = b2b(domain("locked-results", "file-key") + u + joint_key + mul(r, joint_key), 32)
    st = nb.crypto_secretstream_xchacha20poly1305_state()
    sh = nb.crypto_secretstream_xchacha20poly1305_init_push(st, fk)
    h = dict(old_header)
    h.update(fileKeyCommitment=b2b(domain("locked-results", "file-key-commitment") + bytes.fromhex(h["round"]),
                                   32, key=fk).hex(),
             ephemeralKey=u.hex(), streamHeader=sh.hex())
    hb = canonical(h)
    pre = b"AVAULT\x00\x01\x06" + len(hb).to_bytes(4, "big") + hb
    hh = b2b(pre, 64)
    payload = b"".join(nb.crypto_secretstream_xchacha20poly1305_push(st, plain[i:i + 65536], hh, 0)
                       for i in range(0, len(plain), 65536))
    inner = sk.sign(domain("locked-results", "inner") + hh + b2b(plain, 64)).signature
    payload += nb.crypto_secretstream_xchacha20poly1305_push(st, inner, hh, 3)
    outer = sk.sign(domain("locked-results", "outer") + hh + b2b(payload, 64)).signature
    return pre + payload + outer, u


def _partial(rnd, hid: str, u: bytes, ah: dict):
    """Holder `hid`'s partial decryption of `u` with its proof (§8.2), as `release approve` makes it:
    x_j from the shares sealed to the holder in the qualified dealings."""
    import os as _os
    import nacl.bindings as nb
    from avceremony import G, L, base, hash_scalar, mul, partial_context
    keys = _holder_keys(hid)
    c = rnd.ceremony
    j = next(p + 1 for p, i in enumerate(c.plan.holders) if i["id"] == hid)
    x = sum(int.from_bytes(nb.crypto_box_seal_open(c.dealings[i - 1].shares[j - 1], keys["enc_pk"],
                                                   keys["enc_sk"])[:32], "little") for i in c.qualified) % L
    d = mul(x, u)
    w = int.from_bytes(_os.urandom(64), "little") % L
    ctx = partial_context(bytes.fromhex(ah["round"]), bytes.fromhex(ah["manifest"]), bytes.fromhex(ah["results"]),
                          ah["decision"], j)
    ch = hash_scalar(ctx + G + u + c.verification_keys[j - 1] + d + base(w) + mul(w, u))
    return d, ch.to_bytes(32, "little") + ((w + ch * x) % L).to_bytes(32, "little")


def _forge_results(edit, man_edit=None):
    def apply(r: Path):
        import json
        from avformat import Envelope, canonical, file_hash
        from avround import Round, verify_token
        rnd = Round((r / "round.avr").read_bytes())
        tok = _header((r / "release-token.avt").read_bytes())
        data = (r / "results.avl").read_bytes()
        env = Envelope(data, 6)
        partials = verify_token((r / "release-token.avt").read_bytes(), rnd, rnd.file_hash,
                                file_hash((r / "manifest.avm").read_bytes()), file_hash(data),
                                bytes.fromhex(env.header["ephemeralKey"]))
        res = json.loads(env.open_with_partials(rnd.joint_key, partials))
        edit(res)
        seed = _secretary_seed()
        new_results, u = _seal_results(env.header, canonical(res), rnd.joint_key, seed)
        (r / "results.avl").write_bytes(new_results)
        rh = file_hash(new_results).hex()
        mh = _header((r / "manifest.avm").read_bytes())
        mh["results"] = rh
        if man_edit:
            man_edit(mh)
        man = _signed(5, "manifest", mh, seed)
        (r / "manifest.avm").write_bytes(man)
        mhash = file_hash(man).hex()

        def fix_journal(h):
            h["entries"][-1]["details"].update(manifest=mhash, results=rh)
            _rechain(h)
            fix_journal.entries = h["entries"]
        _resign(r / "journal.avj", "journal", fix_journal)
        # the holders' checkpoints (§11.4) name the old head: re-signed too (their keys are public)
        from avround import entry_hash
        for cp in sorted((r / "checkpoints").iterdir()) if (r / "checkpoints").is_dir() else []:
            ch = _header(cp.read_bytes())
            ch["head"] = entry_hash(fix_journal.entries[ch["entries"] - 1]).hex()
            cseed = _holder_keys(ch["holder"])["seed"]
            cp.write_bytes(_signed(12, "checkpoint", ch, cseed))
        hexes = []
        for ap in sorted((r / "approvals").iterdir()):
            ah = _header(ap.read_bytes())
            ah.update(manifest=mhash, results=rh)
            d, proof = _partial(rnd, ah["holder"], u, ah)
            ah.update(partial=d.hex(), proof=proof.hex())
            data = _signed(7, "approval", ah, _holder_keys(ah["holder"])["seed"])
            ap.write_bytes(data)
            hexes.append((ah["x"], data.hex()))
        tok.update(manifest=mhash, results=rh, approvals=[h for _, h in sorted(hexes)])
        hb = canonical(tok)
        (r / "release-token.avt").write_bytes(b"AVAULT\x00\x01\x08" + len(hb).to_bytes(4, "big") + hb)
    return apply


def _cell(res, kind):
    for u in res["units"]:
        for c in u["cells"]:
            if kind == "differs" and c["self"] is not None and c["self"] != c["appraised"]:
                return u, c
            if kind == "council" and c["method"] == "council" and c["appraised"] is not None:
                return u, c
    raise AssertionError(kind)


def _e_score(res):
    _, c = _cell(res, "council")
    c["appraised"] = "0" if c["appraised"] != "0" else c["max"]


def _e_percent(res):
    u = res["units"][0]
    u["percent"] = "0.01" if u["percent"] != "0.01" else "0.02"


def _e_reason(res):
    _, c = _cell(res, "differs")
    c["reason"] = " "


def _extra(res, nonzero: bool):
    """A bonus or penalty cell (§3.3 F6) of the demo, with a value other than 0 when `nonzero`."""
    for u in res["units"]:
        for c in u["cells"]:
            if c["method"] in ("bonus", "penalty") and c["appraised"] is not None and (c["appraised"] != "0") == nonzero:
                return u, c
    raise AssertionError("bonus/penalty")


def _e_bonus_over_cap(res):
    # Above its cap, with the unit's bonus/penalty and final total following, so only the cap
    # (and the signature of the cell) is wrong.
    from decimal import Decimal
    u, c = _extra(res, False)
    over = Decimal(c["max"]) + 1
    c["appraised"], c["reason"] = str(over), "vượt mức tối đa"
    sign = 1 if c["method"] == "bonus" else -1
    u[c["method"]] = str(Decimal(u[c["method"]]) + over)
    u["final"] = str(max(Decimal(0), Decimal(u["final"]) + sign * over))


def _e_bonus_no_reason(res):
    _, c = _extra(res, True)
    c["reason"] = ""


def _e_drop_signed_penalty(res):
    # A dishonest secretary leaves out a member's signed penalty cell (here one of 0, so every
    # total, percent and rank stays right) and calls it a gap; the manifest below follows.
    _, c = _extra(res, False)
    c["appraised"], c["appraiser"], c["reason"] = None, "", ""


def _e_history_text(res):
    # The unit's explanation reworded in the history (§12.7): it no longer is what the unit signed.
    res["history"][0]["explanation"]["text"] += " (sửa)"


def _e_history_member(res):
    # The history names another member than the one the round assigns the cell.
    h = res["history"][0]
    h["member"] = "tv-08" if h["member"] != "tv-08" else "tv-07"


def _e_history_dropped(res):
    # A kept cell's history left out: the unit's dispute disappears from the record.
    res["history"] = [h for h in res["history"] if h["final"]["decision"] != "keep"]


def _e_history_final(res):
    # The member's decision misreported: the answer is not the one the member signed.
    res["history"][0]["final"]["reason"] += " (sửa)"


def _e_history_order(res):
    # The history out of unit and framework order (§6.4).
    res["history"].reverse()


_EXCEPTION = {}


def _e_history_exception(res):
    # A unit's disputed cell recorded as an "allowed exception": its explanation disappears.
    h = res["history"][0]
    h["explanation"] = None
    _EXCEPTION.update(unit=h["unit"], code=h["code"])


def _m_exception(mh):
    # ... and the manifest lists it as one (the journal's merge entry does not: check 14 fails too).
    mh["exceptions"] = [{"code": _EXCEPTION["code"], "unit": _EXCEPTION["unit"]}]


def _e_cell_over_max(res):
    # A council cell above its maximum (only a forged file or a hand-made second round could).
    from decimal import Decimal
    _, c = _cell(res, "council")
    c["appraised"] = str(Decimal(c["max"]) + 1)


def _m_one_gap(mh):
    cov = mh["coverage"]
    cov["appraised"] -= 1
    cov["gaps"] += 1
    mh["allowIncomplete"] = True


def _e_appraiser(res):
    _, c = _cell(res, "council")
    c["appraiser"] = "tv-08" if c["appraiser"] != "tv-08" else "tv-01"


def _e_order(res):
    res["units"][0], res["units"][1] = res["units"][1], res["units"][0]


def _e_survey(res):
    res["surveyAvailable"] = not res["surveyAvailable"]


FORGED = {
    "forged-results-resealed-unchanged": _forge_results(lambda res: None),
    "forged-results-cell-score": _forge_results(_e_score),
    "forged-results-percent": _forge_results(_e_percent),
    "forged-results-blank-reason": _forge_results(_e_reason),
    "forged-results-appraiser": _forge_results(_e_appraiser),
    "forged-results-bonus-over-cap": _forge_results(_e_bonus_over_cap),
    "forged-results-bonus-no-reason": _forge_results(_e_bonus_no_reason),
    "forged-results-unit-order": _forge_results(_e_order),
    "forged-results-signed-cell-dropped": _forge_results(_e_drop_signed_penalty, _m_one_gap),
    "forged-results-survey-flag": _forge_results(_e_survey),
    "forged-results-history-text": _forge_results(_e_history_text),
    "forged-results-history-member": _forge_results(_e_history_member),
    "forged-results-history-dropped": _forge_results(_e_history_dropped),
    "forged-results-history-final": _forge_results(_e_history_final),
    "forged-results-history-order": _forge_results(_e_history_order),
    "forged-results-history-dispute-as-exception": _forge_results(_e_history_exception, _m_exception),
    "forged-results-cell-over-max": _forge_results(_e_cell_over_max),
}
CASES.update(FORGED)
VALID.add("forged-results-resealed-unchanged")


# ---- notice cases (§12.3, check 14b), applied to a copy of a round after its preliminary merge:
# ---- the demo keys are public, so a forger can re-sign a notice's header (the outer signature;
# ---- nothing here is opened, so the sealed file key and the stream need not follow).
def _member_seed(mid: str):
    if mid not in _HOLDERS:
        from avformat import unlock_key_file
        _HOLDERS[mid] = unlock_key_file((REPO / "keys" / f"{mid}.key").read_bytes(), b"demo-appraisal-2026")
    return _HOLDERS[mid]["seed"]


def _resign_notice(path: Path, edit, seed: bytes | None = None):
    """Edits the notice's header and signs the outer signature again (§5.4) with `seed` (the
    secretary's by default)."""
    import json
    import nacl.signing
    from avformat import b2b, canonical, domain
    b = path.read_bytes()
    L = int.from_bytes(b[9:13], "big")
    h = json.loads(b[13:13 + L])
    payload = b[13 + L:-64]
    key = nacl.signing.SigningKey(seed or _secretary_seed())
    edit(h, key)
    hb = canonical(h)
    pre = b[:9] + len(hb).to_bytes(4, "big") + hb
    outer = key.sign(domain("notice", "outer") + b2b(pre, 64) + b2b(payload, 64)).signature
    path.write_bytes(pre + payload + outer)


def _notices(r: Path):
    return sorted((r / "notices").iterdir())


def _other_recipient(r: Path):
    import json
    b = _notices(r)[1].read_bytes()
    return json.loads(b[13:13 + int.from_bytes(b[9:13], "big")])["recipient"]


def _as_member(h, key):
    h.update(sender="tv-01", senderSigningKey=key.verify_key.encode().hex())


def _preliminary(edit):
    def journal(h):
        e = next(x for x in h["entries"] if x["event"] == "preliminary")
        edit(h, e)
        _rechain(h)
    return journal


NOTICE_CASES = {
    "notice-pristine": lambda r: None,
    "flip-notice": lambda r: flip(_notices(r)[0]),
    "flip-notice-signature": lambda r: flip(_notices(r)[0], -1),
    "truncate-notice": lambda r: truncate(_notices(r)[0], 200),
    "remove-notice": lambda r: _notices(r)[0].unlink(),
    "stray-file-in-notices": lambda r: (r / "notices" / "notes.txt").write_text("hi"),
    "hidden-file-in-notices": lambda r: (r / "notices" / ".u.avn.tmp-abc123").write_text("hi"),
    "swap-notice-names": lambda r: (
        os.rename(_notices(r)[0], r / "x"), os.rename(_notices(r)[0], r / "notices" / "so-noi-vu.avn"),
        os.rename(r / "x", r / "notices" / "vp-ubnd.avn")),
    "notice-other-round": lambda r: _resign_notice(_notices(r)[0], lambda h, k: h.update(round="ab" * 32)),
    "notice-not-secretary": lambda r: _resign_notice(_notices(r)[0], _as_member, _member_seed("tv-01")),
    "notice-sealed-to-other-unit": lambda r: _resign_notice(
        _notices(r)[0], lambda h, k, other=_other_recipient(r): h.update(recipient=other)),
    "notices-unjournaled": lambda r: _resign(r / "journal.avj", "journal", _drop_entry(-1, True)),
    "resigned-two-preliminaries": lambda r: _resign(r / "journal.avj", "journal", _preliminary(
        lambda h, e: h["entries"].append(dict(e)))),
    "resigned-preliminary-no-deadline": lambda r: _resign(r / "journal.avj", "journal", _preliminary(
        lambda h, e: e["details"].pop("answerBy"))),
    "resigned-preliminary-units": lambda r: _resign(r / "journal.avj", "journal", _preliminary(
        lambda h, e: e["details"]["withoutKey"].pop())),
    "resigned-preliminary-hash": lambda r: _resign(r / "journal.avj", "journal", _preliminary(
        lambda h, e: e["details"]["notices"][0].update(fileHash="00" * 32))),
    "notices-before-preliminary": lambda r: (
        _resign(r / "journal.avj", "journal", _drop_entry(-1, True)), shutil.rmtree(r / "notices")),
}
VALID_NOTICE = {"notice-pristine", "hidden-file-in-notices", "notices-before-preliminary"}


def make_notice_case(src: Path, dst: Path, name: str) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    NOTICE_CASES[name](dst)
    return dst
