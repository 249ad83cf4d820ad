"""The second-round revision (spec §12.6): kind 23, a sealed envelope from one member to the secretary.

Written from the spec: the envelope layout of §5, `context` exactly {"revision": n}, the binding
`receive` checks without decrypting (round, recipient, sender a member listed with that signing
key; a unit's, holder's or the secretary's id or key is the wrong role), and the plaintext's
strict shape.
"""
from __future__ import annotations

import unicodedata

from avformat import AVError, Envelope, KIND_BY_NAME, f_dec, f_hex, f_ident, f_int, f_str, fail, fields, hdr, is_blank

SECOND_CAP = 64 * 1024 * 1024   # §1.8
SECOND_FIELDS = ("member", "revision", "round", "rows")
ROW_FIELDS = ("code", "decision", "reason", "score", "unit")


def read_second(data: bytes) -> Envelope:
    """§5.5 steps 1-3 for kind `second-appraisal`, then the context rule; returns the envelope."""
    if len(data) > SECOND_CAP:
        fail("file.too-large")
    env = Envelope(data, KIND_BY_NAME["second-appraisal"])
    env.verify_outer()
    ctx = env.header["context"]
    fields(ctx, "header.context", ("revision",))
    f_int(ctx["revision"], "header.context.revision", 1, 1_000_000)
    return env


def check_binding(env: Envelope, round_hash: bytes, secretary_enc: str, members: dict, units: dict, others: dict):
    """§12.6 "Receive", without decrypting. `members`: member id -> signing key hex; `units`: the
    same for every unit with a key; `others`: for every holder and the secretary."""
    h = env.header
    if bytes.fromhex(h["round"]) != round_hash:
        fail("inbox.wrong-round")
    if h["recipient"] != secretary_enc:
        fail("inbox.wrong-recipient")
    sender, key = h["sender"], h["senderSigningKey"]
    if sender in units or key in units.values():
        fail("inbox.wrong-role")
    if sender not in members:
        if sender in others or key in others.values():
            fail("inbox.wrong-role")
        fail("inbox.not-member")
    if members[sender] != key:
        fail("inbox.key-mismatch")


def parse_second(plain: bytes) -> dict:
    """The plaintext strictly (§12.6); any violation is second.malformed."""
    from avformat import parse_canonical
    try:
        x = parse_canonical(plain)
        hdr(isinstance(x, dict), "second", "not an object")
        fields(x, "second", SECOND_FIELDS)
        f_ident(x["member"], "second.member")
        f_int(x["revision"], "second.revision", 1, 1_000_000)
        f_hex(x["round"], "second.round", 32)
        rows = x["rows"]
        hdr(isinstance(rows, list) and 1 <= len(rows) <= 100_000, "second.rows", "1-100000 rows")
        cells = set()
        for i, r in enumerate(rows):
            p = f"second.rows[{i}]"
            fields(r, p, ROW_FIELDS + (("explanation",) if isinstance(r, dict) and "explanation" in r else ()))
            f_str(r["code"], p + ".code", 16, 1)
            f_ident(r["unit"], p + ".unit")
            hdr((r["unit"], r["code"]) not in cells, p, "the cell twice")
            cells.add((r["unit"], r["code"]))
            hdr(r["decision"] in ("keep", "change"), p + ".decision", "not keep or change")
            if "explanation" in r:
                f_hex(r["explanation"], p + ".explanation", 32)
            else:
                hdr(r["decision"] == "change", p + ".decision", "an exception row that keeps")
            if r["score"] is None:
                hdr(r["decision"] == "keep", p + ".score", "a change without a score")
            else:
                f_dec(r["score"], p + ".score")
            reason = f_str(r["reason"], p + ".reason", 4000, 0, one_line=False)
            hdr(unicodedata.normalize("NFC", reason) == reason and not is_blank(reason), p + ".reason",
                "blank or not NFC")
        return x
    except AVError as e:
        raise AVError("second.malformed", e.detail) from None


def open_second(env: Envelope, pk: bytes, sk: bytes) -> dict:
    """§5.5 steps 5-8 with the secretary's key, the plaintext strictly, and its binding to the header."""
    x = parse_second(env.open(pk, sk))
    h = env.header
    if x["member"] != h["sender"] or x["round"] != h["round"] or x["revision"] != h["context"]["revision"]:
        fail("second.content-mismatch")
    return x


def run_second_vector(h: dict, art: bytes) -> str:
    """`second` vectors (§12.6): read, the binding against the vector's round lines, open with
    `recipient-secret-key`, check the optional `plaintext-hash`, then the plaintext."""
    import nacl.bindings as nb
    from avformat import b2b
    sk = bytes.fromhex(h["recipient-secret-key"])
    pk = nb.crypto_scalarmult_base(sk)
    env = read_second(art)
    check_binding(env, bytes.fromhex(h["round"]), h["secretary-encryption-key"],
                  {h["member-id"]: h["member-signing-key"], h["other-member-id"]: h["other-member-signing-key"]},
                  {h["unit-id"]: h["unit-signing-key"]}, {})
    if "plaintext-hash" in h and "blake2b-256 " + b2b(env.open(pk, sk), 32).hex() != h["plaintext-hash"]:
        return "plaintext hash differs"
    open_second(env, pk, sk)
    return "success"
