import AppraisalVault
import ArgumentParser

/// `--json`: one canonical JSON object on standard output instead of the text (docs/cli.md
/// "Machine-readable output" documents each shape; `"format"` names it and its version).
struct JSONOption: ParsableArguments {
    @Flag(help: ArgumentHelp(Terminal.localized(.helpJSON)))
    var json = false
}

/// The JSON documents of `status`, `round show` and `receive`.
enum JSONOutput {
    /// Writes `value` as one line of canonical JSON to standard output.
    static func print(_ value: JSONValue) {
        Terminal.write(1, String(decoding: CanonicalJSON.serialize(value), as: UTF8.self) + "\n")
    }

    /// `avault status --json`.
    static func status(_ status: RoundStatus) -> JSONValue {
        .object([
            "format": .text("avault-status-v1"),
            "round": round(status.round),
            "members": .array(
                status.members.map { m in
                    .object([
                        "id": .text(m.identity.id), "name": .text(m.identity.name),
                        "revision": m.revision.map(JSONValue.int) ?? .null,
                        "receivedAt": m.receivedAt.map(JSONValue.text) ?? .null,
                    ])
                }),
            "submitted": .int(status.submitted), "total": .int(status.members.count),
            "phase": .text(status.phase.rawValue),
            "notices": status.notices.map { n in
                .object([
                    "answerBy": n.answerBy.map(JSONValue.text) ?? .null,
                    "notified": .array(n.notified.map(JSONValue.text)),
                    "withoutKey": .array(n.withoutKey.map(JSONValue.text)),
                    "answered": .array(n.answered.map(JSONValue.text)), "late": .array(n.late.map(JSONValue.text)),
                    "forwarded": .object([
                        "files": .int(n.forwardedFiles), "members": .array(n.forwardedTo.map(JSONValue.text)),
                    ]),
                    "second": .array(n.secondFrom.map(JSONValue.text)),
                ])
            } ?? .null,
        ])
    }

    /// The round's identification in every document.
    static func round(_ r: RoundDefinition) -> JSONValue {
        .object([
            "title": .text(r.title), "fingerprint": .text(r.fingerprint.description), "roundID": .text(r.roundIDHex),
        ])
    }

