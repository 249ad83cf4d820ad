import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// A throw-away round folder with a signed stand-in round definition and a roster.
struct InboxFixture {
    let directory: String
    let secretary: SecretIdentity
    let members: [SecretIdentity]
    let holder: SecretIdentity
    let roster: Roster
    let inbox: Inbox

    init(seed: String = "inbox") throws {
        let random = DeterministicRandom(seed: seed)
        func make(_ id: String, _ role: Role) throws -> SecretIdentity {
            try SecretIdentity.generate(
                id: id, name: "Người \(id)", role: role, isDemo: true, created: "2026-01-01T00:00:00Z", using: random)
        }
        secretary = try make("thu-ky", .secretary)
        members = try ["tv-01", "tv-02"].map { try make($0, .member) }
        holder = try make("chu-tich", .holder)
        directory = NSTemporaryDirectory() + "avault-inbox-\(UUID().uuidString)"
        try FileIO.makeDirectory(directory)
        let round = try SignedDocument.encode(
            kind: .roundDefinition, header: .object(["stand-in": .string(seed)]), signer: secretary.signingKey)
        try FileIO.writeAtomically(round, to: FileIO.join(directory, "round.avr"))
        let hash = try SignedDocument(parsing: round, expecting: .roundDefinition, file: "round.avr").fileHash
        roster = Roster(
            roundHash: hash, secretary: secretary.identity, members: members.map(\.identity), holders: [holder.identity]
        )
        inbox = Inbox(roundDirectory: directory, roster: roster)
    }

    /// Seals a submission and writes it to a temp file; returns the path.
    func submission(
        from sender: SecretIdentity, revision: Int = 1, round: [UInt8]? = nil, to recipient: X25519.PublicKey? = nil,
        content: String = "{}", name: String? = nil
    ) throws -> String {
        let bytes = try SealedEnvelope.seal(
            Array(content.utf8), kind: .submission, round: round ?? roster.roundHash,
            context: ["revision": .integer(Int64(revision))],
            sender: sender, recipient: recipient ?? secretary.identity.encryptionKey)
        let path = directory + "/../" + (name ?? "\(UUID().uuidString).avs")
        try FileIO.writeAtomically(bytes, to: path)
        return path
    }

    func journalEvents() throws -> [String] {
        try RoundJournal.load(
            roundDirectory: directory, secretaryKey: secretary.identity.signingKey, roundHash: roster.roundHash
        )
        .entries.map(\.event)
    }

    func reject(_ path: String) throws -> (any Error)? {
        #expect(throws: (any Error).self) { _ = try inbox.receive(path, secretary: secretary) }
        do {
            _ = try inbox.receive(path, secretary: secretary)
            return nil
        } catch {
            return error
        }
    }
}

@Suite("Inbox: receive and status (spec §6)")
struct InboxTests {
    /// A member's well-formed submission is accepted, copied as MEMBER.r1.avs and journaled.
    @Test func acceptsAndJournals() throws {
        let f = try InboxFixture()
        let outcome = try f.inbox.receive(try f.submission(from: f.members[0]), secretary: f.secretary)
        #expect(outcome == .accepted(member: "tv-01", revision: 1))
        #expect(try f.inbox.live()["tv-01"]?.fileName == "tv-01.r1.avs")
        #expect(try f.journalEvents() == ["receive"])
    }

    /// A higher revision supersedes: the old file moves to superseded/ and the journal says so.
    @Test func higherRevisionSupersedes() throws {
        let f = try InboxFixture()
        _ = try f.inbox.receive(try f.submission(from: f.members[0], revision: 1), secretary: f.secretary)
        let outcome = try f.inbox.receive(try f.submission(from: f.members[0], revision: 2), secretary: f.secretary)
        #expect(outcome == .superseded(member: "tv-01", revision: 2, previous: 1))
        #expect(try f.inbox.live()["tv-01"]?.revision == 2)
        #expect(try FileIO.list(FileIO.join(f.directory, "superseded")) == ["tv-01.r1.avs"])
        #expect(try f.journalEvents() == ["receive", "supersede"])
    }

    /// The same file twice is a duplicate (a replay), rejected and journaled.
    @Test func replayIsRejected() throws {
        let f = try InboxFixture()
        let path = try f.submission(from: f.members[0])
        _ = try f.inbox.receive(path, secretary: f.secretary)
        #expect(try f.reject(path)?.errorID == InboxError.Code.duplicate.rawValue)
        #expect(try f.journalEvents().last == "reject")
    }

