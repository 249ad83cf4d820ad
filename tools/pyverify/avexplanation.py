"""The explanation (spec §12.4): kind 21, a sealed envelope from one unit to the secretary.

Written from the spec: the envelope layout of §5, `context` exactly {"notice": hex32,
"revision": n}, the binding `receive` checks without decrypting (round, recipient, a unit listed
with that signing key, the notice issued to it), and the plaintext's strict shape.
"""
from __future__ import annotations

import unicodedata

from avformat import (AVError, Envelope, KIND_BY_NAME, f_bool, f_hex, f_ident, f_int, f_str, fail, fields, hdr,
                      is_blank, parse_canonical)

EXPLANATION_CAP = 64 * 1024 * 1024   # §1.8
ANSWER_FIELDS = ("agree", "code", "text")
EXPLANATION_FIELDS = ("answers", "notice", "revision", "round", "unit")
ATTACHMENT_FIELDS = ("fileHash", "index", "name", "size")


def _attachment_names(x) -> set:
    """The optional top-level `attachments` (§10.2 rules): 1-999 items, index i+1, valid distinct names."""
    if "attachments" not in x:
        return set()
    items = x["attachments"]
    hdr(isinstance(items, list) and 1 <= len(items) <= 999, "explanation.attachments", "1-999 items")
    names = set()
    for i, a in enumerate(items):
        p = f"explanation.attachments[{i}]"
        fields(a, p, ATTACHMENT_FIELDS)
        f_hex(a["fileHash"], p + ".fileHash", 32)
        hdr(f_int(a["index"], p + ".index", 1, 999) == i + 1, p + ".index", "not i+1")
        name = f_str(a["name"], p + ".name", 255, 1)
        hdr(name not in (".", "..") and "/" not in name and "\\" not in name and not is_blank(name)
            and unicodedata.normalize("NFC", name) == name and name not in names, p + ".name", "invalid or repeated")
        names.add(name)
        f_int(a["size"], p + ".size", 0, 2**53 - 1)
    return names


def read_explanation(data: bytes) -> Envelope:
    """§5.5 steps 1-3 for kind `explanation`, then the context rule; returns the envelope."""
    if len(data) > EXPLANATION_CAP:
        fail("file.too-large")
    env = Envelope(data, KIND_BY_NAME["explanation"])
    env.verify_outer()
    ctx = env.header["context"]
    fields(ctx, "header.context", ("notice", "revision"))
    f_hex(ctx["notice"], "header.context.notice", 32)
    f_int(ctx["revision"], "header.context.revision", 1, 1_000_000)
    return env


def check_binding(env: Envelope, round_hash: bytes, secretary_enc: str, units: dict, others: dict,
                  notices: dict):
    """§12.4 "Receive", without decrypting. `units`: unit id -> signing key hex (the round's
    unitKeys); `others`: id -> signing key hex of every member, holder and the secretary;
    `notices`: unit id -> the notice file hash hex the `preliminary` entry lists."""
    h = env.header
    if bytes.fromhex(h["round"]) != round_hash:
        fail("inbox.wrong-round")
    if h["recipient"] != secretary_enc:
        fail("inbox.wrong-recipient")
    sender, key = h["sender"], h["senderSigningKey"]
    if sender not in units:
        if sender in others or key in others.values():
            fail("inbox.explanation-wrong-role")
        fail("inbox.not-a-unit")
    if units[sender] != key:
        fail("inbox.unit-key-mismatch")
    if sender not in notices:
        fail("inbox.no-notice")
    if notices[sender] != h["context"]["notice"]:
        fail("inbox.wrong-notice")


def parse_explanation(plain: bytes) -> dict:
    """The plaintext strictly (§12.4); any violation is explanation.malformed."""
    try:
        x = parse_canonical(plain)
        hdr(isinstance(x, dict), "explanation", "not an object")
        fields(x, "explanation", EXPLANATION_FIELDS + (("attachments",) if "attachments" in x else ()))
        names = _attachment_names(x)
        answers = x["answers"]
        hdr(isinstance(answers, list) and len(answers) <= 100_000, "explanation.answers", "0-100000 answers")
        codes = set()
        for i, a in enumerate(answers):
            p = f"explanation.answers[{i}]"
            fields(a, p, ANSWER_FIELDS + (("attachments",) if isinstance(a, dict) and "attachments" in a else ()))
            agree = f_bool(a["agree"], p + ".agree")
            if "attachments" in a:
                cited = a["attachments"]
                hdr(isinstance(cited, list) and len(cited) >= 1 and not agree, p + ".attachments",
                    "empty, or cited when agreeing")
                hdr(all(isinstance(n, str) and n in names for n in cited) and len(set(cited)) == len(cited),
                    p + ".attachments", "not a name of attachments, or repeated")
            f_str(a["code"], p + ".code", 16, 1)
            hdr(a["code"] not in codes, p + ".code", "twice")
            codes.add(a["code"])
            text = f_str(a["text"], p + ".text", 8000, 0, one_line=False)
            hdr(unicodedata.normalize("NFC", text) == text, p + ".text", "not NFC")
            if agree:
                hdr(text == "", p + ".text", "text when agreeing")
            else:
                hdr(not is_blank(text), p + ".text", "disagreeing without an explanation")
        f_hex(x["notice"], "explanation.notice", 32)
        f_int(x["revision"], "explanation.revision", 1, 1_000_000)
        f_hex(x["round"], "explanation.round", 32)
        f_ident(x["unit"], "explanation.unit")
        return x
    except AVError as e:
        raise AVError("explanation.malformed", e.detail) from None


def open_explanation(env: Envelope, pk: bytes, sk: bytes) -> dict:
    """§5.5 steps 5-8 with the secretary's key, the plaintext strictly, and its binding to the header."""
    x = parse_explanation(env.open(pk, sk))
    h = env.header
    if (x["unit"] != h["sender"] or x["round"] != h["round"] or x["revision"] != h["context"]["revision"]
            or x["notice"] != h["context"]["notice"]):
        fail("explanation.content-mismatch")
    return x


def run_explanation_vector(h: dict, art: bytes) -> str:
    """`explanation` vectors (§12.4): read, the binding against the vector's round lines, open
    with `recipient-secret-key`, check the optional `plaintext-hash`, then the plaintext."""
    import nacl.bindings as nb
    from avformat import b2b
    sk = bytes.fromhex(h["recipient-secret-key"])
    pk = nb.crypto_scalarmult_base(sk)
    env = read_explanation(art)
    check_binding(env, bytes.fromhex(h["round"]), h["secretary-encryption-key"],
                  {h["unit-id"]: h["unit-signing-key"]}, {h["member-id"]: h["member-signing-key"]},
                  {h["unit-id"]: h["notice-hash"]})
    if "plaintext-hash" in h and "blake2b-256 " + b2b(env.open(pk, sk), 32).hex() != h["plaintext-hash"]:
        return "plaintext hash differs"
    open_explanation(env, pk, sk)
    return "success"
