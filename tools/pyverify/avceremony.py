"""Key ceremony (spec §4), partial decryptions with Chaum-Pedersen proofs (§8.2) and the hashed
ElGamal KEM of the locked results (§8.7), on ristretto255.

PyNaCl does not bind libsodium's ristretto255 functions, so this module calls libsodium itself
through ctypes (`libsodium.so.23`, the Debian/Ubuntu package of libsodium 1.0.18; set
AVAULT_LIBSODIUM to another path). Only public operations are needed: decoding and checking
points, point addition and subtraction, scalar multiplication, and scalar arithmetic mod l for
challenges and Lagrange coefficients. Nothing here holds a secret.
"""

import ctypes
import ctypes.util
import os
import re

from avformat import (KIND_BY_NAME, b2b, check_identity, domain, ed25519_verify, f_hex, f_ident, f_int, f_ts,
                      fail, fields, hdr, parse_container, signed_doc_body, signed_doc_ok)

L = 2 ** 252 + 27742317777372353535851937790883648493


def _load():
    names = [os.environ.get("AVAULT_LIBSODIUM"), "libsodium.so.23", ctypes.util.find_library("sodium")]
    for name in names:
        if name:
            try:
                lib = ctypes.CDLL(name)
                if lib.sodium_init() < 0:
                    raise OSError("sodium_init failed")
                return lib
            except OSError:
                continue
    raise OSError("libsodium with ristretto255 (>= 1.0.18) not found; set AVAULT_LIBSODIUM")


_lib = _load()


# ---------------------------------------------------------------- group (RFC 9496 via libsodium)

def is_point(p: bytes) -> bool:
    """A canonical encoding of a group element other than the identity."""
    return len(p) == 32 and any(p) and _lib.crypto_core_ristretto255_is_valid_point(p) == 1


def scalar(n: int) -> bytes:
    return (n % L).to_bytes(32, "little")


def scalar_value(b: bytes) -> int | None:
    """A canonical scalar (< l), else None."""
    if len(b) != 32:
        return None
    v = int.from_bytes(b, "little")
    return v if v < L else None


def base(n: int) -> bytes | None:
    out = ctypes.create_string_buffer(32)
    return out.raw if _lib.crypto_scalarmult_ristretto255_base(out, scalar(n)) == 0 else None


def mul(n: int, p: bytes) -> bytes | None:
    out = ctypes.create_string_buffer(32)
    return out.raw if _lib.crypto_scalarmult_ristretto255(out, scalar(n), p) == 0 else None


def add(p: bytes, q: bytes) -> bytes | None:
    out = ctypes.create_string_buffer(32)
    if _lib.crypto_core_ristretto255_add(out, p, q) != 0 or not any(out.raw):
        return None
    return out.raw


def sub(p: bytes, q: bytes) -> bytes | None:
    out = ctypes.create_string_buffer(32)
    if _lib.crypto_core_ristretto255_sub(out, p, q) != 0 or not any(out.raw):
        return None
    return out.raw


def combination(points, scalars) -> bytes | None:
    acc = None
    for p, n in zip(points, scalars):
        term = mul(n, p)
        if term is None:
            return None
        acc = term if acc is None else add(acc, term)
        if acc is None:
            return None
    return acc


def hash_scalar(message: bytes) -> int:
    """BLAKE2b-512(message) mod l (as crypto_core_ristretto255_scalar_reduce)."""
    return int.from_bytes(b2b(message, 64), "little") % L


def lagrange(i: int, xs) -> int:
    num, den = 1, 1
    for j in xs:
        if j != i:
            num = num * j % L
            den = den * (j - i) % L
    return num * pow(den, -1, L) % L


G = base(1)


# ---------------------------------------------------------------- proofs

def schnorr_ok(proof: bytes, commitment: bytes, context: bytes) -> bool:
    """§4.3: z·G = R + c·C with c = H(context ‖ C ‖ R)."""
    r, z = proof[:32], scalar_value(proof[32:])
    if len(proof) != 64 or not is_point(r) or z is None:
        return False
    c = hash_scalar(context + commitment + r)
    left, cc = base(z), mul(c, commitment)
    return left is not None and cc is not None and add(r, cc) == left


def dleq_ok(proof: bytes, u: bytes, y: bytes, d: bytes, context: bytes) -> bool:
    """§8.2: A = z·G − c·Y, B = z·U − c·D, c = H(context ‖ G ‖ U ‖ Y ‖ D ‖ A ‖ B)."""
    if len(proof) != 64:
        return False
    c, z = scalar_value(proof[:32]), scalar_value(proof[32:])
    if c is None or z is None:
        return False
    zg, cy, zu, cd = base(z), mul(c, y), mul(z, u), mul(c, d)
    if None in (zg, cy, zu, cd):
        return False
    a, b = sub(zg, cy), sub(zu, cd)
    if a is None or b is None:
        return False
    return hash_scalar(context + G + u + y + d + a + b) == c