    /// A revision not above the live one is stale; so is a re-sent superseded revision.
    @Test func staleRevisionIsRejected() throws {
        let f = try InboxFixture()
        let first = try f.submission(from: f.members[0], revision: 1)
        _ = try f.inbox.receive(try f.submission(from: f.members[0], revision: 3), secretary: f.secretary)
        #expect(try f.reject(first)?.errorID == InboxError.Code.stale.rawValue)
        #expect(
            try f.reject(try f.submission(from: f.members[0], revision: 3, content: "other"))?.code == "inbox.stale")
        _ = try f.inbox.receive(try f.submission(from: f.members[0], revision: 4), secretary: f.secretary)
        // Revision 3 now sits in superseded/; a different file claiming revision 3 is stale too.
        #expect(
            try f.reject(try f.submission(from: f.members[0], revision: 3, content: "again"))?.code == "inbox.stale")
    }

    /// A file bound to another round is rejected.
    @Test func wrongRoundIsRejected() throws {
        let f = try InboxFixture()
        let path = try f.submission(from: f.members[0], round: [UInt8](repeating: 1, count: 32))
        #expect(try f.reject(path)?.errorID == InboxError.Code.wrongRound.rawValue)
    }

    /// A file encrypted to someone other than the secretary is rejected.
    @Test func wrongRecipientIsRejected() throws {
        let f = try InboxFixture()
        let path = try f.submission(from: f.members[0], to: f.members[1].identity.encryptionKey)
        #expect(try f.reject(path)?.errorID == InboxError.Code.wrongRecipient.rawValue)
    }

    /// A signer who is not in the roster is rejected.
    @Test func nonMemberIsRejected() throws {
        let f = try InboxFixture()
        let stranger = try SecretIdentity.generate(id: "tv-99", name: "Người lạ", role: .member, isDemo: true)
        #expect(try f.reject(try f.submission(from: stranger))?.errorID == InboxError.Code.notMember.rawValue)
    }

    /// A release holder posing as a member is rejected for its role.
    @Test func holderPosingAsMemberIsRejected() throws {
        let f = try InboxFixture()
        #expect(try f.reject(try f.submission(from: f.holder))?.errorID == InboxError.Code.wrongRole.rawValue)
    }

    /// A file naming tv-01 as sender but signed by tv-02 (re-signed by another member) is rejected.
    @Test func reSignedByAnotherMemberIsRejected() throws {
        let f = try InboxFixture()
        let tv01 = f.members[0].identity
        let tv02 = f.members[1]
        let posing = SecretIdentity(
            identity: PublicIdentity(
                id: tv01.id, name: tv01.name, role: .member, signingKey: tv02.signingKey.publicKey,
                encryptionKey: tv02.encryptionKey.publicKey, created: tv01.created, isDemo: true),
            signingKey: tv02.signingKey, encryptionKey: tv02.encryptionKey)
        let error = try f.reject(try f.submission(from: posing))
        #expect(error?.errorID == InboxError.Code.keyMismatch.rawValue)
        #expect(error?.arguments.contains("tv-02") == true)
    }

    /// Truncation, a trailing byte, and flipped bytes in header, payload and signature are rejected,
    /// and nothing enters the submissions folder.
    @Test func damagedFilesAreRejected() throws {
        let f = try InboxFixture()
        let path = try f.submission(from: f.members[0])
        let bytes = try FileIO.read(path, maxBytes: 1 << 20)
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: path)
        let headerByte = envelope.preamble.count - 5
        let payloadByte = envelope.preamble.count + 3
        let signatureByte = bytes.count - 3
        var variants: [[UInt8]] = [Array(bytes.dropLast(1)), Array(bytes.prefix(40)), bytes + [0]]
        for i in [headerByte, payloadByte, signatureByte] {
            var t = bytes
            t[i] ^= 0x20
            variants.append(t)
        }
        for (n, variant) in variants.enumerated() {
            let p = path + ".v\(n)"
            try FileIO.writeAtomically(variant, to: p)
            #expect(throws: (any Error).self) { _ = try f.inbox.receive(p, secretary: f.secretary) }
        }
        #expect(try f.inbox.live().isEmpty)
        #expect(try f.journalEvents() == Array(repeating: "reject", count: variants.count))
    }

    /// Each kind of damage is rejected with its own rule, the message names the file, the journal's
    /// `reject` entry records that rule, and nothing enters submissions/: truncation (one byte, and
    /// to the fixed prefix), a trailing byte, and a flipped byte in the header (still parseable),
    /// the payload and the outer signature.
    @Test func damagedFilesNameTheirRule() throws {
        let f = try InboxFixture()
        let path = try f.submission(from: f.members[0])
        let bytes = try FileIO.read(path, maxBytes: 1 << 20)
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: path)
        // A hex digit of "round" turned into another hex digit: the header still parses.
        let roundAt = try #require(VectorGenerator.firstIndex(of: Array("\"round\":\"".utf8), in: bytes)) + 9
        var header = bytes
        header[roundAt] = header[roundAt] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let cases: [(String, [UInt8], String)] = [
            ("truncated-1", Array(bytes.dropLast(1)), "envelope.bad-signature"),
            ("truncated-prefix", Array(bytes.prefix(40)), "format.truncated"),
            ("trailing", bytes + [0], "envelope.bad-signature"),
            ("header", header, "envelope.bad-signature"),
            ("payload", flipped(bytes, at: envelope.preamble.count + 3), "envelope.bad-signature"),
            ("signature", flipped(bytes, at: bytes.count - 3), "envelope.bad-signature"),
            (
                "wrong-kind",
                {
                    var b = bytes
                    b[8] = ArtifactKind.lockedResults.rawValue
                    return b
                }(), "format.wrong-kind"
            ),
        ]
        for (name, variant, rule) in cases {
            let p = FileIO.join(f.directory, "..", "damaged-\(name).avs")
            try FileIO.writeAtomically(variant, to: p, replacing: true)
            let error = try f.reject(p)
            #expect(error?.code == rule, "\(name): \(String(describing: error))")
            #expect(error?.description.contains("damaged-\(name).avs") == true, "\(name): \(String(describing: error))")
        }
        #expect(try f.inbox.live().isEmpty)
        let journal = try RoundJournal.load(
            roundDirectory: f.directory, secretaryKey: f.secretary.identity.signingKey, roundHash: f.roster.roundHash)
        // f.reject receives twice per case.
        let rules = journal.entries.map { $0.details["rule"] }
        #expect(rules == cases.flatMap { c in [JSONValue.string(c.2), .string(c.2)] })
        #expect(journal.entries.allSatisfy { $0.event == "reject" && $0.details["fileHash"] != nil })
    }

    /// A member's file whose outer signature is replaced by another member's signature over the
    /// same bytes is `envelope.bad-signature`: the header still names the original key.
    @Test func outerSignatureReplacedByAnotherMember() throws {
        let f = try InboxFixture()
        let path = try f.submission(from: f.members[0])
        let bytes = try FileIO.read(path, maxBytes: 1 << 20)
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: path)
        let message =
            ArtifactKind.submission.domain("outer") + envelope.headerHash
            + BLAKE2b.hash(envelope.payload, outputLength: 64)
        let forged = Array(bytes.dropLast(64)) + (try f.members[1].signingKey.signature(for: message))
        try FileIO.writeAtomically(forged, to: path, replacing: true)
        #expect(try f.reject(path)?.errorID == EnvelopeError.Code.badSignature.rawValue)
        #expect(try f.inbox.live().isEmpty)
    }

    /// The rejection messages name what is wrong: the holder's role, the stranger's id.
    @Test func roleRejectionsNameTheSigner() throws {
        let f = try InboxFixture()
        let holder = try f.reject(try f.submission(from: f.holder))
        #expect(holder?.arguments.dropFirst() == ["chu-tich", "holder"])
        #expect(holder?.errorID == InboxError.Code.wrongRole.rawValue)
        let stranger = try SecretIdentity.generate(id: "tv-99", name: "Người lạ", role: .member, isDemo: true)
        let error = try f.reject(try f.submission(from: stranger))
        #expect(error?.errorID == InboxError.Code.notMember.rawValue)
        #expect(error?.arguments.contains("tv-99") == true)
        // The secretary's own key posing as a member is a role error too.
        #expect(try f.reject(try f.submission(from: f.secretary))?.errorID == InboxError.Code.wrongRole.rawValue)
    }

    /// File names in submissions/ follow MEMBER.rN.avs exactly.
    @Test func fileNameRule() {
        #expect(RoundLayout.parseSubmissionFileName("tv-01.r12.avs")! == ("tv-01", 12))
        #expect(RoundLayout.parseSubmissionFileName("a.r.b.r3.avs")! == ("a.r.b", 3))
        for bad in [
            "tv-01.r0.avs", "tv-01.r01.avs", "tv-01.avs", "../x.r1.avs", "tv-01.r1.avs.tmp", "TV.r1.avs", "tv.r-1.avs",
        ] {
            #expect(RoundLayout.parseSubmissionFileName(bad) == nil, "\(bad)")
        }
    }
}

