"""Round definition (03-round.md), manifest (§6.3), journal (§7), approval and token (§8)."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from avformat import (AVError, KIND_BY_NAME, b2b, canonical, check_identity,
                      ct_eq, domain, f_bool, f_dec, f_hex, f_ident, f_int, f_name, f_str, f_ts,
                      fail, fields, file_hash, hdr, is_blank, parse_container,
                      signed_doc_body, signed_doc_ok)
import nacl.bindings as nb

ROUND_MAX_HEADER = 256 * 1024 * 1024
CODE_RE = re.compile(r"[1-9][0-9]{0,2}(\.[1-9][0-9]{0,2}){0,2}")
# §3.3 F6: a bonus or penalty item's code: a letter, then letters, digits, '.' or '-' (≤ 16).
EXTRA_CODE_RE = re.compile(r"[A-Za-z][A-Za-z0-9.-]{0,15}")


def nfc(s: str) -> bool:
    return unicodedata.normalize("NFC", s) == s


def on_step(v: Decimal, step: Decimal) -> bool:
    return (v / step) == (v / step).to_integral_value()


def covered(st: dict, local: str) -> list:
    """§3.4: the appraisable cells a member code assigns in set `st`: a tree code (F1) assigns every
    appraisable sub-criterion at or under it; a bonus or penalty code (F6) that item only, even
    when another item's code starts with it and a dot (`T` and `T.1`)."""
    if CODE_RE.fullmatch(local) is None:
        return [s for s in st["appraisable"] if s["code"] == local]
    return [s for s in st["appraisable"] if s["code"] == local or s["code"].startswith(local + ".")]


