"""AppraisalVault format v1, written from docs/spec/*.md only (independent of the Swift code).

Section references (§n.m) are to docs/spec: part n is the file numbered n (§1 01-encoding.md,
§2 02-identity.md, ...), as in the spec's own index.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import struct
import unicodedata
from decimal import Decimal

import nacl.bindings as nb
import nacl.exceptions
import nacl.signing

# §1.2: NFC is that of Unicode 15.0. An older unicodedata may judge text with characters assigned
# since then differently from the reference implementation (a false reject or a false accept).
NFC_UNICODE_VERSION = (15, 0, 0)


def unicode_version_warning(version: str = unicodedata.unidata_version) -> str | None:
    """The warning to print when this Python's Unicode data is older than §1.2's NFC version."""
    have = tuple(int(x) for x in version.split("."))
    if have >= NFC_UNICODE_VERSION:
        return None
    need = ".".join(map(str, NFC_UNICODE_VERSION))
    return (f"WARNING: this Python's Unicode data is version {version}, older than Unicode {need} that "
            f"the format uses for NFC (spec §1.2): text with characters assigned after {version} may be "
            f"judged differently from avault. Use a Python whose unicodedata.unidata_version is ≥ {need}.")


MAGIC = b"AVAULT"
KINDS = {
    1: "secret-key", 2: "public-identity", 3: "round-definition", 4: "submission",
    5: "manifest", 6: "locked-results", 7: "approval", 8: "release-token",
    9: "journal", 10: "evidence",   # the name in domain strings (§1.1; FINDINGS F1)
    11: "receipt", 12: "checkpoint",   # §11.3, §11.4
    16: "ceremony-plan", 17: "ceremony-dealing", 18: "ceremony-ack",
    19: "survey",   # §6.6: survey.avq, sealed to the secretary
    20: "notice",   # §12.3: notices/UNIT.avn, sealed to one unit
    21: "explanation",   # §12.4: UNIT.rN.avx, from one unit, sealed to the secretary
    22: "forwarded-explanation",   # §12.5: forwarded/MEMBER.UNIT.rN.avf, from the secretary, sealed to one member
    23: "second-appraisal",   # §12.6: MEMBER.rN.av2, from one member, sealed to the secretary
}
KIND_BY_NAME = {v: k for k, v in KINDS.items()}


class AVError(Exception):
    """A rejection with a spec message id (e.g. format.header)."""

    def __init__(self, msg_id: str, detail: str = ""):
        super().__init__(f"{msg_id}: {detail}" if detail else msg_id)
        self.msg_id = msg_id
        self.detail = detail


def fail(msg_id: str, detail: str = ""):
    raise AVError(msg_id, detail)


# ---------------------------------------------------------------- hashes, domains (§1.4, §1.5)

def b2b(data: bytes, n: int = 32, key: bytes = b"") -> bytes:
    return hashlib.blake2b(data, digest_size=n, key=key).digest()


# §5.4: the leaf of an evidence payload's tree hash, 16 content chunks as stored (65 536 + 17 bytes each).
EVIDENCE_LEAF = 16 * (65536 + 17)


def evidence_leaf_hashes(content: bytes) -> list:
    """§5.4: leaf_i = BLAKE2b-512(domain("leaf") || u64be(i) || C_i), C_i the i-th EVIDENCE_LEAF
    bytes of the content chunks as stored (the last possibly shorter; none for empty content)."""
    return [b2b(domain("evidence", "leaf") + i.to_bytes(8, "big") + content[off:off + EVIDENCE_LEAF], 64)
            for i, off in enumerate(range(0, len(content), EVIDENCE_LEAF))]


def evidence_cipher_hash(content: bytes) -> bytes:
    """§5.4: cipherHash = BLAKE2b-512(domain("cipher-hash") || leaf_0 || ... || leaf_(k-1) || u64be(n))."""
    leaves = b"".join(evidence_leaf_hashes(content))
    return b2b(domain("evidence", "cipher-hash") + leaves + len(content).to_bytes(8, "big"), 64)


def evidence_payload_hash(cipher_hash: bytes, final_chunk: bytes) -> bytes:
    """§5.4: payloadHash = BLAKE2b-512(domain("payload-hash") || cipherHash || final chunk (81 bytes))."""
    return b2b(domain("evidence", "payload-hash") + cipher_hash + final_chunk, 64)


def domain(kind: str, purpose: str) -> bytes:
    return b"AppraisalVault/v1/" + kind.encode() + b"/" + purpose.encode() + b"\0"


def file_hash(data: bytes) -> bytes:
    return b2b(data, 32)


def ed25519_verify(pk: bytes, msg: bytes, sig: bytes) -> bool:
    try:
        nacl.signing.VerifyKey(pk).verify(msg, sig)
        return True
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, ValueError,
            nacl.exceptions.TypeError):
        return False


def ct_eq(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


def b32_fingerprint(digest: bytes) -> str:
    s = base64.b32encode(digest[:15]).decode()
    return "-".join(s[i:i + 4] for i in range(0, 24, 4))


def identity_fingerprint(sign_pk: bytes, enc_pk: bytes) -> str:
    return b32_fingerprint(b2b(domain("public-identity", "fingerprint") + sign_pk + enc_pk, 32))


def round_fingerprint(round_hash: bytes) -> str:
    return b32_fingerprint(b2b(domain("round-definition", "fingerprint") + round_hash, 32))


def normalize_fingerprint(typed: str) -> str | None:
    s = typed.upper().replace("-", "").replace(" ", "")
    if len(s) != 24 or not re.fullmatch(r"[A-Z2-7]{24}", s):
        return None
    return "-".join(s[i:i + 4] for i in range(0, 24, 4))


# ---------------------------------------------------------------- canonical JSON (§1.2)

INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1


class _Reject(Exception):
    pass


def _no_float(_s):
    raise _Reject("float")


def _no_const(_s):
    raise _Reject("constant")


def _pairs(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise _Reject("duplicate key")
        d[k] = v
    return d


def _walk(v, depth: int):
    if depth > 32:
        raise _Reject("depth")
    if isinstance(v, bool) or v is None:
        return
    if isinstance(v, int):
        if not INT_MIN <= v <= INT_MAX:
            raise _Reject("int range")
        return
    if isinstance(v, str):
        if unicodedata.normalize("NFC", v) != v:
            raise _Reject("not NFC")
        return
    if isinstance(v, list):
        for x in v:
            _walk(x, depth + 1)
        return
    if isinstance(v, dict):
        for k, x in v.items():
            _walk(k, depth + 1)
            _walk(x, depth + 1)
        return
    raise _Reject("type")


def canonical(v) -> bytes:
    return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def parse_canonical(data: bytes):
    """Parse bytes that must be the canonical encoding of one value; else format.header."""
    try:
        text = data.decode("utf-8", errors="strict")
        v = json.loads(text, parse_float=_no_float, parse_constant=_no_const,
                       object_pairs_hook=_pairs)
        _walk(v, 0)
        if canonical(v) != data:
            raise _Reject("not canonical")
    except (_Reject, ValueError, UnicodeError, RecursionError) as e:
        fail("format.header", f"not canonical JSON ({e})")
    return v


# ---------------------------------------------------------------- container (§1.1)

def parse_container(data: bytes, kind: int, max_header: int | None = None):
    """Return (preamble, header_bytes, body). Order of checks as §1.1."""
    if len(data) == 0:
        fail("format.empty")
    if len(data) < 6 or data[:6] != MAGIC:
        fail("format.not-avault")
    if len(data) < 13:
        fail("format.truncated", "fixed prefix")
    if data[6] != 0 or data[7] != 1:
        fail("format.version")
    if data[8] not in KINDS:
        fail("format.unknown-kind", str(data[8]))
    if data[8] != kind:
        fail("format.wrong-kind", f"{KINDS[data[8]]}, expected {KINDS[kind]}")
    (L,) = struct.unpack(">I", data[9:13])
    if max_header is None:
        max_header = 16384 if kind in (1, 2) else 1048576
    if L > max_header:
        fail("format.header", f"header length {L} > {max_header}")
    if 13 + L > len(data):
        fail("format.truncated", "header")
    hb = data[13:13 + L]
    header = parse_canonical(hb)
    if not isinstance(header, dict):
        fail("format.header", "header is not an object")
    return data[:13 + L], header, data[13 + L:]


def signed_doc_body(body: bytes):
    if len(body) < 64:
        fail("format.truncated", "signature")
    if len(body) > 64:
        fail("format.trailing")
    return body


def signed_doc_ok(kind_name: str, preamble: bytes, sig: bytes, pk: bytes) -> bool:
    return ed25519_verify(pk, domain(kind_name, "signature") + b2b(preamble, 64), sig)


# ---------------------------------------------------------------- strict fields (§1.3)

# Text rules of §1.3: fixed code point lists, not unicodedata lookups (the spec's lists are
# normative so that every Unicode version agrees).
CTRL_RE = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029]")          # control character
MULTILINE_CTRL_RE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]")  # TAB, LF allowed
BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")    # bidirectional control
BLANK_RANGES = (  # White_Space, Default_Ignorable_Code_Point, Cf (Unicode 16.0), U+2800: the list of §1.3
    (0x0009, 0x000D), (0x0020, 0x0020), (0x0085, 0x0085), (0x00A0, 0x00A0), (0x00AD, 0x00AD), (0x034F, 0x034F),
    (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2),
    (0x115F, 0x1160), (0x1680, 0x1680), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x2000, 0x200F), (0x2028, 0x202F),
    (0x205F, 0x206F), (0x2800, 0x2800), (0x3000, 0x3000), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)


def is_blank(s: str) -> bool:
    """§1.3: every character is in the fixed blank list; the empty string is blank."""
    return all(any(lo <= ord(c) <= hi for lo, hi in BLANK_RANGES) for c in s)


def text_problem(s: str, one_line: bool = True) -> str | None:
    """The §1.3 rule `s` breaks as one-line (or multi-line) text, None when it is acceptable."""
    if BIDI_RE.search(s):
        return "bidirectional control"
    if (CTRL_RE if one_line else MULTILINE_CTRL_RE).search(s):
        return "control character"
    return None
IDENT_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
TS_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z")
DEC_RE = re.compile(r"-?(0|[1-9][0-9]{0,11})(\.[0-9]{0,5}[1-9])?")


def hdr(cond: bool, path: str, what: str = "invalid"):
    if not cond:
        fail("format.header", f"{path}: {what}")


def fields(obj, path: str, names):
    hdr(isinstance(obj, dict), path, "not an object")
    names = set(names)
    for k in obj:
        hdr(k in names, f"{path}.{k}", "unknown field")
    for k in names:
        hdr(k in obj, f"{path}.{k}", "missing")
    return obj


def f_str(v, path, max_bytes=None, min_bytes=0, one_line=True):
    hdr(isinstance(v, str), path, "not a string")
    n = len(v.encode())
    hdr(n >= min_bytes, path, "too short")
    if max_bytes is not None:
        hdr(n <= max_bytes, path, "too long")
    problem = text_problem(v, one_line)
    hdr(problem is None, path, problem or "")
    return v


def f_bool(v, path):
    hdr(isinstance(v, bool), path, "not a boolean")
    return v


def f_int(v, path, lo, hi):
    hdr(isinstance(v, int) and not isinstance(v, bool), path, "not an integer")
    hdr(lo <= v <= hi, path, "out of range")
    return v


def f_hex(v, path, nbytes):
    hdr(isinstance(v, str) and re.fullmatch(f"[0-9a-f]{{{2 * nbytes}}}", v) is not None, path,
        f"not {nbytes} bytes of lowercase hex")
    return bytes.fromhex(v)


def f_ident(v, path):
    hdr(isinstance(v, str) and IDENT_RE.fullmatch(v) is not None, path, "not an identifier")
    return v


def f_name(v, path, max_bytes=200):
    f_str(v, path, max_bytes, 1)
    hdr(not is_blank(v), path, "blank")
    return v


def f_ts(v, path, max_bytes=32):
    hdr(isinstance(v, str), path, "not a string")
    m = TS_RE.fullmatch(v)
    hdr(m is not None and len(v) == 20, path, "not a timestamp")
    _, mo, d, h, mi, s = (int(x) for x in m.groups())
    hdr(1 <= mo <= 12 and 1 <= d <= 31 and h <= 23 and mi <= 59 and s <= 60, path, "not a timestamp")
    return v


def f_role(v, path):
    hdr(v in ("member", "secretary", "holder", "unit"), path, "not a role")
    return v


def f_dec(v, path):
    """Canonical decimal string (§3.1, §6.4)."""
    hdr(isinstance(v, str) and DEC_RE.fullmatch(v) is not None and v != "-0", path,
        "not a canonical decimal")
    return Decimal(v)


def dec_str(d: Decimal) -> str:
    """Canonical form of an exact decimal."""
    if d == 0:
        return "0"
    s = format(d.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


# ---------------------------------------------------------------- identities (§2.1 - §2.3)

IDENTITY_FIELDS = ("created", "demo", "encryptionKey", "id", "name", "role", "signingKey")


def check_identity(obj, path, extra=()):
    fields(obj, path, IDENTITY_FIELDS + tuple(extra))
    f_ts(obj["created"], path + ".created")
    f_bool(obj["demo"], path + ".demo")
    f_hex(obj["encryptionKey"], path + ".encryptionKey", 32)
    f_ident(obj["id"], path + ".id")
    f_name(obj["name"], path + ".name")
    f_role(obj["role"], path + ".role")
    f_hex(obj["signingKey"], path + ".signingKey", 32)
    return obj


def read_public_identity(data: bytes):
    pre, header, body = parse_container(data, 2)
    sig = signed_doc_body(body)
    check_identity(header, "header")
    if not signed_doc_ok("public-identity", pre, sig, bytes.fromhex(header["signingKey"])):
        fail("identity.bad-signature")
    return header


KDF_OPS = (2, 4)
KDF_MEM = (67108864, 1073741824)


def parse_key_file(data: bytes):
    """Steps 1, 3-6 of §2.1 (no permission check, no passphrase)."""
    if len(data) >= 9 and data[:6] == MAGIC and data[6] == 0 and data[7] == 1 and data[8] == 2:
        fail("key.got-public-file")
    pre, header, body = parse_container(data, 1)
    check_identity(header, "header", ("kdf", "nonce"))
    kdf = fields(header["kdf"], "header.kdf", ("algorithm", "memoryBytes", "operations", "salt"))
    f_str(kdf["algorithm"], "header.kdf.algorithm", 16)
    hdr(kdf["algorithm"] == "argon2id13", "header.kdf.algorithm", "not argon2id13")
    f_int(kdf["memoryBytes"], "header.kdf.memoryBytes", 1, 2 ** 40)
    f_int(kdf["operations"], "header.kdf.operations", 1, 2 ** 32 - 1)
    f_hex(kdf["salt"], "header.kdf.salt", 16)
    f_hex(header["nonce"], "header.nonce", 24)
    if not (KDF_OPS[0] <= kdf["operations"] <= KDF_OPS[1] and KDF_MEM[0] <= kdf["memoryBytes"] <= KDF_MEM[1]):
        fail("key.kdf-limits")
    if len(body) < 80:
        fail("format.truncated", "body")
    if len(body) > 80:
        fail("format.trailing")
    return pre, header, body


def passphrase_check(pw: bytes):
    if len(pw) == 0:
        fail("passphrase.empty")
    if len(pw) > 1024:
        fail("passphrase.too-long")


def unlock_key_file(data: bytes, passphrase: bytes):
    """Returns dict(header, seed, sign_pk, enc_sk, enc_pk)."""
    pre, header, body = parse_key_file(data)
    passphrase_check(passphrase)
    kdf = header["kdf"]
    wrap = nb.crypto_pwhash_alg(32, passphrase, bytes.fromhex(kdf["salt"]), kdf["operations"],
                                kdf["memoryBytes"], nb.crypto_pwhash_ALG_ARGON2ID13)
    try:
        pt = nb.crypto_aead_xchacha20poly1305_ietf_decrypt(body, pre, bytes.fromhex(header["nonce"]), wrap)
    except nacl.exceptions.CryptoError:
        fail("key.wrong-passphrase")
    seed, xsk = pt[:32], pt[32:]
    spk, _ = nb.crypto_sign_seed_keypair(seed)
    xpk = nb.crypto_scalarmult_base(xsk)
    if spk != bytes.fromhex(header["signingKey"]) or xpk != bytes.fromhex(header["encryptionKey"]):
        fail("key.inconsistent")
    return {"header": header, "seed": seed, "sign_pk": spk, "enc_sk": xsk, "enc_pk": xpk}


def passphrase_from_file(raw: bytes) -> bytes:
    """§1.6: one trailing \\n or \\r\\n is dropped."""
    if raw.endswith(b"\r\n"):
        return raw[:-2]
    if raw.endswith(b"\n"):
        return raw[:-1]
    return raw


# ---------------------------------------------------------------- sealed envelope (§5)

ENVELOPE_FIELDS = ("context", "created", "fileKeyCommitment", "recipient", "round", "sealedFileKey",
                   "sender", "senderSigningKey", "streamHeader")
# Locked results: the file key comes from a KEM to the joint key (§8.7), not a sealed box.
LOCKED_FIELDS = ("context", "created", "ephemeralKey", "fileKeyCommitment", "recipient", "round",
                 "sender", "senderSigningKey", "streamHeader")
CHUNK = 65536
ABYTES = 17


def payload_chunks(L: int):
    """§5.3: chunk sizes (ciphertext) derived from the payload length, or None."""
    if L < 81:
        return None
    rest = L - 81
    sizes = []
    while rest > 0:
        if rest >= CHUNK + ABYTES:
            sizes.append(CHUNK + ABYTES)
            rest -= CHUNK + ABYTES
        elif rest >= 18:
            sizes.append(rest)
            rest = 0
        else:
            return None
    return sizes + [81]


class Envelope:
    def __init__(self, data: bytes, kind: int):
        self.kind = kind
        self.kind_name = KINDS[kind]
        pre, header, rest = parse_container(data, kind, max_header=65536)
        if len(rest) < 64 + 81:
            fail("format.truncated", "shorter than the final chunk and the outer signature (§5.7)")
        locked = self.kind_name == "locked-results"
        fields(header, "header", LOCKED_FIELDS if locked else ENVELOPE_FIELDS)
        hdr(isinstance(header["context"], dict), "header.context", "not an object")
        f_ts(header["created"], "header.created")
        f_hex(header["fileKeyCommitment"], "header.fileKeyCommitment", 32)
        f_hex(header["recipient"], "header.recipient", 32)
        f_hex(header["round"], "header.round", 32)
        if locked:
            from avceremony import is_point
            for k in ("ephemeralKey", "recipient"):
                hdr(is_point(f_hex(header[k], "header." + k, 32)), "header." + k, "not a ristretto255 point")
        else:
            f_hex(header["sealedFileKey"], "header.sealedFileKey", 80)
        f_ident(header["sender"], "header.sender")
        f_hex(header["senderSigningKey"], "header.senderSigningKey", 32)
        f_hex(header["streamHeader"], "header.streamHeader", 24)
        self.preamble, self.header = pre, header
        self.payload, self.outer = rest[:-64], rest[-64:]
        self.chunks = payload_chunks(len(self.payload))
        if self.chunks is None:
            fail("envelope.bad-length", f"payload length {len(self.payload)}")
        self.header_hash = b2b(pre, 64)
        self.sender_pk = bytes.fromhex(header["senderSigningKey"])

    def cipher_hash(self) -> bytes:
        """Evidence (§5.4): the tree hash of the content chunks (the payload without its final
        chunk), in leaves of 16 chunks as stored, 1 048 848 bytes, the last one shorter."""
        return evidence_cipher_hash(self.payload[:-81])

    def payload_hash(self) -> bytes:
        """§5.4: BLAKE2b-512 of the payload; for evidence of its tree root and final chunk."""
        if self.kind_name == "evidence":
            return evidence_payload_hash(self.cipher_hash(), self.payload[-81:])
        return b2b(self.payload, 64)

    def verify_outer(self):
        msg = domain(self.kind_name, "outer") + self.header_hash + self.payload_hash()
        if not ed25519_verify(self.sender_pk, msg, self.outer):
            fail("envelope.bad-signature")

    def file_hash(self) -> bytes:
        """The file hash: for evidence of its parts (§10.1), else of the whole file (§1.5)."""
        if self.kind_name == "evidence":
            return b2b(domain("evidence", "file-hash") + self.header_hash + self.payload_hash() + self.outer, 32)
        return file_hash(self.preamble + self.payload + self.outer)

    def open(self, recipient_pk: bytes, recipient_sk: bytes) -> bytes:
        """§5.5 steps 5-8. Call verify_outer() first."""
        try:
            fk = nb.crypto_box_seal_open(bytes.fromhex(self.header["sealedFileKey"]), recipient_pk, recipient_sk)
        except nacl.exceptions.CryptoError:
            fail("envelope.not-for-you")
        if len(fk) != 32:
            fail("envelope.not-for-you", "file key length")
        return self.open_with_file_key(fk)

    def open_with_partials(self, joint_key: bytes, partials) -> bytes:
        """§8.7 step 8: the file key from t partial decryptions [(x, D_x)] of ephemeralKey."""
        from avceremony import kem_key
        if bytes.fromhex(self.header["recipient"]) != joint_key:
            fail("envelope.not-for-you")
        fk = kem_key(bytes.fromhex(self.header["ephemeralKey"]), joint_key, partials)
        if fk is None:
            fail("envelope.commitment")
        return self.open_with_file_key(fk)

    def open_with_file_key(self, fk: bytes) -> bytes:
        """§5.5 steps 5 (commitment) to 8."""
        round_raw = bytes.fromhex(self.header["round"])
        commit = b2b(domain(self.kind_name, "file-key-commitment") + round_raw, 32, key=fk)
        if not ct_eq(commit, bytes.fromhex(self.header["fileKeyCommitment"])):
            fail("envelope.commitment")
        st = nb.crypto_secretstream_xchacha20poly1305_state()
        nb.crypto_secretstream_xchacha20poly1305_init_pull(st, bytes.fromhex(self.header["streamHeader"]), fk)
        off, content = 0, []
        for i, size in enumerate(self.chunks):
            c = self.payload[off:off + size]
            off += size
            try:
                m, tag = nb.crypto_secretstream_xchacha20poly1305_pull(st, c, self.header_hash)
            except nacl.exceptions.CryptoError:
                fail("envelope.corrupt", f"chunk {i}")
            last = i == len(self.chunks) - 1
            if not last and tag != nb.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE:
                fail("envelope.corrupt", f"chunk {i} tag {tag}")
            if last:
                if tag != nb.crypto_secretstream_xchacha20poly1305_TAG_FINAL or len(m) != 64:
                    fail("envelope.corrupt", "final chunk")
                inner = m
            else:
                content.append(m)
        plain = b"".join(content)
        # §5.4: evidence signs the content chunks as stored; the other kinds the plaintext.
        signed = self.cipher_hash() if self.kind_name == "evidence" else b2b(plain, 64)
        msg = domain(self.kind_name, "inner") + self.header_hash + signed
        if not ed25519_verify(self.sender_pk, msg, inner):
            fail("envelope.inner-signature")
        return plain
