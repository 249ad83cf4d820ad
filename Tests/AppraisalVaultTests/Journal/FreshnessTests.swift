import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Pins, receipts and the verify anchor in the library (spec §11), by message id. Each test binds
/// its own pin store in a temporary folder; nothing is written to the real home.
@Suite("Freshness (spec §11)")
struct FreshnessTests {
    /// The message id `body` throws, or nil when it does not throw.
    static func failure(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.errorID
        }
    }

    static func store() throws -> PinStore {
        PinStore(directory: NSTemporaryDirectory() + "avault-pins-\(UUID().uuidString)/state/avault")
    }

    static func load(_ f: InboxFixture) throws -> RoundJournal.Contents {
        try RoundJournal.load(
            roundDirectory: f.directory, secretaryKey: f.secretary.identity.signingKey, roundHash: f.roster.roundHash)
    }

    static func append(_ f: InboxFixture, _ member: String = "tv-01") throws {
        try RoundJournal.append(
            roundDirectory: f.directory, event: .receiveEvidence, details: ["member": .string(member)],
            secretary: f.secretary)
    }

    /// Rule: an append moves the pin (file 0600, folders 0700); an older signed journal put back
    /// is refused with `journal.rolled-back` by load and by the next append; a longer one is fine.
    @Test func olderJournalIsRefused() throws {
        let f = try InboxFixture(seed: "pin-rollback")
        let store = try Self.store()
        try PinStore.$current.withValue(store) {
            try Self.append(f)
            let old = try FileIO.read(RoundLayout(f.directory).journal, maxBytes: 1 << 20)
            try Self.append(f, "tv-02")
            let pin = try #require(try store.read(roundHash: f.roster.roundHash))
            let head = try Self.load(f).head
            #expect(pin.entries == 2 && pin.head == head)
            #expect(FileIO.permissions(store.file(roundHash: f.roster.roundHash)) == 0o600)
            #expect(FileIO.permissions(store.directory) == 0o700)
            try FileIO.writeAtomically(old, to: RoundLayout(f.directory).journal, replacing: true)
            #expect(Self.failure { _ = try Self.load(f) } == "journal.rolled-back")
            #expect(Self.failure { try Self.append(f) } == "journal.rolled-back")
            #expect(try store.read(roundHash: f.roster.roundHash) == pin)  // unchanged
        }
    }

    /// Rule: a journal that vanished is not a new one: the append is refused when a pin exists.
    @Test func missingJournalIsRefused() throws {
        let f = try InboxFixture(seed: "pin-missing")
        try PinStore.$current.withValue(try Self.store()) {
            try Self.append(f)
            try FileIO.remove(RoundLayout(f.directory).journal)
            #expect(Self.failure { try Self.append(f) } == "journal.rolled-back")
            #expect(!FileIO.exists(RoundLayout(f.directory).journal))
        }
    }

    /// Rule: a pin file that is not the canonical JSON of spec §11.1, or names another round, is
    /// `journal.pin-malformed`.
    @Test(arguments: [
        "not json", #"{"entries":1,"head":"00"}"#, #"{"entries":-1,"head":"x","round":"y"}"#,
        #"{"entries":1,"extra":1,"head":"0000000000000000000000000000000000000000000000000000000000000000","round":"0000000000000000000000000000000000000000000000000000000000000000"}"#,
        #"{"entries":1,"head":"0000000000000000000000000000000000000000000000000000000000000000","round":"0000000000000000000000000000000000000000000000000000000000000000"}"#,
    ])
    func malformedPinIsRefused(text: String) throws {
        let f = try InboxFixture(seed: "pin-malformed")
        let store = try Self.store()
        try PinStore.$current.withValue(store) {
            try Self.append(f)
            try FileIO.writeAtomically(Array(text.utf8), to: store.file(roundHash: f.roster.roundHash), replacing: true)
            #expect(Self.failure { _ = try Self.load(f) } == "journal.pin-malformed")
        }
    }

    /// Without a store nothing is pinned or checked (the library's default; the CLI binds one).
    @Test func noStoreNoPin() throws {
        let f = try InboxFixture(seed: "pin-none")
        try Self.append(f)
        let old = try FileIO.read(RoundLayout(f.directory).journal, maxBytes: 1 << 20)
        try Self.append(f, "tv-02")
        try FileIO.writeAtomically(old, to: RoundLayout(f.directory).journal, replacing: true)
        #expect(try Self.load(f).entries.count == 1)
    }

    /// `JournalPin.isExtended`: at least as many entries, and entry n hashes to the head.
    @Test func extends() throws {
        let f = try InboxFixture(seed: "pin-extends")
        try Self.append(f)
        try Self.append(f, "tv-02")
        let entries = try Self.load(f).entries
        let pin = JournalPin(round: f.roster.roundHash, entries: 1, head: entries[0].hash)
        #expect(pin.isExtended(by: entries) && pin.isExtended(by: Array(entries.prefix(1))))
        #expect(!pin.isExtended(by: []))
        #expect(!JournalPin(round: f.roster.roundHash, entries: 1, head: entries[1].hash).isExtended(by: entries))
        #expect(JournalPin(round: f.roster.roundHash, entries: 0, head: []).isExtended(by: []))
    }

    /// `receive` writes one receipt per accepted file, into the round and `receiptsOut`; each is
    /// signed by the secretary and held by the journal. Rules by id: another signer
    /// `receipt.bad-signature`, another round `receipt.wrong-round`, a journal without the entry
    /// `receipt.not-in-journal`.
    @Test func receipts() throws {
        let f = try InboxFixture(seed: "receipts")
        let out = f.directory + "/../stick-\(UUID().uuidString)"
        try RoundJournal.append(
            roundDirectory: f.directory, event: .roundInit, details: ["roundDefinition": .hex(f.roster.roundHash)],
            secretary: f.secretary)
        let batch = try f.inbox.receive(
            [try f.submission(from: f.members[0]), try f.submission(from: f.members[1])], secretary: f.secretary,
            receiptsOut: out)
        #expect(batch.accepted == 2 && batch.receiptError == nil)
        #expect(Set(batch.receipts.map { FileIO.split($0).base }) == ["tv-01.r1.avc", "tv-02.r1.avc"])
        let journal = try Self.load(f).entries
        let receipt = try Receipt(file: out + "/tv-02.r1.avc")
        let entry = try #require(journal.first { $0.details["member"] == .string("tv-02") })
        #expect(receipt.entry == entry.sequence && receipt.head == entry.hash && receipt.event == .receive)
        #expect(
            try FileIO.read(RoundLayout(f.directory).path("receipts", "tv-02.r1.avc"), maxBytes: 4096)
                == FileIO.read(out + "/tv-02.r1.avc", maxBytes: 4096))
        #expect(
            Self.failure {
                try receipt.verify(secretaryKey: f.secretary.identity.signingKey, roundHash: f.roster.roundHash)
            } == nil)
        #expect(Self.failure { try receipt.check(in: journal) } == nil)
        #expect(
            Self.failure {
                try receipt.verify(secretaryKey: f.members[0].identity.signingKey, roundHash: f.roster.roundHash)
            }
                == "receipt.bad-signature")
        #expect(
            Self.failure {
                try receipt.verify(
                    secretaryKey: f.secretary.identity.signingKey, roundHash: [UInt8](repeating: 1, count: 32))
            }
                == "receipt.wrong-round")
        #expect(
            Self.failure { try receipt.check(in: Array(journal.prefix(receipt.entry - 1))) } == "receipt.not-in-journal"
        )
        var moved = journal
        moved.swapAt(1, 2)
        #expect(Self.failure { try receipt.check(in: moved) } == "receipt.not-in-journal")
    }

    /// The anchor: fingerprint and pin checks that passed, nothing else.
    @Test func anchor() {
        func check(_ id: String, _ status: VerificationReport.Check.Status) -> VerificationReport.Check {
            .init(id: id, subject: "", status: status, detail: Notice(VerificationReport.Finding.pinNone))
        }
        typealias A = VerificationReport.Anchor
        #expect(A(checks: [check("round.fingerprint", .notYet), check("journal.pin", .notYet)]) == .none)
        #expect(A(checks: [check("round.fingerprint", .passed), check("journal.pin", .notYet)]) == .fingerprint)
        #expect(A(checks: [check("round.fingerprint", .notYet), check("journal.pin", .passed)]) == .pin)
        #expect(A(checks: [check("round.fingerprint", .passed), check("journal.pin", .passed)]) == .fingerprintAndPin)
        #expect(A(checks: [check("round.fingerprint", .failed), check("journal.pin", .failed)]) == .none)
    }
}