class Round:
    """A parsed, signature-checked and re-validated round definition."""

    def __init__(self, data: bytes):
        self.data = data
        self.file_hash = file_hash(data)
        pre, h, body = parse_container(data, KIND_BY_NAME["round-definition"], ROUND_MAX_HEADER)
        sig = signed_doc_body(body)
        # §3.6: verify the signature before interpreting the rest of the header.
        sec = h.get("secretary")
        spk = sec.get("signingKey") if isinstance(sec, dict) else None
        hdr(isinstance(spk, str) and re.fullmatch("[0-9a-f]{64}", spk) is not None,
            "header.secretary.signingKey", "missing or invalid")
        if not signed_doc_ok("round-definition", pre, sig, bytes.fromhex(spk)):
            fail("round.bad-signature", "the round definition was changed after it was signed")
        self.h = h
        self._validate()

    # ---- validation (§3.2-§3.5, §4.7)
    def _validate(self):
        h = self.h
        # §12.1: `unitKeys` is optional (present only when some unit has a key).
        fields(h, "header", ("created", "deadline", "demo", "document", "groups", "indexAbove100", "labels", "members",
                             "references", "release", "round", "secretary", "selfAssessment",
                             "sets", "title", "units", "year") + (("unitKeys",) if "unitKeys" in h else ()))
        f_ts(h["created"], "header.created")
        f_bool(h["demo"], "header.demo")
        self._document(h["document"], h["deadline"])
        f_bool(h["indexAbove100"], "header.indexAbove100")
        self.index_above_100 = h["indexAbove100"]
        self.round_id = f_hex(h["round"], "header.round", 16)
        check_identity(h["secretary"], "header.secretary")
        hdr(h["secretary"]["role"] == "secretary", "header.secretary.role", "not secretary")
        f_str(h["title"], "header.title", 500, 1)
        hdr(not is_blank(h["title"]), "header.title", "blank")
        hdr(nfc(h["title"]), "header.title", "not NFC")
        f_int(h["year"], "header.year", 2000, 2100)
        refs = h["references"]
        hdr(isinstance(refs, list) and len(refs) <= 100, "header.references", "0-100 strings")
        for i, r in enumerate(refs):
            f_str(r, f"header.references[{i}]", 500, 1)
            hdr(not is_blank(r), f"header.references[{i}]", "blank")
        self._sets(h["sets"])
        self._units_groups(h["units"], h["groups"])
        # §3.3: every group belongs to exactly one set; a unit is appraised on its group's set.
        owned = [g for st in self.sets for g in st["groups"]]
        hdr(sorted(owned) == sorted(self.group_ids), "header.sets", "every group in exactly one set")
        self.group_set = {g: st for st in self.sets for g in st["groups"]}
        self.unit_set = {u["id"]: self.group_set[u["group"]] for u in self.units}
        self._labels(h["labels"])
        from avceremony import judge_section
        self.ceremony = judge_section(h["release"])
        plan = self.ceremony.plan.h
        hdr(plan["round"] == h["round"], "header.release.plan.round", "the ceremony was held for another round id")
        hdr(plan["secretary"] == h["secretary"], "header.release.plan.secretary", "another secretary")
        self.release = h["release"]
        self.holders = plan["holders"]
        self._members(h["members"])
        self._self_assessment(h["selfAssessment"])
        self._unit_keys(h.get("unitKeys"))
        ids = [h["secretary"]] + [m["identity"] for m in h["members"]] + self.holders + self.unit_keys
        if not h["demo"]:
            hdr(all(not i["demo"] for i in ids), "header.demo", "a demo identity in a non-demo round")
        # §3.6 / §12.1 U3: no key in two identities of the round.
        seen = set()
        for i in ids:
            for k in (i["signingKey"], i["encryptionKey"]):
                hdr(k not in seen, "header", f"one key used by two identities ({i['id']})")
                seen.add(k)
        self.secretary = h["secretary"]
        self.sec_sign = bytes.fromhex(self.secretary["signingKey"])
        self.sec_enc = bytes.fromhex(self.secretary["encryptionKey"])
        self.joint_key = self.ceremony.joint_key
        self.threshold = plan["threshold"]

    def _unit_keys(self, uk):
        """§12.1 U1, U2: identities of role unit, each a unit id, in unit order, never []."""
        self.unit_keys = []
        if uk is None:
            return
        hdr(isinstance(uk, list) and 1 <= len(uk) <= 1 << 20, "header.unitKeys", "1-1048576 identities")
        order = {u["id"]: k for k, u in enumerate(self.units)}
        last = -1
        for i, ident in enumerate(uk):
            p = f"header.unitKeys[{i}]"
            check_identity(ident, p)
            hdr(ident["role"] == "unit", p + ".role", "expected unit")
            k = order.get(ident["id"])
            hdr(k is not None and k > last, p + ".id", "not a unit of the round, repeated or out of order")
            last = k
            self.unit_keys.append(ident)

    def unit_key(self, unit_id):
        return next((k for k in self.unit_keys if k["id"] == unit_id), None)

    def _node(self, n, path, keys, parent_code):
        fields(n, path, keys)
        code = n["code"]
        hdr(isinstance(code, str) and CODE_RE.fullmatch(code) is not None, path + ".code", "bad code")
        hdr(code.rsplit(".", 1)[0] == parent_code if parent_code else "." not in code,
            path + ".code", "nesting does not match the code")
        hdr(code not in self.codes, path + ".code", "duplicate code")
        self.codes.add(code)
        f_str(n["title"], path + ".title", 1000, 1)
        hdr(not is_blank(n["title"]), path + ".title", "blank")
        hdr(nfc(n["title"]), path + ".title", "not NFC")
        step = f_dec(n["step"], path + ".step")
        mx = f_dec(n["max"], path + ".max")
        hdr(step > 0 and mx > 0 and on_step(mx, step), path, "max/step")
        return mx, step

    def _document(self, doc, deadline):
        """§3.2 `document` (exactly seven fields: six one-line NFC strings, at most 200 bytes, not
        blank except `signer` and `number`, which may be empty, and `recipients`, 1 to 20 such
        strings, none blank) and `deadline` ("" or a calendar date)."""
        fields(doc, "header.document",
               ("council", "issuer", "number", "place", "recipients", "signer", "signerTitle"))
        rec = doc["recipients"]
        hdr(isinstance(rec, list) and 1 <= len(rec) <= 20, "header.document.recipients", "1-20 strings")
        for i, v in enumerate(rec):
            p = f"header.document.recipients[{i}]"
            f_str(v, p, 200, 0)
            hdr(nfc(v), p, "not NFC")
            hdr(not is_blank(v), p, "blank")
        for key in ("council", "issuer", "number", "place", "signer", "signerTitle"):
            v = doc[key]
            p = "header.document." + key
            f_str(v, p, 200, 0)
            hdr(nfc(v), p, "not NFC")
            if not (key in ("signer", "number") and v == ""):
                hdr(not is_blank(v), p, "blank")
        hdr(isinstance(deadline, str), "header.deadline", "not a string")
        if deadline != "":
            m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", deadline)
            hdr(m is not None, "header.deadline", "not YYYY-MM-DD")
            y, mo, d = (int(g) for g in m.groups())
            hdr(2000 <= y <= 2100 and 1 <= mo <= 12, "header.deadline", "out of range")
            leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
            days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
            hdr(1 <= d <= days, "header.deadline", "not a day of the month")

    def _sets(self, sets):
        """§3.3: 1-100 criteria sets {framework, groups, id}; ids unique identifiers, groups
        non-empty and distinct. Each set becomes a dict with its framework's lists."""
        hdr(isinstance(sets, list) and 1 <= len(sets) <= 100, "header.sets", "1-100 sets")
        self.sets = []
        for i, st in enumerate(sets):
            p = f"header.sets[{i}]"
            fields(st, p, ("framework", "groups", "id"))
            f_ident(st["id"], p + ".id")
            hdr(all(st["id"] != o["id_"] for o in self.sets), p + ".id", "duplicate set id")
            gs = st["groups"]
            hdr(isinstance(gs, list) and gs and all(isinstance(g, str) for g in gs) and len(set(gs)) == len(gs),
                p + ".groups", "non-empty, distinct group ids")
            fw = self._framework(st["framework"], p + ".framework")
            fw["id_"], fw["groups"] = st["id"], list(gs)
            self.sets.append(fw)

    def _framework(self, fw, base):
        fields(fw, base, ("bonus", "fields", "id", "penalty", "title", "total"))
        f_str(fw["id"], base + ".id", 200, 0)
        f_str(fw["title"], base + ".title", 1000, 0)
        hdr(nfc(fw["id"]) and nfc(fw["title"]), base, "id or title not NFC")
        total = f_dec(fw["total"], base + ".total")
        self.codes = set()
        self.fw_fields, self.fw_criteria, self.subs = [], [], []
        self.node = {}   # code -> node
        hdr(isinstance(fw["fields"], list) and fw["fields"], base + ".fields", "empty")
        s_fields = Decimal(0)
        for i, f in enumerate(fw["fields"]):
            p = f"{base}.fields[{i}]"
            fmax, _ = self._node(f, p, ("code", "criteria", "max", "step", "title"), None)
            self.fw_fields.append(f)
            self.node[f["code"]] = f
            hdr(isinstance(f["criteria"], list) and f["criteria"], p + ".criteria", "F5 empty")
            s_crit = Decimal(0)
            for j, c in enumerate(f["criteria"]):
                cp = f"{p}.criteria[{j}]"
                cmax, _ = self._node(c, cp, ("code", "max", "step", "subCriteria", "title"), f["code"])
                self.fw_criteria.append(c)
                self.node[c["code"]] = c
                hdr(isinstance(c["subCriteria"], list) and c["subCriteria"], cp + ".subCriteria", "F5 empty")
                s_sub = Decimal(0)
                for k, s in enumerate(c["subCriteria"]):
                    sp = f"{cp}.subCriteria[{k}]"
                    smax, sstep = self._node(s, sp, ("code", "max", "method", "step", "title"), c["code"])
                    hdr(s["method"] in ("self", "council", "survey"), sp + ".method", "F3")
                    s["_field"], s["_criterion"] = f["code"], c["code"]
                    self.subs.append(s)
                    self.node[s["code"]] = s
                    s_sub += smax
                hdr(s_sub == cmax, cp, "F5 sub-criteria maxima do not sum to the criterion's")
                s_crit += cmax
            hdr(s_crit == fmax, p, "F5 criteria maxima do not sum to the field's")
            s_fields += fmax
        hdr(s_fields == total, base + ".total", "F5 fields do not sum to total")
        # §3.3 F6: bonus and penalty items, outside the tree; each a cell after the sub-criteria.
        extras = []
        for method in ("bonus", "penalty"):
            items = fw[method]
            hdr(isinstance(items, list) and len(items) <= 100, f"{base}.{method}", "0-100 items")
            for i, x in enumerate(items):
                p = f"{base}.{method}[{i}]"
                fields(x, p, ("code", "max", "step", "title"))
                code = x["code"]
                hdr(isinstance(code, str) and EXTRA_CODE_RE.fullmatch(code) is not None
                    and code.lower() not in ("total", "final"), p + ".code", "F6 bad code")
                # F6: unique among the framework's codes ignoring ASCII case (tree codes are digits).
                hdr(code.lower() not in {c.lower() for c in self.codes}, p + ".code", "duplicate code")
                self.codes.add(code)
                f_str(x["title"], p + ".title", 1000, 1)
                hdr(not is_blank(x["title"]) and nfc(x["title"]), p + ".title", "blank or not NFC")
                step, cap = f_dec(x["step"], p + ".step"), f_dec(x["max"], p + ".max")
                hdr(step > 0 and 0 < cap <= total and on_step(cap, step), p, "F6 cap/step")
                x["method"] = method
                extras.append(x)
                self.node[code] = x
        return {"fields": self.fw_fields, "criteria": self.fw_criteria, "subs": self.subs, "node": self.node,
                "extras": extras, "cells": self.subs + extras,
                "appraisable": [s for s in self.subs if s["method"] in ("self", "council")] + extras}

    def _units_groups(self, units, groups):
        hdr(isinstance(groups, list), "header.groups", "not an array")
        gids = []
        self.group_name = {}
        for i, g in enumerate(groups):
            p = f"header.groups[{i}]"
            fields(g, p, ("id", "name"))
            f_ident(g["id"], p + ".id")
            f_name(g["name"], p + ".name")
            hdr(g["id"] not in gids, p + ".id", "duplicate group")
            gids.append(g["id"])
        hdr(isinstance(units, list) and units, "header.units", "at least one unit")
        self.units, used = [], []
        self.unit_group = {}
        for i, u in enumerate(units):
            p = f"header.units[{i}]"
            fields(u, p, ("group", "id", "name"))
            f_ident(u["id"], p + ".id")
            f_name(u["name"], p + ".name")
            hdr(u["group"] in gids, p + ".group", "group not listed")
            hdr(u["id"] not in self.unit_group, p + ".id", "duplicate unit")
            self.unit_group[u["id"]] = u["group"]
            self.units.append(u)
            if u["group"] not in used:
                used.append(u["group"])
        hdr(used == gids, "header.groups", "not exactly the used groups in order of first use")
        self.group_ids = gids

    def _labels(self, labels):
        hdr(isinstance(labels, list) and len(labels) == len(self.group_ids), "header.labels", "one per group")
        self.labels = {}
        for i, (lab, g) in enumerate(zip(labels, self.group_ids)):
            p = f"header.labels[{i}]"
            fields(lab, p, ("group", "thresholds"))
            hdr(lab["group"] == g, p + ".group", "not in groups order")
            ths = lab["thresholds"]
            hdr(isinstance(ths, list) and ths, p + ".thresholds", "empty")
            prev = None
            out = []
            for j, t in enumerate(ths):
                tp = f"{p}.thresholds[{j}]"
                fields(t, tp, ("label", "minimum"))
                f_name(t["label"], tp + ".label")
                m = f_dec(t["minimum"], tp + ".minimum")
                hdr(0 <= m <= 100, tp + ".minimum", "not in [0, 100]")
                hdr(prev is None or m < prev, tp + ".minimum", "not strictly decreasing")
                prev = m
                out.append((m, t["label"]))
            hdr(ths[-1]["minimum"] == "0", p + ".thresholds", "last minimum is not 0")
            self.labels[g] = out

    def _members(self, members):
        hdr(isinstance(members, list), "header.members", "not an array")
        self.members = []
        self.member_by_id = {}
        seen_keys = set()
        self.assign = {}   # (unit, subcode) -> member id
        overlaps = []
        for i, m in enumerate(members):
            p = f"header.members[{i}]"
            fields(m, p, ("codes", "identity", "ownUnits", "units"))
            ident = check_identity(m["identity"], p + ".identity")
            hdr(ident["role"] == "member", p + ".identity.role", "M1 not a member")
            hdr(ident["id"] not in self.member_by_id, p + ".identity.id", "M1 duplicate id")
            hdr(ident["signingKey"] not in seen_keys, p + ".identity.signingKey", "M1 duplicate key")
            seen_keys.add(ident["signingKey"])
            self.member_by_id[ident["id"]] = m
            self.members.append(m)
            codes, units = m["codes"], m["units"]
            hdr(isinstance(codes, list) and codes, p + ".codes", "M2 empty")
            hdr(isinstance(units, list), p + ".units", "not an array")
            subs = {}   # set id -> sub-criteria assigned
            spelt = set()   # (set id, code) resolved
            for c in codes:
                # §3.4: SET:CODE, or a bare CODE when the round has a single set.
                hdr(isinstance(c, str), p + ".codes", "not a string")
                if ":" in c:
                    sid, local = c.split(":", 1)
                    st = next((x for x in self.sets if x["id_"] == sid), None)
                else:
                    st, local = (self.sets[0] if len(self.sets) == 1 else None), c
                hdr(st is not None and local in st["node"], p + ".codes", f"M2 unknown code {c!r}")
                # M2: one code per member once resolved (`1` and `khung:1` are the same code).
                hdr((st["id_"], local) not in spelt, p + ".codes", f"M2 repeated code {c!r}")
                spelt.add((st["id_"], local))
                cov = covered(st, local)
                hdr(cov, p + ".codes", f"M2 {c} covers no appraisable sub-criterion")
                subs.setdefault(st["id_"], []).extend(cov)
            for u in units:
                hdr(isinstance(u, str) and (u in self.unit_group or u in self.group_ids), p + ".units",
                    f"M3 {u!r}")
            own = m["ownUnits"]
            hdr(isinstance(own, list) and len(own) <= 1000 and len(set(own)) == len(own)
                and all(isinstance(u, str) and u in self.unit_group for u in own), p + ".ownUnits",
                "M5 unit ids, distinct")
            uids = [u["id"] for u in self.units
                    if not units or u["id"] in units or u["group"] in units]
            for uid in uids:
                got = subs.get(self.unit_set[uid]["id_"], [])
                # §3.4 M5 (recusal): no assigned cell of a unit the member names as their own.
                hdr(not (got and uid in own), p + ".ownUnits", f"M5 assigned a cell of own unit {uid}")
                for s in got:
                    cell = (uid, s["code"])
                    if cell in self.assign and self.assign[cell] != ident["id"]:
                        overlaps.append(cell)
                    self.assign[cell] = ident["id"]
        hdr(not overlaps, "header.members", f"assign.overlap {overlaps[:10]}")
        gaps = [(u["id"], s["code"]) for u in self.units for s in self.unit_set[u["id"]]["appraisable"]
                if (u["id"], s["code"]) not in self.assign]
        hdr(not gaps, "header.members", f"assign.gap {gaps[:10]}")
        self.appraisable = sum(len(self.unit_set[u["id"]]["appraisable"]) for u in self.units)

    def _self_assessment(self, sa):
        expected = [(u["id"], s["code"]) for u in self.units for s in self.unit_set[u["id"]]["subs"]
                    if s["method"] == "self"]
        hdr(isinstance(sa, list) and len(sa) == len(expected), "header.selfAssessment",
            "not exactly one entry per unit x self sub-criterion")
        self.self_score = {}
        for i, (e, (uid, code)) in enumerate(zip(sa, expected)):
            p = f"header.selfAssessment[{i}]"
            fields(e, p, ("code", "note", "score", "unit"))
            hdr(e["unit"] == uid and e["code"] == code, p, "not in cell order")
            # null: the unit did not self-assess the sub-criterion (spec 3.5); counted as 0.
            sc = None if e["score"] is None else f_dec(e["score"], p + ".score")
            s = self.unit_set[uid]["node"][code]
            hdr(sc is None or (0 <= sc <= Decimal(s["max"]) and on_step(sc, Decimal(s["step"]))), p + ".score",
                "range/step")
            f_str(e["note"], p + ".note", 2000, 0, one_line=False)
            hdr(nfc(e["note"]), p + ".note", "not NFC")
            self.self_score[(uid, code)] = sc

    @property
    def fingerprint(self):
        from avformat import round_fingerprint
        return round_fingerprint(self.file_hash)

    def holder_by_key(self, spk_hex):
        """(x, identity, verification key or None) of the plan's holder with this signing key."""
        return holder_by_key(self.ceremony, spk_hex)