def kem_key(u: bytes, y: bytes, partials, kind_name: str = "locked-results") -> bytes | None:
    """§8.7: file key = BLAKE2b-256(domain("file-key") ‖ U ‖ Y ‖ Σ λ_j·D_j)."""
    xs = [x for x, _ in partials]
    if len(set(xs)) != len(xs) or 0 in xs:
        return None
    shared = combination([d for _, d in partials], [lagrange(x, xs) for x in xs])
    if shared is None:
        return None
    return b2b(domain(kind_name, "file-key") + u + y + shared, 32)


# ---------------------------------------------------------------- the ceremony's files

MAX_HOLDERS = 32


def _hexlist(v, path, n_bytes, max_items=MAX_HOLDERS):
    hdr(isinstance(v, list) and len(v) <= max_items, path, f"at most {max_items} items")
    out = []
    for i, item in enumerate(v):
        out.append(f_hex(item, f"{path}[{i}]", n_bytes))
    return out


class Plan:
    """§4.2: unsigned container of kind ceremony-plan (16), empty body."""

    def __init__(self, data: bytes):
        hdr(len(data) <= 65536, "file", "plan over 65536 bytes")
        _, h, body = parse_container(data, KIND_BY_NAME["ceremony-plan"], 65536)
        if body:
            fail("format.trailing")
        fields(h, "header", ("created", "holders", "round", "secretary", "threshold"))
        f_ts(h["created"], "header.created")
        hs = h["holders"]
        hdr(isinstance(hs, list) and 1 <= len(hs) <= MAX_HOLDERS, "header.holders", "1 to 32 holders")
        for p, ident in enumerate(hs):
            check_identity(ident, f"header.holders[{p}]")
            hdr(ident["role"] == "holder", f"header.holders[{p}]", "release.holder-role")
        for key in ("id", "signingKey", "encryptionKey"):
            vals = [x[key] for x in hs]
            hdr(len(set(vals)) == len(vals), "header.holders", f"duplicate {key}")
        f_hex(h["round"], "header.round", 16)
        check_identity(h["secretary"], "header.secretary")
        hdr(h["secretary"]["role"] == "secretary", "header.secretary.role", "not secretary")
        f_int(h["threshold"], "header.threshold", 1, len(hs))
        self.h, self.data = h, data
        self.hash = b2b(data, 32)
        self.holders = hs
        self.t = h["threshold"]
        self.n = len(hs)


class Signed:
    """A dealing (kind 17) or acknowledgement (kind 18): a signed document."""

    def __init__(self, data: bytes, kind_name: str, cap: int):
        hdr(len(data) <= cap, "file", f"over {cap} bytes")
        self.pre, h, body = parse_container(data, KIND_BY_NAME[kind_name], cap)
        self.sig = signed_doc_body(body)
        self.kind_name, self.data, self.h = kind_name, data, h
        self.hash = b2b(data, 32)

    def signed_by(self, pk_hex: str) -> bool:
        return signed_doc_ok(self.kind_name, self.pre, self.sig, bytes.fromhex(pk_hex))


class Dealing(Signed):
    def __init__(self, data: bytes):
        super().__init__(data, "ceremony-dealing", 32768)
        h = self.h
        fields(h, "header", ("commitments", "created", "holder", "plan", "proof", "shares", "x"))
        self.commitments = _hexlist(h["commitments"], "header.commitments", 32)
        hdr(len(self.commitments) >= 1, "header.commitments", "empty")
        for i, c in enumerate(self.commitments):
            hdr(is_point(c), f"header.commitments[{i}]", "not a ristretto255 point other than the identity")
        f_ts(h["created"], "header.created")
        f_ident(h["holder"], "header.holder")
        self.plan = f_hex(h["plan"], "header.plan", 32)
        self.proof = f_hex(h["proof"], "header.proof", 64)
        self.shares = _hexlist(h["shares"], "header.shares", 144)
        self.x = f_int(h["x"], "header.x", 1, MAX_HOLDERS)

    def expected(self, j: int) -> bytes | None:
        """Σ_k j^k · C_k (Feldman)."""
        return combination(self.commitments, [pow(j, k, L) for k in range(len(self.commitments))])

    def proof_ok(self) -> bool:
        ctx = domain("ceremony-dealing", "proof") + self.plan + bytes([self.x])
        return schnorr_ok(self.proof, self.commitments[0], ctx)


class Ack(Signed):
    def __init__(self, data: bytes):
        super().__init__(data, "ceremony-ack", 16384)
        h = self.h
        fields(h, "header", ("complaints", "created", "dealings", "holder", "plan", "x"))
        cs = h["complaints"]
        hdr(isinstance(cs, list) and len(cs) <= MAX_HOLDERS, "header.complaints", "at most 32")
        self.complaints = []
        for i, c in enumerate(cs):
            p = f"header.complaints[{i}]"
            fields(c, p, ("dealer", "share", "signature"))
            d = f_int(c["dealer"], p + ".dealer", 1, MAX_HOLDERS)
            hdr(not self.complaints or d > self.complaints[-1][0], p + ".dealer", "not increasing")
            self.complaints.append((d, f_hex(c["share"], p + ".share", 32), f_hex(c["signature"], p + ".signature", 64)))
        f_ts(h["created"], "header.created")
        self.dealings = _hexlist(h["dealings"], "header.dealings", 32)
        f_ident(h["holder"], "header.holder")
        self.plan = f_hex(h["plan"], "header.plan", 32)
        self.x = f_int(h["x"], "header.x", 1, MAX_HOLDERS)


