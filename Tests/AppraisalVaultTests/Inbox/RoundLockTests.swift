import Foundation
import Glibc
import Testing

@testable import AppraisalVault

/// The round folder's lock (spec §6.1 "Lock") and the closed round (§6.2), by error code.
@Suite("Round lock (spec §6.1) and closed round (§6.2)")
struct RoundLockTests {
    /// A round folder whose lock another open file holds, as another process would.
    struct Held {
        let directory: String
        let fd: Int32

        init(command: String = "merge") throws {
            directory = NSTemporaryDirectory() + "avault-lock-\(UUID().uuidString)"
            try FileIO.makeDirectory(directory)
            fd = open(RoundLayout(directory).lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
            let line = Array("4242 \(command)\n".utf8)
            try #require(line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == line.count)
        }

        func release() { close(fd) }
        func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// Notices received while waiting (the report runs on the waiting thread).
    final class Heard: @unchecked Sendable {
        var notices = [Notice]()
    }

    /// Taken by another open file: `round.locked` naming the folder, the holder's PID and
    /// command; the body never runs (its exit status, 75, is checked through the binary).
    @Test func heldLockIsRoundLocked() throws {
        let held = try Held()
        defer { held.cleanUp() }
        var ran = false
        let error = RoundLock.$waiting.withValue(RoundLock.Waiting(seconds: 0)) {
            vaultError { try RoundLock.exclusive(held.directory, command: "receive") { ran = true } }
        }
        #expect(error as? RoundError == RoundError(.locked))
        #expect((error as? RoundError)?.context.arguments == [held.directory, "4242", "merge"])
        #expect(!ran)
        // A reader waits for a writer too.
        let shared = RoundLock.$waiting.withValue(RoundLock.Waiting(seconds: 0)) {
            vaultError { try RoundLock.shared(held.directory, command: "verify") {} }
        }
        #expect(shared as? RoundError == RoundError(.locked))
    }

    /// A wait reports `round.lock-waiting` once, then gives up after about the time asked.
    @Test func waitReportsOnceAndIsBounded() throws {
        let held = try Held()
        defer { held.cleanUp() }
        let heard = Heard()
        let start = Date()
        let error = RoundLock.$waiting.withValue(RoundLock.Waiting(seconds: 0.3, report: { heard.notices.append($0) }))
        {
            vaultError { try RoundLock.exclusive(held.directory, command: "receive") {} }
        }
        let elapsed = Date().timeIntervalSince(start)
        #expect(error as? RoundError == RoundError(.locked))
        #expect(heard.notices.map(\.messageID) == ["round.lock-waiting"])
        #expect(heard.notices.first?.context.arguments == [held.directory, "4242", "merge"])
        #expect(elapsed >= 0.3 && elapsed < 5, "waited \(elapsed) s")
    }

    /// Released by the holder: the waiting command goes on and, while it runs, names itself
    /// in the lock file; on release the file is emptied (never deleted).
    @Test func lockFileNamesTheHolderWhileHeld() throws {
        let held = try Held()
        defer { held.cleanUp() }
        held.release()
        var during = ""
        try RoundLock.exclusive(held.directory, command: "merge") {
            during = String(decoding: try FileIO.read(RoundLayout(held.directory).lock, maxBytes: 128), as: UTF8.self)
        }
        #expect(during == "\(getpid()) merge\n")
        #expect(try FileIO.read(RoundLayout(held.directory).lock, maxBytes: 128).isEmpty)
    }

    /// An operation running another under the same lock (a receive completing an interrupted
    /// one) does not wait for itself.
    @Test func nestedLockDoesNotWaitForItself() throws {
        let held = try Held()
        defer { held.cleanUp() }
        held.release()
        let inner = try RoundLock.$waiting.withValue(RoundLock.Waiting(seconds: 0)) {
            try RoundLock.exclusive(held.directory, command: "merge") {
                try RoundLock.exclusive(held.directory + "/.", command: "receive") {
                    try RoundLock.shared(held.directory, command: "verify") { 7 }
                }
            }
        }
        #expect(inner == 7)
    }

    /// A reader never creates the lock file.
    @Test func sharedLockWithoutLockFileCreatesNothing() throws {
        let directory = NSTemporaryDirectory() + "avault-lock-\(UUID().uuidString)"
        try FileIO.makeDirectory(directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try RoundLock.shared(directory, command: "verify") { 1 } == 1)
        #expect(!FileIO.exists(RoundLayout(directory).lock))
    }

    /// The lock file must be a regular file: a link put in its place is refused, not followed.
    @Test func lockFileLinkIsRefused() throws {
        let directory = NSTemporaryDirectory() + "avault-lock-\(UUID().uuidString)"
        try FileIO.makeDirectory(directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #require(symlink(directory + "/elsewhere", RoundLayout(directory).lock) == 0)
        let error = vaultError { try RoundLock.exclusive(directory, command: "receive") {} }
        #expect(error as? FormatError == FormatError(.fileCannotWrite))
        #expect(!FileIO.exists(directory + "/elsewhere"))
    }

    /// The identity check behind the lock: the path names the open file until the file is
    /// unlinked or another file is renamed over it (device and inode, not the name).
    @Test func isNamedComparesDeviceAndInode() throws {
        let directory = NSTemporaryDirectory() + "avault-lock-\(UUID().uuidString)"
        try FileIO.makeDirectory(directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = RoundLayout(directory).lock
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(RoundLock.isNamed(fd, by: path))
        try FileIO.writeAtomically([1], to: directory + "/other")
        try #require(rename(directory + "/other", path) == 0)
        #expect(!RoundLock.isNamed(fd, by: path))
        let again = open(path, O_RDONLY | O_CLOEXEC)
        try #require(again >= 0)
        defer { close(again) }
        #expect(RoundLock.isNamed(again, by: path))
        try #require(unlink(path) == 0)
        #expect(!RoundLock.isNamed(again, by: path))
        // A link to the file is not the file's own name.
        try #require(symlink(directory + "/target", path) == 0)
        #expect(!RoundLock.isNamed(again, by: path))
    }

    /// Counts the replacements done between locking and the identity check.
    final class Replacer: @unchecked Sendable {
        var times: Int
        var done = 0
        init(times: Int) { self.times = times }

        func replace(_ path: String) {
            guard done < times else { return }
            done += 1
            let fresh = path + ".new"
            _ = try? FileIO.writeAtomically([], to: fresh)
            _ = rename(fresh, path)
        }
    }

    /// A lock file replaced after the lock was taken: the lock is taken again on the file now
    /// named so (it names the holder, and another open of the path sees the lock); replaced
    /// every time: `round.lock-replaced`, the body never runs.
    @Test func replacedLockFileIsLockedAgain() throws {
        let directory = NSTemporaryDirectory() + "avault-lock-\(UUID().uuidString)"
        try FileIO.makeDirectory(directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = RoundLayout(directory).lock
        let once = Replacer(times: 1)
        let seen = try RoundLock.$afterLocking.withValue({ once.replace($0) }) {
            try RoundLock.exclusive(directory, command: "merge") {
                let other = open(path, O_RDONLY | O_CLOEXEC)
                defer { close(other) }
                return (
                    String(decoding: try FileIO.read(path, maxBytes: 128), as: UTF8.self),
                    flock(other, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
                )
            }
        }
        #expect(once.done == 1)
        #expect(seen.0 == "\(getpid()) merge\n")
        #expect(seen.1, "the file at the path is the locked one")

        let always = Replacer(times: .max)
        var ran = false
        let error = RoundLock.$afterLocking.withValue({ always.replace($0) }) {
            vaultError { try RoundLock.exclusive(directory, command: "receive") { ran = true } }
        }
        #expect(error as? RoundError == RoundError(.lockReplaced))
        #expect((error as? RoundError)?.context.arguments == [path, String(RoundLock.maxReopens + 1)])
        #expect(always.done == RoundLock.maxReopens + 1)
        #expect(!ran)
        // A reader whose lock file is deleted under it reads unlocked.
        let deleting = RoundLock.$afterLocking.withValue({ _ = unlink($0) }) {
            try? RoundLock.shared(directory, command: "verify") { 3 }
        }
        #expect(deleting == 3)
    }

    /// After the merge, `receive` refuses the whole batch with `inbox.round-merged`: nothing is
    /// journaled, not even a `reject`.
    @Test func receiveAfterMergeIsRoundMerged() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        _ = try f.merge(allowIncomplete: true)
        let journal = try FileIO.read(RoundLayout(f.directory).journal, maxBytes: 1 << 24)
        let path = FileIO.join(f.folder, "tv-02.r1.avs")
        try FileIO.writeAtomically(
            try Sealing.seal(
                MergeRoundFixture.rows["tv-02"]!, round: f.round, member: f.members[1], revision: 1,
                created: MergeRoundFixture.created), to: path)
        let inbox = Inbox(roundDirectory: f.directory, round: f.round)
        let error = vaultError { try inbox.receive([path], secretary: f.secretary) }
        #expect(error as? InboxError == InboxError(.roundMerged))
        #expect(try FileIO.read(RoundLayout(f.directory).journal, maxBytes: 1 << 24) == journal)
        #expect(!FileIO.exists(RoundLayout(f.directory).path(RoundLayout.submissionsFolder, "tv-02.r1.avs")))
        // The journal alone says so too (a manifest deleted by hand).
        try FileIO.remove(RoundLayout(f.directory).manifest)
        let again = vaultError { try inbox.receive([path], secretary: f.secretary) }
        #expect(again as? InboxError == InboxError(.roundMerged))
        #expect((again as? InboxError)?.context.arguments.last == RoundLayout(f.directory).journal)
    }

    /// A staging folder a running extract holds is left alone by another extract's clean-up.
    @Test func heldStagingFolderIsKept() throws {
        let out = NSTemporaryDirectory() + "avault-extract-\(UUID().uuidString)"
        let staging = out + "/.avault-extract-aB3dE9"
        try FileIO.makeDirectory(out)
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileIO.makeDirectory(staging)
        try FileIO.writeAtomically([1], to: staging + "/1")
        let fd = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        Evidence.removeLeftoverStaging(in: out)
        #expect(FileIO.exists(staging + "/1"))
        close(fd)
        Evidence.removeLeftoverStaging(in: out)
        #expect(!FileIO.exists(staging))
    }
}