def holder_by_key(ceremony, spk_hex):
    for p, ident in enumerate(ceremony.plan.holders):
        if ident["signingKey"] == spk_hex:
            return p + 1, ident, ceremony.verification_keys[p]
    return None


# ---------------------------------------------------------------- journal (§7)

JOURNAL_KIND = 9


def entry_hash(e) -> bytes:
    return b2b(domain("journal", "entry") + canonical(e), 32)


class Journal:
    """§7. Parsing the container is journal.signature's concern; the header fields and entries
    being well formed is journal.chain's (FINDINGS F4)."""

    def __init__(self, data: bytes):
        pre, h, body = parse_container(data, JOURNAL_KIND)
        self.sig = signed_doc_body(body)
        self.pre = pre
        self.h = h

    def signed_by(self, pk: bytes) -> bool:
        return signed_doc_ok(KINDS_NAME_JOURNAL, self.pre, self.sig, pk)

    def parse_entries(self):
        """Raises AVError(format.header) when the header or an entry is malformed."""
        h = self.h
        fields(h, "header", ("entries", "head", "round"))
        f_hex(h["head"], "header.head", 32)
        f_hex(h["round"], "header.round", 32)
        hdr(isinstance(h["entries"], list), "header.entries", "not an array")
        for i, e in enumerate(h["entries"]):
            fields(e, f"entries[{i}]", ("at", "details", "event", "prev", "seq"))
            f_ts(e["at"], f"entries[{i}].at")
            hdr(isinstance(e["details"], dict), f"entries[{i}].details", "not an object")
            _one_line_strings(e["details"], f"entries[{i}].details")
            f_str(e["event"], f"entries[{i}].event", 64, 1)
            f_hex(e["prev"], f"entries[{i}].prev", 32)
            f_int(e["seq"], f"entries[{i}].seq", 1, 2 ** 63 - 1)
        self.entries = h["entries"]
        return self.entries

    def chain_problems(self):
        prev = bytes(32)
        for i, e in enumerate(self.entries):
            if e["seq"] != i + 1:
                return [f"entry {i + 1}: seq {e['seq']}"]
            if bytes.fromhex(e["prev"]) != prev:
                return [f"entry {i + 1}: prev is not the hash of the entry before"]
            prev = entry_hash(e)
        # An empty journal has head = 32 zero bytes (FINDINGS F5); journal.round then fails.
        if bytes.fromhex(self.h["head"]) != prev:
            return ["head is not the hash of the last entry"]
        return []