def share_message(plan_hash: bytes, i: int, j: int, share: bytes) -> bytes:
    return domain("ceremony-dealing", "share") + plan_hash + bytes([i, j]) + share


class Outcome:
    def __init__(self, plan, dealings, acks, joint, vkeys, excluded):
        self.plan, self.dealings, self.acks = plan, dealings, acks
        self.joint_key, self.verification_keys, self.excluded = joint, vkeys, excluded

    @property
    def qualified(self):
        return [j + 1 for j, k in enumerate(self.verification_keys) if k is not None]


def _order(files, plan: Plan, what: str, dealing_hashes=None):
    """§4.5 steps 1-2: each file signed by the plan's holder at its x, for this plan, one per
    holder; acknowledgements (`dealing_hashes` given) cite exactly these dealings."""
    by_x = {}
    for f in files:
        if f.x > plan.n:
            fail("ceremony.not-a-holder", str(f.x))
        holder = plan.holders[f.x - 1]
        if not f.signed_by(holder["signingKey"]):
            fail("ceremony.bad-signature", holder["id"])
        if f.plan != plan.hash:
            fail("ceremony.wrong-plan")
        if dealing_hashes is not None and f.dealings != dealing_hashes:
            fail("ceremony.ack-mismatch", holder["id"])
        if isinstance(f, Dealing):
            hdr(len(f.commitments) == plan.t and len(f.shares) == plan.n, "header",
                f"expected {plan.t} commitments and {plan.n} shares")
        if f.x in by_x:
            fail("ceremony.duplicate", holder["id"])
        by_x[f.x] = f
    missing = [plan.holders[j]["id"] for j in range(plan.n) if j + 1 not in by_x]
    if missing:
        fail("ceremony.missing", f"{what}: {', '.join(missing)}")
    return [by_x[x] for x in range(1, plan.n + 1)]


def judge(plan: Plan, dealings, acks) -> Outcome:
    """§4.5, in order."""
    dealings = _order(dealings, plan, "dealings")
    acks = _order(acks, plan, "acks", [d.hash for d in dealings])
    excluded = {}

    def exclude(x, code):
        excluded.setdefault(x, code)

    for d in dealings:
        if not d.proof_ok():
            exclude(d.x, "ceremony.bad-proof")
    for a in acks:
        j = a.x
        for i, share, sig in a.complaints:
            proven = False
            if i <= plan.n and i != j:
                s = scalar_value(share)
                dealer = plan.holders[i - 1]
                if s is not None and ed25519_verify(bytes.fromhex(dealer["signingKey"]),
                                                    share_message(plan.hash, i, j, share), sig):
                    proven = base(s) != dealings[i - 1].expected(j)
            exclude(i if proven else j, "ceremony.dealer-cheated" if proven else "ceremony.false-complaint")
    q = [x for x in range(1, plan.n + 1) if x not in excluded]
    if len(q) < plan.t:
        fail("ceremony.too-few", f"{len(q)} of {plan.t}")
    sums = []
    for k in range(plan.t):
        acc = dealings[q[0] - 1].commitments[k]
        for x in q[1:]:
            acc = add(acc, dealings[x - 1].commitments[k])
        sums.append(acc)
    vkeys = [combination(sums, [pow(j, k, L) for k in range(plan.t)]) if j in q else None
             for j in range(1, plan.n + 1)]
    return Outcome(plan, dealings, acks, sums[0], vkeys, sorted(excluded.items()))


def judge_section(rel, path="header.release") -> Outcome:
    """§4.6: the release section {"acks","dealings","plan"} (whole files as hex, x order), judged."""
    fields(rel, path, ("acks", "dealings", "plan"))
    plan = Plan(_anyhex(rel["plan"], path + ".plan"))
    dealings = [Dealing(_anyhex(d, f"{path}.dealings[{i}]"))
                for i, d in enumerate(_items(rel["dealings"], path + ".dealings"))]
    acks = [Ack(_anyhex(a, f"{path}.acks[{i}]")) for i, a in enumerate(_items(rel["acks"], path + ".acks"))]
    out = judge(plan, dealings, acks)
    hdr([d.data for d in out.dealings] == [d.data for d in dealings]
        and [a.data for a in out.acks] == [a.data for a in acks], path, "dealings and acks not in x order")
    return out


def _anyhex(v, path) -> bytes:
    hdr(isinstance(v, str) and re.fullmatch("([0-9a-f]{2})*", v) is not None, path, "not lowercase hex")
    return bytes.fromhex(v)


def _items(v, path):
    hdr(isinstance(v, list) and len(v) <= MAX_HOLDERS, path, "at most 32 items")
    return v


def partial_context(round_hash: bytes, manifest: bytes, results: bytes, decision: str, x: int) -> bytes:
    """§8.2."""
    return (domain("approval", "partial") + round_hash + manifest + results
            + b2b(decision.encode("utf-8"), 32) + bytes([x]))
