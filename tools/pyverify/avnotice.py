"""The notice (spec §12.3): kind 20, a sealed envelope from the secretary to one unit.

Written from the spec: the envelope layout of §5, `context` exactly {"unit": id}, and the
plaintext's strict shape with its derived values (difference, totals) recomputed.
"""
from __future__ import annotations

from decimal import Decimal

from avformat import (AVError, Envelope, KIND_BY_NAME, check_identity, f_dec, f_hex, f_ident, f_int, f_name,
                      f_str, f_ts, fail, fields, hdr, is_blank, parse_canonical)

NOTICE_CAP = 16 * 1024 * 1024   # §1.8
CELL_FIELDS = ("code", "difference", "kind", "max", "reason", "score", "self", "title")
KINDS = ("sub-criterion", "bonus", "penalty")
TOTAL_FIELDS = ("appraised", "bonus", "final", "max", "penalty", "self")
NOTICE_FIELDS = ("answerBy", "cells", "round", "roundTitle", "secretary", "totals", "unit", "unitName", "year")


def read_notice(data: bytes) -> Envelope:
    """§5.5 steps 1-3 for kind `notice`, then the context rule; returns the envelope."""
    if len(data) > NOTICE_CAP:
        fail("file.too-large")
    env = Envelope(data, KIND_BY_NAME["notice"])
    env.verify_outer()
    ctx = env.header["context"]
    hdr(set(ctx) == {"unit"}, "header.context", "expected exactly {\"unit\": id}")
    f_ident(ctx["unit"], "header.context.unit")
    return env


def _dec_or_null(v, path):
    return None if v is None else f_dec(v, path)


def parse_notice(plain: bytes) -> dict:
    """The plaintext strictly (§12.3); any violation is notice.malformed."""
    try:
        n = parse_canonical(plain)
        fields(n, "notice", NOTICE_FIELDS)
        f_ts(n["answerBy"], "notice.answerBy")
        f_hex(n["round"], "notice.round", 32)
        f_str(n["roundTitle"], "notice.roundTitle", 500, 1)
        hdr(not is_blank(n["roundTitle"]), "notice.roundTitle", "blank")
        check_identity(n["secretary"], "notice.secretary")
        hdr(n["secretary"]["role"] == "secretary", "notice.secretary.role", "not secretary")
        f_ident(n["unit"], "notice.unit")
        f_name(n["unitName"], "notice.unitName")
        f_int(n["year"], "notice.year", 2000, 2100)
        cells = n["cells"]
        hdr(isinstance(cells, list) and 1 <= len(cells) <= 100_000, "notice.cells", "1-100000 cells")
        codes = set()
        sums = {k: Decimal(0) for k in TOTAL_FIELDS}
        for i, c in enumerate(cells):
            p = f"notice.cells[{i}]"
            fields(c, p, CELL_FIELDS)
            f_str(c["code"], p + ".code", 16, 1)
            hdr(c["code"] not in codes, p + ".code", "twice")
            codes.add(c["code"])
            f_str(c["title"], p + ".title", 1000, 1)
            hdr(not is_blank(c["title"]), p + ".title", "blank")
            f_str(c["reason"], p + ".reason", 4000, 0, one_line=False)
            mx = f_dec(c["max"], p + ".max")
            score = f_dec(c["score"], p + ".score")
            own = _dec_or_null(c["self"], p + ".self")
            diff = _dec_or_null(c["difference"], p + ".difference")
            hdr(c["kind"] in KINDS, p + ".kind", "not sub-criterion, bonus or penalty")
            hdr(c["kind"] == "sub-criterion" or own is None, p + ".self", "a bonus or penalty item has no self score")
            hdr(mx > 0 and 0 <= score <= mx and (own is None or 0 <= own <= mx), p, "a score outside 0-max")
            hdr((diff is None) == (own is None) and (own is None or diff == score - own), p + ".difference",
                "not score - self")
            if c["kind"] == "sub-criterion":
                sums["appraised"] += score
                sums["max"] += mx
            else:
                sums[c["kind"]] += score
            sums["self"] += own or 0
        # §6.4: the final total is base + bonus - penalty, at least 0.
        sums["final"] = max(Decimal(0), sums["appraised"] + sums["bonus"] - sums["penalty"])
        t = n["totals"]
        fields(t, "notice.totals", TOTAL_FIELDS)
        for k in TOTAL_FIELDS:
            hdr(f_dec(t[k], "notice.totals." + k) == sums[k], "notice.totals." + k, "not the sum")
        return n
    except AVError as e:
        raise AVError("notice.malformed", e.detail) from None


def open_notice(env: Envelope, pk: bytes, sk: bytes) -> dict:
    """§5.5 steps 5-8 with the unit's key, the plaintext strictly, and its binding to the header."""
    n = parse_notice(env.open(pk, sk))
    h = env.header
    if (n["unit"] != h["context"]["unit"] or n["round"] != h["round"] or n["secretary"]["id"] != h["sender"]
            or n["secretary"]["signingKey"] != h["senderSigningKey"]):
        fail("notice.content-mismatch")
    return n


def check_binding(env: Envelope, rnd, round_hash: bytes):
    """§12.3 "Reading": this round, its secretary, the key the round lists for the unit."""
    h = env.header
    if bytes.fromhex(h["round"]) != round_hash:
        fail("notice.wrong-round")
    if h["sender"] != rnd.secretary["id"] or h["senderSigningKey"] != rnd.secretary["signingKey"]:
        fail("notice.not-secretary")
    key = rnd.unit_key(h["context"]["unit"])
    if key is None or h["recipient"] != key["encryptionKey"]:
        fail("notice.wrong-recipient")


def run_notice_vector(h: dict, art: bytes) -> str:
    """`notice` vectors (§12.3): read, open with `recipient-secret-key`, check the optional
    `plaintext-hash` and `sender-signing-key`, then the plaintext."""
    import nacl.bindings as nb
    from avformat import b2b
    sk = bytes.fromhex(h["recipient-secret-key"])
    pk = nb.crypto_scalarmult_base(sk)
    env = read_notice(art)
    if "plaintext-hash" in h and "blake2b-256 " + b2b(env.open(pk, sk), 32).hex() != h["plaintext-hash"]:
        return "plaintext hash differs"
    if "sender-signing-key" in h and env.header["senderSigningKey"] != h["sender-signing-key"]:
        return "sender key differs"
    open_notice(env, pk, sk)
    return "success"