KINDS_NAME_JOURNAL = "journal"   # kind 9's name in domain strings (§1.1; FINDINGS F1)


# ---------------------------------------------------------------- manifest (§6.3)

class Manifest:
    def __init__(self, data: bytes):
        pre, h, body = parse_container(data, KIND_BY_NAME["manifest"])
        self.sig = signed_doc_body(body)
        self.pre = pre
        names = ("allowIncomplete", "coverage", "created", "journalHead", "results", "round", "submissions",
                 "surveyAvailable")
        fields(h, "header", names + tuple(k for k in ("evidence", "exceptions", "explanations", "second", "survey") if k in h))
        f_bool(h["allowIncomplete"], "header.allowIncomplete")
        cov = fields(h["coverage"], "header.coverage",
                     ("appraisable", "appraised", "conflicts", "gaps", "missingMembers"))
        for k in ("appraisable", "appraised", "conflicts", "gaps"):
            f_int(cov[k], f"header.coverage.{k}", 0, 2 ** 63 - 1)
        hdr(isinstance(cov["missingMembers"], list), "header.coverage.missingMembers", "not an array")
        for i, m in enumerate(cov["missingMembers"]):
            f_ident(m, f"header.coverage.missingMembers[{i}]")
        f_ts(h["created"], "header.created")
        f_hex(h["journalHead"], "header.journalHead", 32)
        f_hex(h["results"], "header.results", 32)
        f_hex(h["round"], "header.round", 32)
        f_bool(h["surveyAvailable"], "header.surveyAvailable")
        # §6.3 / §6.6: `survey` present exactly when `surveyAvailable` is true.
        self.survey = h.get("survey")
        if self.survey is not None:
            fields(self.survey, "header.survey", ("fileHash", "revision"))
            f_hex(self.survey["fileHash"], "header.survey.fileHash", 32)
            f_int(self.survey["revision"], "header.survey.revision", 1, 1000000)
        hdr(h["surveyAvailable"] == (self.survey is not None), "header.surveyAvailable",
            "not true exactly when survey is present")
        subs = h["submissions"]
        hdr(isinstance(subs, list), "header.submissions", "not an array")
        for i, s in enumerate(subs):
            p = f"header.submissions[{i}]"
            fields(s, p, ("fileHash", "member", "revision"))
            f_hex(s["fileHash"], p + ".fileHash", 32)
            f_ident(s["member"], p + ".member")
            f_int(s["revision"], p + ".revision", 1, 1000000)
        # §6.3 / §10.7: optional, omitted when empty, sorted by (member, revision, index), no repeats.
        self.evidence = h.get("evidence", [])
        if "evidence" in h:
            ev = h["evidence"]
            hdr(isinstance(ev, list) and len(ev) >= 1, "header.evidence", "not a non-empty array")
            keys = []
            for i, e in enumerate(ev):
                p = f"header.evidence[{i}]"
                fields(e, p, ("fileHash", "index", "member", "revision"))
                f_hex(e["fileHash"], p + ".fileHash", 32)
                f_int(e["index"], p + ".index", 1, 2 ** 31 - 1)
                f_ident(e["member"], p + ".member")
                f_int(e["revision"], p + ".revision", 1, 1000000)
                keys.append((e["member"].encode(), e["revision"], e["index"]))
            hdr(all(keys[i] < keys[i + 1] for i in range(len(keys) - 1)), "header.evidence",
                "not sorted by member, revision, index, or an entry twice")
        ms = [s["member"] for s in subs]
        hdr(ms == sorted(ms, key=lambda x: x.encode()) and len(set(ms)) == len(ms), "header.submissions",
            "not sorted by member, one per member")
        # §12.7: the explanation round's inputs, optional, omitted when empty.
        self.second = h.get("second", [])
        self.explanations = h.get("explanations", [])
        for name, sender in (("second", "member"), ("explanations", "unit")):
            if name not in h:
                continue
            items = h[name]
            hdr(isinstance(items, list) and len(items) >= 1, f"header.{name}", "not a non-empty array")
            for i, s in enumerate(items):
                p = f"header.{name}[{i}]"
                fields(s, p, ("fileHash", sender, "revision"))
                f_hex(s["fileHash"], p + ".fileHash", 32)
                f_ident(s[sender], f"{p}.{sender}")
                f_int(s["revision"], p + ".revision", 1, 1000000)
            ids = [s[sender].encode() for s in items]
            hdr(all(ids[i] < ids[i + 1] for i in range(len(ids) - 1)), f"header.{name}",
                f"not sorted by {sender}, one per {sender}")
        self.exceptions = h.get("exceptions", [])
        if "exceptions" in h:
            ex = h["exceptions"]
            hdr(isinstance(ex, list) and len(ex) >= 1, "header.exceptions", "not a non-empty array")
            for i, e in enumerate(ex):
                fields(e, f"header.exceptions[{i}]", ("code", "unit"))
                f_str(e["unit"], f"header.exceptions[{i}].unit", 64)
                f_str(e["code"], f"header.exceptions[{i}].code", 32)
            keys = [(e["unit"].encode(), e["code"].encode()) for e in ex]
            hdr(all(keys[i] < keys[i + 1] for i in range(len(keys) - 1)), "header.exceptions",
                "not sorted by unit and code, or a cell twice")
        self.h = h

    def signed_by(self, pk):
        return signed_doc_ok("manifest", self.pre, self.sig, pk)


