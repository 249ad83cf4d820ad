internal import Glibc

/// File access with the guarantees the spec requires: capped reads, and atomic writes
/// (temporary file in the same folder, `fsync`, then `rename` or `link`, then `fsync` of the folder).
public enum FileIO {
    /// The output name that means standard output (`-o -`): ``writeAtomically(_:to:mode:replacing:)``
    /// writes the bytes to descriptor 1 instead of a file, and ``refuseExisting(_:)`` lets it pass.
    /// Whether the data may go there (a terminal, decrypted data) is the caller's decision.
    public static let standardOutput = "-"

    /// Reads a whole regular file, refusing anything larger than `maxBytes` before reading it.
    ///
    /// - Throws: ``FormatError`` `file.not-found`, `file.unreadable`, `file.not-regular`, `file.too-large`.
    public static func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        try readRegular(path, maxBytes: maxBytes).bytes
    }

    /// Reads a whole regular file and returns its permission bits as seen on the opened file
    /// (no window between checking and reading).
    ///
    /// The file is opened non-blocking so a FIFO or device fails cleanly instead of hanging.
    public static func readRegular(_ path: String, maxBytes: Int) throws -> (bytes: [UInt8], mode: UInt32) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw openError(path) }
        defer { close(fd) }
        return try readRegular(descriptor: fd, path: path, maxBytes: maxBytes)
    }

    /// ``readRegular(_:maxBytes:)`` on a file already open as `fd` (`path` is for messages only):
    /// the kind, size and mode are those of the open file (`fstat`), whatever `path` names now.
    static func readRegular(descriptor fd: Int32, path: String, maxBytes: Int) throws -> (bytes: [UInt8], mode: UInt32)
    {
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw FormatError(.fileUnreadable, [.file(path), .text(errnoText())], step: .read)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw FormatError(.fileNotRegular, [.file(path)]) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        guard Int(st.st_size) <= maxBytes else {
            throw FormatError(.fileTooLarge, [.file(path), .text(String(st.st_size)), .text(String(maxBytes))])
        }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { break }
                throw FormatError(.fileUnreadable, [.file(path), .text(errnoText())], step: .read)
            }
            done += n
        }
        if done < out.count { out.removeLast(out.count - done) }
        return (out, UInt32(st.st_mode & 0o7777))
    }

    /// The permission bits of `path`, or nil if it cannot be examined.
    public static func permissions(_ path: String) -> UInt32? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return UInt32(st.st_mode & 0o7777)
    }

    /// True when something exists at `path` (without following a final symlink).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Refuses early when something already exists at `path` (before asking for a passphrase),
    /// with the same error ``writeAtomically(_:to:mode:replacing:)`` gives.
    ///
    /// - Throws: ``FormatError`` `file.exists`.
    public static func refuseExisting(_ path: String) throws {
        if path != standardOutput, exists(path) {
            throw FormatError(.fileExists, [.file(path)], hint: ErrorHint(.moveAway, [.file(path)]))
        }
    }

    /// True when `path` is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates a directory (mode 0700 by default); existing is fine when `mayExist`.
    public static func makeDirectory(_ path: String, mode: UInt32 = 0o700, mayExist: Bool = true) throws {
        if mkdir(path, mode_t(mode)) == 0 { return }
        if errno == EEXIST, mayExist, isDirectory(path) { return }
        if errno == EEXIST { throw FormatError(.fileExists, [.file(path)], hint: ErrorHint(.moveAway, [.file(path)])) }
        throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .create)
    }

    /// Names in a directory (no `.` or `..`), sorted.
    public static func list(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw openError(path) }
        defer { closedir(dir) }
        var names = [String]()
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Names in a directory as ``list(_:)``, leaving out names that start with `.`: the
    /// temporary files of an interrupted ``writeAtomically(_:to:mode:replacing:)``
    /// (`.NAME.tmp-XXXXXX`) and other hidden files are not part of a round's state (spec §6.1).
    public static func listVisible(_ path: String) throws -> [String] {
        try list(path).filter { !$0.hasPrefix(".") }
    }

    /// Writes `bytes` to `path` atomically with permission `mode`.
    ///
    /// The data goes to a temporary file in the same folder, is synced, and only then appears at
    /// `path`: by `rename` when `replacing` (old content or new, never a mix), otherwise by `link`,
    /// which fails if `path` exists, so nothing is ever overwritten by accident.
    ///
    /// - Throws: ``FormatError`` `file.exists` (not replacing), `file.cannot-write`.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o644, replacing: Bool = false)
        throws
    {
        if path == standardOutput { return try writeStandardOutput(bytes) }
        let (directory, base) = split(path)
        if !replacing { try refuseExisting(path) }
        var template = Array("\(directory)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .create) }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var committed = false
        defer { if !committed { unlink(tmp) } }
        do {
            defer { close(fd) }
            guard fchmod(fd, mode_t(mode)) == 0 else {
                throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
            }
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
                }
                done += n
            }
            guard fsync(fd) == 0 else {
                throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
            }
        }
        if replacing {
            guard rename(tmp, path) == 0 else {
                throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
            }
        } else {
            guard link(tmp, path) == 0 else {
                if errno == EEXIST {
                    throw FormatError(.fileExists, [.file(path)], hint: ErrorHint(.moveAway, [.file(path)]))
                }
                throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
            }
            unlink(tmp)
        }
        committed = true
        syncDirectory(directory)
    }

    /// Writes `bytes` to standard output (``standardOutput``), all of them or an error.
    ///
    /// - Throws: ``FormatError`` `file.cannot-write` naming `-`.
    private static func writeStandardOutput(_ bytes: [UInt8]) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw FormatError(.fileCannotWrite, [.file(standardOutput), .text(errnoText())], step: .write)
            }
            done += n
        }
    }

    /// Removes a file (used for `--remove-plaintext`); missing is fine.
    public static func remove(_ path: String) throws {
        if unlink(path) != 0, errno != ENOENT {
            throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
        }
    }

    /// Syncs a directory so a rename or link in it survives a crash.
    public static func syncDirectory(_ directory: String) {
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    /// Splits a path into its folder (`.` when none) and last component.
    public static func split(_ path: String) -> (directory: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    /// Joins path components with `/`.
    public static func join(_ parts: String...) -> String {
        parts.dropFirst().reduce(parts[0]) { $0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1 }
    }

    static func openError(_ path: String) -> FormatError {
        if errno == ENOENT { return FormatError(.fileNotFound, [.file(path)]) }
        if errno == EACCES { return FormatError(.fileUnreadable, [.file(path), .text(errnoText())], step: .open) }
        return FormatError(.fileUnreadable, [.file(path), .text(errnoText())], step: .read)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

extension FileIO {
    /// Renames `source` to `destination` (same file system), refusing to replace an existing file,
    /// and syncs both folders.
    public static func move(_ source: String, to destination: String) throws {
        guard link(source, destination) == 0 else {
            if errno == EEXIST {
                throw FormatError(.fileExists, [.file(destination)], hint: ErrorHint(.moveAway, [.file(destination)]))
            }
            throw FormatError(.fileCannotWrite, [.file(destination), .text(errnoText())], step: .write)
        }
        guard unlink(source) == 0 else {
            throw FormatError(.fileCannotWrite, [.file(source), .text(errnoText())], step: .write)
        }
        syncDirectory(split(destination).directory)
        syncDirectory(split(source).directory)
    }
}