    /// `avault round show --json`.
    static func roundShow(_ r: RoundDefinition) -> JSONValue {
        func person(_ p: PublicIdentity) -> [String: JSONValue] {
            ["id": .text(p.id), "name": .text(p.name), "fingerprint": .text(p.fingerprint.description)]
        }
        func texts(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.text)) }
        func items(_ list: [Framework.SubCriterion]) -> JSONValue {
            .array(
                list.map {
                    .object([
                        "code": .text($0.code), "title": .text($0.title), "cap": .text($0.max.description),
                        "step": .text($0.step.description),
                    ])
                })
        }
        let sets = r.sets.map { set -> JSONValue in
            let f = set.framework
            let subs = f.subCriteria
            return .object([
                "bonus": items(f.bonus), "penalty": items(f.penalty),
                "id": .text(set.id), "groups": texts(set.groups), "fields": .int(f.fields.count),
                "criteria": .int(f.criteria.count), "subCriteria": .int(subs.count),
                "selfAssessed": .int(subs.filter { $0.method == .selfAssessed }.count),
                "council": .int(subs.filter { $0.method == .council }.count),
                "survey": .int(subs.filter { $0.method == .survey }.count), "total": .text(f.total.description),
            ])
        }
        let groups = r.groups.map { g -> JSONValue in
            .object([
                "id": .text(g.id), "name": .text(g.name), "units": .int(r.units.filter { $0.group == g.id }.count),
                "labels": .array(
                    (r.labels.groups[g.id] ?? []).map {
                        .object(["label": .text($0.label), "minimum": .text($0.minimum.description)])
                    }),
            ])
        }
        let members = r.members.map { m -> JSONValue in
            var fields = person(m.identity)
            fields["codes"] = texts(m.codes)
            fields["units"] = texts(m.units)
            fields["ownUnits"] = texts(m.ownUnits)
            fields["cells"] = .int(r.cells(of: m).count)
            return .object(fields)
        }
        let d = r.document
        let document: JSONValue = .object([
            "issuer": .text(d.issuer), "council": .text(d.council), "place": .text(d.place), "signer": .text(d.signer),
            "signerTitle": .text(d.signerTitle), "number": .text(d.number), "recipients": texts(d.recipients),
        ])
        return .object([
            "format": .text("avault-round-v1"), "round": round(r), "year": .int(r.year),
            "document": document, "deadline": .text(r.deadline),
            "references": texts(r.references), "demo": .bool(r.isDemo), "secretary": .object(person(r.secretary)),
            "criteriaSets": .array(sets), "groups": .array(groups), "cells": .int(r.appraisableCells.count),
            "members": .array(members), "holders": .array(r.holders.map { .object(person($0)) }),
            "threshold": .int(r.threshold), "signatureVerified": .bool(true),
            "indexAbove100": .bool(r.plan.indexAbove100),
        ])
    }

    /// `avault receive --json`.
    static func receive(
        _ batch: Inbox.Batch, missing: [String: [Inbox.MissingEvidence]], round r: RoundDefinition
    ) -> JSONValue {
        func outcome(_ o: Inbox.Outcome) -> [String: JSONValue] {
            switch o {
            case .accepted(let member, let revision):
                ["outcome": .text("accepted"), "member": .text(member), "revision": .int(revision)]
            case .superseded(let member, let revision, let previous):
                [
                    "outcome": .text("superseded"), "member": .text(member), "revision": .int(revision),
                    "previous": .int(previous),
                ]
            case .evidence(let member, let revision, let index):
                [
                    "outcome": .text("evidence"), "member": .text(member), "revision": .int(revision),
                    "index": .int(index),
                ]
            case .explanation(let unit, let revision, let late):
                ["outcome": .text("explanation"), "unit": .text(unit), "revision": .int(revision), "late": .bool(late)]
            case .second(let member, let revision, let previous):
                [
                    "outcome": .text("second"), "member": .text(member), "revision": .int(revision),
                    "previous": previous.map { .int($0) } ?? .null,
                ]
            }
        }
        let items = batch.items.map { item -> JSONValue in
            var fields: [String: JSONValue]
            switch item.result {
            case .success(let o):
                fields = outcome(o)
                if let list = missing[item.file] {
                    fields["missingEvidence"] = .array(
                        list.map { .object(["file": .text($0.fileName), "document": .text($0.document)]) })
                }
            case .failure(let error):
                fields = ["outcome": .text("rejected"), "error": JSONOutput.error(error)]
            }
            fields["file"] = .text(item.file)
            return .object(fields)
        }
        var fields: [String: JSONValue] = [
            "format": .text("avault-receive-v1"), "round": round(r),
            "recovered": .array(batch.recovered.map { .object(outcome($0)) }), "items": .array(items),
            "receipts": .array(batch.receipts.map(JSONValue.text)), "accepted": .int(batch.accepted),
            "rejected": .int(batch.rejected),
        ]
        if let e = batch.receiptError { fields["receiptError"] = error(e) }
        return .object(fields)
    }

    /// An error as `{"id", "message", "hint"?}`, the texts in the current language.
    static func error(_ error: any Error) -> JSONValue {
        let (message, hint) = Terminal.text(of: error)
        let id =
            (error as? any AppraisalError)?.messageID ?? (error as? CLIError)?.message.rawValue
            ?? CryptoError.Code.failure.rawValue
        var fields: [String: JSONValue] = ["id": .text(id), "message": .text(message)]
        if let hint { fields["hint"] = .text(hint) }
        return .object(fields)
    }
}