# ---------------------------------------------------------------- approval, token (§8)

def _one_line_strings(v, path):
    """§7: every string inside `details`, keys too, is one-line text (§1.3)."""
    if isinstance(v, str):
        f_str(v, path)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            _one_line_strings(x, f"{path}[{i}]")
    elif isinstance(v, dict):
        for k, x in v.items():
            f_str(k, path)
            _one_line_strings(x, f"{path}.{k}")


def check_decision(v, path):
    f_str(v, path, 300, 1)
    hdr(not is_blank(v), path, "blank")
    hdr(nfc(v), path, "not NFC")
    hdr(v == v.strip(" \u00a0"), path, "leading or trailing space")
    return v


class Approval:
    def __init__(self, data: bytes):
        from avceremony import is_point
        hdr(len(data) <= 4096, "file", "approval over 4096 bytes")
        pre, h, body = parse_container(data, KIND_BY_NAME["approval"], 4096)
        self.sig = signed_doc_body(body)
        self.pre = pre
        self.data = data
        fields(h, "header", ("created", "decision", "holder", "holderSigningKey", "manifest", "partial", "proof",
                             "results", "round", "x"))
        f_ts(h["created"], "header.created")
        check_decision(h["decision"], "header.decision")
        f_ident(h["holder"], "header.holder")
        self.key = f_hex(h["holderSigningKey"], "header.holderSigningKey", 32)
        for k in ("manifest", "results", "round"):
            f_hex(h[k], "header." + k, 32)
        self.partial = f_hex(h["partial"], "header.partial", 32)
        hdr(is_point(self.partial), "header.partial", "not a ristretto255 point other than the identity")
        self.proof = f_hex(h["proof"], "header.proof", 64)
        f_int(h["x"], "header.x", 1, 32)
        self.h = h

    def verify(self, rnd, round_hash: bytes, manifest_hash: bytes | None, results_hash: bytes | None,
               ephemeral: bytes | None):
        """§8.3 steps 2-8; returns (x, identity, verification key). `rnd` has `ceremony`."""
        from avceremony import dleq_ok, partial_context
        h = self.h
        if not signed_doc_ok("approval", self.pre, self.sig, self.key):
            fail("approval.bad-signature")
        holder = holder_by_key(rnd.ceremony, h["holderSigningKey"])
        if holder is None:
            fail("approval.not-a-holder")
        x, ident, vkey = holder
        hid = ident["id"]
        if vkey is None:
            fail("ceremony.excluded", hid)
        if h["x"] != x:
            fail("approval.wrong-x", hid)
        if bytes.fromhex(h["round"]) != round_hash:
            fail("approval.wrong-round", hid)
        if manifest_hash is None or bytes.fromhex(h["manifest"]) != manifest_hash:
            fail("approval.wrong-manifest", hid)
        if results_hash is None or bytes.fromhex(h["results"]) != results_hash:
            fail("approval.wrong-results", hid)
        ctx = partial_context(round_hash, manifest_hash, results_hash, h["decision"], x)
        if ephemeral is None or not dleq_ok(self.proof, ephemeral, vkey, self.partial, ctx):
            fail("approval.bad-proof", f"{hid} x={x}")
        return holder


