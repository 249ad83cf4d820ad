"""The forwarded explanation (spec §12.5): kind 22, a sealed envelope from the secretary to one member.

Written from the spec: the envelope layout of §5, `context` exactly {"member": id, "unit": id},
the binding checked without decrypting (this round, sent by the secretary, a unit with a key,
sealed to the key of the member `context.member`), and the plaintext's strict shape.
"""
from __future__ import annotations

import unicodedata

from avformat import (AVError, Envelope, KIND_BY_NAME, f_dec, f_hex, f_ident, f_int, f_str, fail, fields, hdr,
                      is_blank, parse_canonical)

FORWARDED_CAP = 64 * 1024 * 1024   # §1.8
FORWARDED_FIELDS = ("explanation", "items", "member", "round", "unit")
ITEM_FIELDS = ("code", "reason", "score", "self", "text")
ATTACHMENT_FIELDS = ("fileHash", "name", "size")


def read_forwarded(data: bytes) -> Envelope:
    """§5.5 steps 1-3 for kind `forwarded-explanation`, then the context rule; returns the envelope."""
    if len(data) > FORWARDED_CAP:
        fail("file.too-large")
    env = Envelope(data, KIND_BY_NAME["forwarded-explanation"])
    env.verify_outer()
    ctx = env.header["context"]
    fields(ctx, "header.context", ("member", "unit"))
    f_ident(ctx["member"], "header.context.member")
    f_ident(ctx["unit"], "header.context.unit")
    return env


def check_binding(env: Envelope, round_hash: bytes, secretary_id: str, secretary_sign: str, members: dict,
                  units: set):
    """§12.5 "Reading", without decrypting. `members`: member id -> encryption key hex (the
    round's); `units`: the ids of the units with a key."""
    h = env.header
    if bytes.fromhex(h["round"]) != round_hash:
        fail("forward.wrong-round")
    if h["sender"] != secretary_id or h["senderSigningKey"] != secretary_sign:
        fail("forward.not-secretary")
    ctx = h["context"]
    if ctx["unit"] not in units:
        fail("forward.wrong-unit")
    if members.get(ctx["member"]) != h["recipient"]:
        fail("forward.wrong-recipient")


def _optional_decimal(v, path):
    if v is None:
        return None
    d = f_dec(v, path)
    hdr(d >= 0, path, "negative")
    return d


def parse_forwarded(plain: bytes) -> dict:
    """The plaintext strictly (§12.5); any violation is forward.malformed."""
    try:
        x = parse_canonical(plain)
        hdr(isinstance(x, dict), "forwarded", "not an object")
        fields(x, "forwarded", FORWARDED_FIELDS)
        f_hex(x["explanation"], "forwarded.explanation", 32)
        items = x["items"]
        hdr(isinstance(items, list) and 1 <= len(items) <= 100_000, "forwarded.items", "1-100000 items")
        codes = set()
        for i, it in enumerate(items):
            p = f"forwarded.items[{i}]"
            has_att = isinstance(it, dict) and "attachments" in it
            fields(it, p, ITEM_FIELDS + (("attachments",) if has_att else ()))
            if has_att:
                att = it["attachments"]
                hdr(isinstance(att, list) and 1 <= len(att) <= 999, p + ".attachments", "1-999 items")
                names = set()
                for k, a in enumerate(att):
                    q = f"{p}.attachments[{k}]"
                    fields(a, q, ATTACHMENT_FIELDS)
                    f_hex(a["fileHash"], q + ".fileHash", 32)
                    name = f_str(a["name"], q + ".name", 255, 1)
                    hdr(name not in (".", "..") and "/" not in name and "\\" not in name and not is_blank(name)
                        and unicodedata.normalize("NFC", name) == name and name not in names, q + ".name",
                        "invalid or repeated")
                    names.add(name)
                    f_int(a["size"], q + ".size", 0, 2**53 - 1)
            f_str(it["code"], p + ".code", 16, 1)
            hdr(it["code"] not in codes, p + ".code", "twice")
            codes.add(it["code"])
            reason = f_str(it["reason"], p + ".reason", 4000, 0, one_line=False)
            text = f_str(it["text"], p + ".text", 8000, 0, one_line=False)
            hdr(unicodedata.normalize("NFC", reason) == reason and unicodedata.normalize("NFC", text) == text
                and not is_blank(text), p + ".text", "blank, or not NFC")
            _optional_decimal(it["score"], p + ".score")
            _optional_decimal(it["self"], p + ".self")
        f_ident(x["member"], "forwarded.member")
        f_hex(x["round"], "forwarded.round", 32)
        f_ident(x["unit"], "forwarded.unit")
        return x
    except AVError as e:
        raise AVError("forward.malformed", e.detail) from None


def open_forwarded(env: Envelope, pk: bytes, sk: bytes) -> dict:
    """§5.5 steps 5-8 with the member's key, the plaintext strictly, and its binding to the header."""
    x = parse_forwarded(env.open(pk, sk))
    h = env.header
    if x["member"] != h["context"]["member"] or x["unit"] != h["context"]["unit"] or x["round"] != h["round"]:
        fail("forward.content-mismatch")
    return x


def run_forwarded_vector(h: dict, art: bytes) -> str:
    """`forwarded` vectors (§12.5): read, the binding against the vector's round lines, open with
    `recipient-secret-key`, check the optional `plaintext-hash`, then the plaintext."""
    import nacl.bindings as nb
    from avformat import b2b
    sk = bytes.fromhex(h["recipient-secret-key"])
    pk = nb.crypto_scalarmult_base(sk)
    env = read_forwarded(art)
    check_binding(env, bytes.fromhex(h["round"]), h["secretary-id"], h["secretary-signing-key"],
                  {h["member-id"]: h["member-encryption-key"]}, {h["unit-id"]})
    if "plaintext-hash" in h and "blake2b-256 " + b2b(env.open(pk, sk), 32).hex() != h["plaintext-hash"]:
        return "plaintext hash differs"
    open_forwarded(env, pk, sk)
    return "success"
