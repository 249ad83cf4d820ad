import Testing

@testable import AppraisalVault

@Suite("Journal events (spec §7)")
struct JournalEventTests {
    /// The names written in journals are part of the format and never change.
    @Test func rawValuesAreTheJournalNames() {
        #expect(
            JournalEvent.allCases.map(\.rawValue) == [
                "round-init", "receive", "supersede", "reject", "receive-evidence", "survey-import", "preliminary",
                "receive-explanation", "receive-explanation-evidence", "forward", "forward-evidence",
                "receive-second", "merge",
            ])
    }

    /// An entry's event parses to the enum; an unknown name stays readable as text and has no kind.
    @Test(arguments: [
        ("receive", JournalEvent.receive), ("receive-evidence", .receiveEvidence), ("round-init", .roundInit),
    ])
    func entryKind(name: String, kind: JournalEvent) {
        let entry = RoundJournal.Entry(sequence: 1, at: "2026-01-01T00:00:00Z", event: name, details: [:], previous: [])
        #expect(entry.kind == kind)
        #expect(entry.event == name)
    }

    /// A name this version does not know is not mistaken for one it does.
    @Test func unknownEventHasNoKind() {
        for name in ["Receive", "receive ", "approve", ""] {
            #expect(RoundJournal.Entry(sequence: 1, at: "", event: name, details: [:], previous: []).kind == nil)
        }
    }

    /// Only receive and supersede make a submission live.
    @Test func acceptsSubmission() {
        #expect(JournalEvent.allCases.filter(\.acceptsSubmission) == [.receive, .supersede])
    }

    /// `append` writes the enum's raw value, and `load` reads it back as the same kind.
    @Test func appendWritesTheRawValue() throws {
        let f = try InboxFixture(seed: "journal-event")
        try RoundJournal.append(
            roundDirectory: f.directory, event: .receiveEvidence, details: [:], secretary: f.secretary)
        let entries = try RoundJournal.load(
            roundDirectory: f.directory, secretaryKey: f.secretary.identity.signingKey, roundHash: f.roster.roundHash
        ).entries
        #expect(entries.map(\.event) == ["receive-evidence"])
        #expect(entries.map(\.kind) == [.receiveEvidence])
    }
}
