internal import Glibc

/// The lock of a round folder (spec §6.1 "Lock"): one command writes into a round folder at a time.
///
/// Every command that writes into the round folder (`round init`, `receive` with its receipts,
/// `merge`, `evidence add`, `release combine`, and the completion of interrupted commands they run
/// first) holds an exclusive `flock` on `ROUND/.avault-lock` from before its first read of the
/// round's state until its last write is synced; `checkpoint` holds it for its one write. The file holds one line, `PID COMMAND`, naming the
/// holder for the message of a command that has to wait; it is emptied on release and never
/// deleted (deleting a lock file lets two processes lock two different files). The reading
/// commands (`status`, `verify`, `extract`) take a shared lock on the file when it exists, opened
/// read-only and never created, so they see no half-done change and write nothing into a folder
/// they only read; the commands that read only files written once (`round.avr`, the manifest, the
/// locked results, the token: `round show`, `release approve`, `open`, `report`) take none.
///
/// A command that finds the lock taken reports ``Notice/Code/roundLockWaiting`` once, retries
/// until ``Waiting/seconds`` have passed, then fails with `round.locked` having written nothing.
/// The lock is per open file, so a process that dies releases it: there is no stale lock. Once the
/// lock is taken, the path must still name the locked file (device and inode); a lock file
/// replaced or unlinked meanwhile is locked again, and after ``maxReopens`` tries the command fails
/// with `round.lock-replaced`.
public enum RoundLock {
    /// How long a command waits for a taken lock, and who hears that it waits.
    public struct Waiting: Sendable {
        /// Seconds to wait before giving up (0: do not wait).
        public var seconds: Double
        /// Receives ``Notice/Code/roundLockWaiting`` once when the command starts to wait.
        public var report: @Sendable (Notice) -> Void

        /// A waiting policy.
        ///
        /// - Parameters:
        ///   - seconds: how long to wait; ``RoundLock/defaultWait`` when not given.
        ///   - report: who hears that the command waits; nobody when not given.
        public init(seconds: Double = RoundLock.defaultWait, report: @escaping @Sendable (Notice) -> Void = { _ in }) {
            self.seconds = seconds
            self.report = report
        }
    }

    /// The wait of a command that finds the lock taken, in seconds.
    public static let defaultWait: Double = 5
    /// The longest wait ``Waiting/seconds`` may ask for, in seconds.
    public static let maxWait: Double = 3600

    /// The waiting policy of the commands run in this task (the CLI sets it from `AVAULT_LOCK_WAIT`).
    @TaskLocal public static var waiting = Waiting()

    /// The round folders whose lock this call stack holds (by real path), so that an operation
    /// running another (a receive completing an interrupted one) does not wait for itself.
    @TaskLocal static var held: Set<String> = []

    /// Runs `body` holding the exclusive lock of `directory`; `command` names the holder.
    ///
    /// - Throws: ``RoundError`` `round.locked` when another process holds the lock after the
    ///   wait; ``FormatError`` `file.cannot-write` when the lock file cannot be opened or created;
    ///   whatever `body` throws.
    static func exclusive<T>(_ directory: String, command: String, _ body: () throws -> T) throws -> T {
        try locked(directory, exclusive: true, command: command, body)
    }

    /// Runs `body` holding a shared lock of `directory` when its lock file exists (a folder
    /// never written by this version, or a read-only copy without one, is read unlocked).
    ///
    /// - Throws: ``RoundError`` `round.locked` when a writer holds the lock after the wait;
    ///   whatever `body` throws.
    static func shared<T>(_ directory: String, command: String, _ body: () throws -> T) throws -> T {
        try locked(directory, exclusive: false, command: command, body)
    }

    private static func locked<T>(
        _ directory: String, exclusive: Bool, command: String, _ body: () throws -> T
    ) throws -> T {
        // A missing folder is the body's error to report (`round.no-folder`, `file.not-found`).
        guard FileIO.isDirectory(directory), let key = realPath(directory) else { return try body() }
        if held.contains(key) { return try body() }
        guard let fd = try acquire(directory, exclusive: exclusive, command: command) else { return try body() }
        defer {
            if exclusive { _ = ftruncate(fd, 0) }
            _ = flock(fd, LOCK_UN)
            close(fd)
        }
        return try $held.withValue(held.union([key])) { try body() }
    }

