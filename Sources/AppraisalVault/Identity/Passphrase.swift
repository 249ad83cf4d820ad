internal import Glibc
package import VaultCrypto

/// Reading passphrases into secret memory without passing through Swift strings.
package enum Passphrase {
    /// Longest passphrase accepted, in bytes.
    package static let maxLength = 1024

    /// Reads a passphrase file straight into secret memory; one trailing `\n` (or `\r\n`) is dropped.
    ///
    /// - Throws: ``FormatError`` `file.*`, `passphrase.too-long`, `passphrase.empty`.
    package static func read(file path: String) throws -> SecretBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileIO.openError(path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw FormatError(.fileNotRegular, [.file(path)])
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        do {
            let buffer = try SecretBytes(count: maxLength + 2)
            var total = 0
            while total < buffer.count {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
                if n < 0, errno == EINTR { continue }
                guard n >= 0 else { throw FormatError(.fileUnreadable, [.file(path), .text(FileIO.errnoText())], step: .read) }
                if n == 0 { break }
                total += n
            }
            return try trimmed(buffer, length: total, source: path)
        } catch let e as any AppraisalError {
            throw e
        } catch {
            throw CryptoError(error)
        }
    }

    /// Drops one trailing line ending and checks the length.
    package static func trimmed(_ buffer: SecretBytes, length: Int, source: String) throws -> SecretBytes {
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
