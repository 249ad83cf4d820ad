import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Inbox: only the round's secretary receives (spec §6.2)")
struct InboxSecretaryTests {
    /// A member's key cannot receive: refused before any check, nothing copied, nothing journaled.
    @Test func refusesAMemberKey() throws {
        let f = try InboxFixture(seed: "secretary-only")
        let path = try f.submission(from: f.members[0])
        #expect(throws: MergeError(.notSecretary)) { _ = try f.inbox.receive(path, secretary: f.members[1]) }
        #expect(try f.inbox.live().isEmpty)
        #expect(!FileIO.exists(RoundLayout(f.directory).journal))
    }

    /// Another secretary's key (same role, other keys) is refused too, with exit status 77.
    @Test func refusesAnotherSecretary() throws {
        let f = try InboxFixture(seed: "secretary-only-2")
        let other = try SecretIdentity.generate(
            id: "thu-ky", name: "Người khác", role: .secretary, isDemo: true, using: DeterministicRandom(seed: "other"))
        let error = vaultError { () throws in
            try f.inbox.receive([try! f.submission(from: f.members[0])], secretary: other)
        }
        #expect(error as? MergeError == MergeError(.notSecretary))
    }

    /// Recovery of an interrupted receive is the secretary's too: it journals.
    @Test func recoveryRefusesAnotherKey() throws {
        let f = try InboxFixture(seed: "secretary-only-3")
        #expect(throws: MergeError(.notSecretary)) { _ = try f.inbox.recoverInterrupted(secretary: f.holder) }
    }

    /// The batch form takes every file on its own: one bad file is a rejected item, not a throw.
    @Test func batchReportsEachFile() throws {
        let f = try InboxFixture(seed: "batch")
        let good = try f.submission(from: f.members[0])
        let bad = try f.submission(from: f.holder)
        let batch = try f.inbox.receive([bad, good], secretary: f.secretary)
        #expect(batch.accepted == 1 && batch.rejected == 1)
        #expect(batch.items.map(\.file) == [bad, good])
        guard case .failure(let error) = batch.items[0].result else {
            Issue.record("the holder's file was accepted")
            return
        }
        #expect(error as? InboxError == InboxError(.wrongRole))
        #expect(try f.journalEvents() == ["reject", "receive"])
    }

    /// Evidence is taken after every submission, whatever the order given.
    @Test func receiveOrderPutsEvidenceLast() {
        #expect(Inbox.receiveOrder(["a.ave", "b.avs", "c.ave", "d.avs"]) == ["b.avs", "d.avs", "a.ave", "c.ave"])
    }
}