    /// How many times a lock taken on a file that no longer bears the lock file's name is given
    /// up and taken again on the file now named so, before ``RoundError`` `round.lock-replaced`.
    static let maxReopens = 8

    /// Runs between taking the lock and checking that the file still bears its name (tests
    /// replace the lock file there, as another process could).
    @TaskLocal static var afterLocking: (@Sendable (String) -> Void)? = nil

    /// Opens the lock file and takes the lock, waiting as ``waiting`` says; nil when a shared
    /// lock is asked and there is no lock file.
    ///
    /// A lock is only good on the file that `ROUND/.avault-lock` still names once the lock is
    /// taken: a file unlinked or replaced meanwhile (by hand, or by a copy tool) would let two
    /// processes hold locks on two different files. So the lock is given up and taken again on
    /// the file now named so, up to ``maxReopens`` times.
    private static func acquire(_ directory: String, exclusive: Bool, command: String) throws -> Int32? {
        let path = RoundLayout(directory).lock
        let policy = waiting
        let seconds = min(max(policy.seconds, 0), maxWait)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
        var reported = false
        for _ in 0...maxReopens {
            guard let fd = try openLockFile(path, exclusive: exclusive) else { return nil }
            while flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR else {
                    let error = FormatError(.fileCannotWrite, [.file(path), .text(FileIO.errnoText())], step: .write)
                    close(fd)
                    throw error
                }
                let holder = holder(fd)
                guard clock.now < deadline else {
                    close(fd)
                    throw RoundError(
                        .locked, [.file(directory), .text(holder.pid), .text(holder.command)],
                        hint: ErrorHint(.roundLocked, [.text(String(Int(seconds)))]))
                }
                if !reported {
                    policy.report(
                        Notice(
                            Notice.Code.roundLockWaiting, [.file(directory), .text(holder.pid), .text(holder.command)]))
                    reported = true
                }
                usleep(20_000)
            }
            afterLocking?(path)
            guard isNamed(fd, by: path) else {
                _ = flock(fd, LOCK_UN)
                close(fd)
                // A reader finding the file gone reads unlocked, as when it never existed.
                if !exclusive, !FileIO.exists(path) { return nil }
                continue
            }
            if exclusive {
                let line = Array("\(getpid()) \(command)\n".utf8)
                guard ftruncate(fd, 0) == 0,
                    line.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, 0) }) == line.count
                else {
                    let error = FormatError(.fileCannotWrite, [.file(path), .text(FileIO.errnoText())], step: .write)
                    _ = flock(fd, LOCK_UN)
                    close(fd)
                    throw error
                }
            }
            return fd
        }
        throw RoundError(.lockReplaced, [.file(path), .text(String(maxReopens + 1))])
    }

    /// The lock file opened (created when `exclusive`) without following a link; nil when a
    /// shared lock is asked and there is no lock file (or it cannot be read).
    private static func openLockFile(_ path: String, exclusive: Bool) throws -> Int32? {
        let fd =
            exclusive
            ? open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
            : open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            if !exclusive, errno == ENOENT || errno == EACCES { return nil }
            throw FormatError(.fileCannotWrite, [.file(path), .text(FileIO.errnoText())], step: .create)
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw FormatError(.fileNotRegular, [.file(path)])
        }
        return fd
    }

    /// Whether `path` (not followed if a link) still names the file open as `fd`: same device
    /// and inode. False when the path is gone, or names another file.
    static func isNamed(_ fd: Int32, by path: String) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(fd, &opened) == 0, lstat(path, &named) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    /// The holder named in the lock file (`PID COMMAND`), or `?` for what it does not say (a
    /// reading command writes nothing; a writer that has just taken the lock may not have yet).
    private static func holder(_ fd: Int32) -> (pid: String, command: String) {
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0, let line = String(validating: buffer[..<n], as: UTF8.self), line.hasSuffix("\n") else {
            return ("?", "?")
        }
        let parts = line.dropLast().split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0,
            parts[1].allSatisfy({ $0 == " " || ("a"..."z").contains($0) })
        else { return ("?", "?") }
        return (String(pid), String(parts[1]))
    }

    /// The canonical path of an existing folder (the key of ``held``).
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