TOKEN_MAX = 2 * 4096 * 32 + 4096


def verify_token(data: bytes, rnd, round_hash, manifest_hash, results_hash, ephemeral):
    """§8.6; returns the counted partials [(x, D_x)]."""
    if len(data) > TOKEN_MAX:
        fail("file.too-large")
    pre, h, body = parse_container(data, KIND_BY_NAME["release-token"], TOKEN_MAX)
    if body:
        fail("format.trailing")
    fields(h, "header", ("approvals", "created", "decision", "manifest", "results", "round"))
    f_ts(h["created"], "header.created")
    check_decision(h["decision"], "header.decision")
    for k in ("manifest", "results", "round"):
        f_hex(h[k], "header." + k, 32)
    aps = h["approvals"]
    hdr(isinstance(aps, list) and 1 <= len(aps) <= 32, "header.approvals", "1-32 items")
    parsed = []
    for i, a in enumerate(aps):
        hdr(isinstance(a, str) and re.fullmatch("([0-9a-f]{2})*", a) is not None, f"header.approvals[{i}]",
            "not lowercase hex")
        try:
            parsed.append(Approval(bytes.fromhex(a)))
        except AVError as e:
            fail("format.header", f"header.approvals[{i}]: {e}")
    if bytes.fromhex(h["round"]) != round_hash:
        fail("token.wrong-round")
    if manifest_hash is None or bytes.fromhex(h["manifest"]) != manifest_hash:
        fail("token.wrong-manifest")
    if results_hash is None or bytes.fromhex(h["results"]) != results_hash:
        fail("token.wrong-results")
    for a in parsed:
        a.verify(rnd, round_hash, manifest_hash, results_hash, ephemeral)
    for a in parsed:
        if a.h["decision"] != h["decision"]:
            fail("token.decision-differs")
    keys = [a.h["holderSigningKey"] for a in parsed]
    if len(set(keys)) != len(keys):
        fail("token.duplicate-key")
    xs = [a.h["x"] for a in parsed]
    hdr(all(xs[i] < xs[i + 1] for i in range(len(xs) - 1)), "header.approvals", "x not strictly increasing")
    if len(parsed) < rnd.threshold:
        fail("approval.not-enough", f"{len(parsed)} of {rnd.threshold}")
    return [(a.h["x"], a.partial) for a in parsed]