@Suite("Inbox: hostile folders")
struct InboxReviewTests {
    /// A rejected file whose name is decomposed Unicode (as macOS writes Vietnamese names) is
    /// journaled with an NFC name, and the journal stays readable for the next receive.
    @Test func decomposedFileNameDoesNotPoisonJournal() throws {
        let f = try InboxFixture()
        let nfd = "Nguye\u{0302}\u{0303}n-bad.avs"  // "Nguyễn" decomposed
        let path = f.directory + "/../" + nfd
        try FileIO.writeAtomically(Array("garbage".utf8), to: path, replacing: true)
        #expect(throws: (any Error).self) { _ = try f.inbox.receive(path, secretary: f.secretary) }
        #expect(try f.journalEvents() == ["reject"])
        _ = try f.inbox.receive(try f.submission(from: f.members[0]), secretary: f.secretary)
        #expect(try f.journalEvents() == ["reject", "receive"])
    }

    /// When the journal cannot record an accepted file, the file is not left live.
    @Test func journalFailureRollsBack() throws {
        let f = try InboxFixture()
        let good = try f.submission(from: f.members[0])
        // Corrupt the journal's signature so appending fails after the copy.
        _ = try f.inbox.receive(try f.submission(from: f.members[1]), secretary: f.secretary)
        let journal = FileIO.join(f.directory, RoundLayout.journalFileName)
        var bytes = try FileIO.read(journal, maxBytes: 1 << 20)
        bytes[bytes.count - 1] ^= 1
        try FileIO.writeAtomically(bytes, to: journal, replacing: true)
        #expect(throws: (any Error).self) { _ = try f.inbox.receive(good, secretary: f.secretary) }
        #expect(try f.inbox.live()["tv-01"] == nil)
    }

