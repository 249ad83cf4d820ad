internal import Glibc
internal import VaultCrypto

/// A passphrase, held only in secret memory (libsodium `sodium_malloc`, wiped when released).
///
/// It is read straight from a file or a file descriptor into secret memory, never through a
/// Swift string, and has no `description`. Two passphrases compare in constant time. Unlock a
/// key file with it: ``KeyFile/unlock(with:)``.
public struct Passphrase: Sendable, Equatable {
    /// The passphrase bytes.
    let secret: SecretBytes

    /// Longest passphrase accepted, in bytes.
    public static let maxLength = 1024

    init(secret: SecretBytes) { self.secret = secret }

    /// Reads a passphrase file; one trailing `\n` (or `\r\n`) is dropped.
    ///
    /// - Parameter path: a regular file holding the passphrase, that group and others cannot
    ///   read or write (mode 600 or stricter).
    /// - Throws: ``FormatError`` `file.*`, `passphrase.too-open` (with a `chmod 600` hint),
    ///   `passphrase.too-long`, `passphrase.empty`.
    public init(file path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileIO.openError(path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw FormatError(.fileNotRegular, [.file(path)])
        }
        // Like a key file (spec §2.1): nobody but the owner may read it. The mode is the open file's.
        let mode = UInt32(st.st_mode & 0o7777)
        if mode & 0o077 != 0 {
            throw FormatError(
                .passphraseTooOpen, [.file(path), .text(String(mode, radix: 8))], hint: ErrorHint(.chmod, [.file(path)])
            )
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let buffer = try Passphrase.buffer()
        var total = 0
        while total < buffer.count {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                throw FormatError(.fileUnreadable, [.file(path), .text(FileIO.errnoText())], step: .read)
            }
            if n == 0 { break }
            total += n
        }
        self.init(secret: try Passphrase.trimmed(buffer, length: total, source: path))
    }

    /// Reads one line from an open file descriptor (a terminal whose echo the caller has turned
    /// off), byte by byte, up to `\n`, `\r` or the end of input.
    ///
    /// - Parameters:
    ///   - descriptor: the descriptor to read, e.g. an open `/dev/tty`.
    ///   - source: what to call it in messages.
    /// - Throws: ``FormatError`` `passphrase.too-long`, `passphrase.empty`.
    public init(readingLineFrom descriptor: Int32, source: String) throws {
        let buffer = try Passphrase.buffer()
        var total = 0
        while total < buffer.count {
            var byte: UInt8 = 0
            let n = read(descriptor, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 || byte == 0x0a || byte == 0x0d { break }
            buffer.withUnsafeMutableBytes { $0[total] = byte }
            byte = 0
            total += 1
        }
        self.init(secret: try Passphrase.trimmed(buffer, length: total, source: source))
    }

    /// Constant-time comparison (libsodium `sodium_memcmp`).
    public static func == (lhs: Passphrase, rhs: Passphrase) -> Bool { lhs.secret == rhs.secret }

    /// Secret memory for one passphrase and a line ending, with room to tell "too long".
    private static func buffer() throws -> SecretBytes {
        do { return try SecretBytes(count: maxLength + 2) } catch {
            throw CryptoError(error)
        }
    }

    /// Drops one trailing line ending and checks the length.
    static func trimmed(_ buffer: SecretBytes, length: Int, source: String) throws -> SecretBytes {
        var n = length
        buffer.withUnsafeBytes { b in
            if n > 0, b[n - 1] == 0x0a {
                n -= 1
                if n > 0, b[n - 1] == 0x0d { n -= 1 }
            }
        }
        guard n <= maxLength else { throw FormatError(.passphraseTooLong, [.file(source)]) }
        guard n > 0 else { throw FormatError(.passphraseEmpty) }
        do { return try buffer.slice(0..<n) } catch { throw CryptoError(error) }
    }
}