# ---------------------------------------------------------------- receipt, checkpoint (§11.3, §11.4)

RECEIPT_MAX = 4096
CHECKPOINT_MAX = 4096
RECEIPT_EVENTS = ("receive", "supersede", "receive-evidence")


def _small_signed_doc(obj, data: bytes, kind: str, cap: int):
    """File cap (= header cap, §1.8), container of `kind`, 64-byte body: sets obj.pre, obj.sig;
    returns the header."""
    if len(data) > cap:
        fail("file.too-large", f"{kind} over {cap} bytes")
    obj.pre, h, body = parse_container(data, KIND_BY_NAME[kind], cap)
    obj.sig = signed_doc_body(body)
    return h


class Receipt:
    """§11.3 steps 1-2: cap, container (kind 11), strict header."""

    def __init__(self, data: bytes):
        h = _small_signed_doc(self, data, "receipt", RECEIPT_MAX)
        hdr(isinstance(h, dict), "header", "not an object")
        ev = h.get("event")
        hdr(ev in RECEIPT_EVENTS, "header.event", "not receive, supersede or receive-evidence")
        names = ("at", "entry", "event", "fileHash", "head", "member", "revision", "round")
        fields(h, "header", names + (("index",) if ev == "receive-evidence" else ()))
        f_str(h["at"], "header.at", 32)
        f_int(h["entry"], "header.entry", 1, 2 ** 31 - 1)
        f_hex(h["fileHash"], "header.fileHash", 32)
        f_hex(h["head"], "header.head", 32)
        if ev == "receive-evidence":
            f_int(h["index"], "header.index", 1, 999)
        f_ident(h["member"], "header.member")
        f_int(h["revision"], "header.revision", 1, 1000000)
        f_hex(h["round"], "header.round", 32)
        self.h = h

    def verify(self, secretary_key: bytes, round_hash: bytes):
        """Steps 3-4: signature by the round's secretary, then the round."""
        if not signed_doc_ok("receipt", self.pre, self.sig, secretary_key):
            fail("receipt.bad-signature")
        if bytes.fromhex(self.h["round"]) != round_hash:
            fail("receipt.wrong-round")

    def check(self, entries):
        """Step 5: entry `entry` exists, hashes to `head`, and names this file."""
        h = self.h
        n = h["entry"]
        e = entries[n - 1] if n <= len(entries) else None
        d = e["details"] if e is not None else {}
        ok = (e is not None and entry_hash(e).hex() == h["head"] and e["event"] == h["event"]
              and d.get("fileHash") == h["fileHash"] and d.get("member") == h["member"]
              and d.get("revision") == h["revision"]
              and ("index" not in h or d.get("index") == h["index"]))
        if not ok:
            fail("receipt.not-in-journal", f"{h['member']} r{h['revision']} entry {n}")