    /// Leftover temporary files from an interrupted atomic write are debris, not submissions.
    @Test func temporaryDebrisIsIgnored() throws {
        let f = try InboxFixture()
        _ = try f.inbox.receive(try f.submission(from: f.members[0]), secretary: f.secretary)
        let debris = FileIO.join(f.directory, "submissions", ".tv-02.r1.avs.tmp-Ab12Cd")
        try FileIO.writeAtomically([1, 2, 3], to: debris)
        #expect(try f.inbox.live().keys.sorted() == ["tv-01"])
    }
}

@Suite("Inbox: interrupted receive")
struct InboxRecoveryTests {
    /// A submission written into submissions/ whose journal entry never came (a kill between the
    /// two steps) is completed by the next receive: journaled, and receiving the same file again
    /// reports it accepted rather than a replay.
    @Test func unjournaledFileIsCompleted() throws {
        let f = try InboxFixture()
        _ = try f.inbox.receive(try f.submission(from: f.members[0]), secretary: f.secretary)
        let path = try f.submission(from: f.members[1])
        try FileIO.writeAtomically(
            try FileIO.read(path, maxBytes: 1 << 20), to: FileIO.join(f.directory, "submissions", "tv-02.r1.avs"))
        let outcome = try f.inbox.receive(path, secretary: f.secretary)
        #expect(outcome == .accepted(member: "tv-02", revision: 1))
        #expect(try f.journalEvents() == ["receive", "receive"])
    }

    /// A kill between writing revision 2 and moving revision 1 aside leaves two live files; the
    /// next receive journals the supersede and finishes the move.
    @Test func twoLiveFilesAreCompleted() throws {
        let f = try InboxFixture()
        _ = try f.inbox.receive(try f.submission(from: f.members[0], revision: 1), secretary: f.secretary)
        let second = try f.submission(from: f.members[0], revision: 2)
        try FileIO.writeAtomically(
            try FileIO.read(second, maxBytes: 1 << 20), to: FileIO.join(f.directory, "submissions", "tv-01.r2.avs"))
        _ = try f.inbox.recoverInterrupted(secretary: f.secretary)
        #expect(try f.inbox.live()["tv-01"]?.revision == 2)
        #expect(try FileIO.list(FileIO.join(f.directory, "superseded")) == ["tv-01.r1.avs"])
        #expect(try f.journalEvents() == ["receive", "supersede"])
    }
}