class Checkpoint:
    """§11.4 steps 1-2: cap, container (kind 12), strict header."""

    def __init__(self, data: bytes):
        h = _small_signed_doc(self, data, "checkpoint", CHECKPOINT_MAX)
        fields(h, "header", ("created", "entries", "head", "holder", "holderSigningKey", "round"))
        f_ts(h["created"], "header.created")
        f_int(h["entries"], "header.entries", 1, 2 ** 31 - 1)
        f_hex(h["head"], "header.head", 32)
        f_ident(h["holder"], "header.holder")
        self.key = f_hex(h["holderSigningKey"], "header.holderSigningKey", 32)
        f_hex(h["round"], "header.round", 32)
        self.h = h

    def verify(self, rnd, round_hash: bytes):
        """Steps 3-5: signature by holderSigningKey, a holder of the round, the round. Returns
        the holder's id."""
        if not signed_doc_ok("checkpoint", self.pre, self.sig, self.key):
            fail("checkpoint.bad-signature")
        holder = rnd.holder_by_key(self.h["holderSigningKey"])
        if holder is None:
            fail("checkpoint.not-a-holder", self.h["holder"])
        if bytes.fromhex(self.h["round"]) != round_hash:
            fail("checkpoint.wrong-round")
        return holder[1]["id"]

    def check(self, entries):
        """Step 6: the journal extends the checkpoint."""
        n = self.h["entries"]
        if n > len(entries) or entry_hash(entries[n - 1]).hex() != self.h["head"]:
            fail("checkpoint.not-extended", f"{n} entries, journal has {len(entries)}")
