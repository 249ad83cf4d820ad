internal import Glibc
internal import VaultCrypto

extension FileIO {
    /// A private copy of bytes being read (spec §5.5 step 3): an unnamed temporary file that only
    /// this process holds, written once and then read back.
    ///
    /// The file is created with `O_TMPFILE | O_EXCL` (no name, never linkable), or where the file
    /// system lacks `O_TMPFILE`, by `mkstemp` (mode 0600) and unlinked at once. It is never synced:
    /// it only has to outlive the process's own second pass. Closing it (``close()``, or dropping
    /// the last reference) frees its space, on every path; nothing is left in the folder.
    ///
    /// Nothing about the file system is trusted to keep it unchanged: every appended byte goes
    /// into a Poly1305 authenticator under a fresh random key held only in this process, every
    /// byte read back (in order, from the start) into a second one under the same key, and
    /// ``checkReadBack()`` compares the two tags, so a copy changed behind the process (a network
    /// or shared file system, an `.nfsXXXX` name, a crash window of the `mkstemp` fall-back) is
    /// refused before anything is released.
    ///
    /// Offsets are those of the file being copied: the copy starts at `base`.
    final class PrivateCopy {
        private var fd: Int32
        /// The folder that holds the copy's space, for messages.
        let directory: String
        /// The file being copied, for messages and progress.
        let file: String
        /// The offset in `file` of the copy's first byte.
        let base: Int
        /// The size of `file`, for progress.
        private let fileSize: Int
        /// Bytes appended so far.
        private(set) var count = 0
        /// Bytes at the start whose space was freed (``discard(before:)``).
        private var discarded = 0
        /// The tag of every byte appended, and of every byte read back in order (one message, one key).
        private let written: OneTimeAuth
        private let readBack: OneTimeAuth
        /// Bytes read back in order from the start; false once a read went elsewhere.
        private var readBackCount = 0
        private var readInOrder = true
        /// The verdict of ``checkReadBack()`` once given: it is given once, and nothing read after it counts.
        private var readBackVerdict: Bool?

        /// Creates an empty copy in `directory`.
        ///
        /// - Parameters:
        ///   - directory: the folder on whose file system the copy takes space.
        ///   - file: the file being copied (for messages and progress).
        ///   - base: the offset in `file` of the first byte that will be appended.
        ///   - fileSize: the size of `file` (for progress).
        /// - Throws: ``EnvelopeError`` `envelope.private-copy` (step `create`).
        init(in directory: String, of file: String, base: Int, fileSize: Int) throws {
            self.directory = directory
            self.file = file
            self.base = base
            self.fileSize = fileSize
            (written, readBack) = try PrivateCopy.authenticators(file: file, directory: directory)
            // O_TMPFILE is (__O_TMPFILE | O_DIRECTORY); Glibc does not export the macro.
            fd = Glibc.open(directory, 0o2000_0000 | O_DIRECTORY | O_RDWR | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0, errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL {
                fd = PrivateCopy.unlinkedTemporary(in: directory)
            }
            guard fd >= 0 else { throw failure(.create) }
        }

        /// Wraps a descriptor already open for reading and writing (tests: a file that fails to write).
        init(descriptor: Int32, in directory: String, of file: String, base: Int, fileSize: Int) throws {
            fd = descriptor
            self.directory = directory
            self.file = file
            self.base = base
            self.fileSize = fileSize
            (written, readBack) = try PrivateCopy.authenticators(file: file, directory: directory)
        }

        /// Two authenticators under one fresh key: what is written and what is read back are to
        /// be one message.
        private static func authenticators(file: String, directory: String) throws -> (OneTimeAuth, OneTimeAuth) {
            do {
                let key = try OneTimeAuth.randomKey()
                return (try OneTimeAuth(key: key), try OneTimeAuth(key: key))
            } catch {
                throw EnvelopeError(
                    .privateCopy, [.file(file), .file(directory), .text(error.description)], step: .create)
            }
        }

        /// Refuses the copy unless exactly the bytes appended were read back, in order, from its
        /// first byte to its last: call it after the last read and before anything is released.
        ///
        /// - Throws: ``EnvelopeError`` `envelope.copy-changed`.
        func checkReadBack() throws {
            if readBackVerdict == nil {
                let same = Sodium.constantTimeEqual(written.finalize(), readBack.finalize())
                readBackVerdict = same && readInOrder && readBackCount == count
            }
            guard readBackVerdict == true else {
                throw EnvelopeError(.copyChanged, [.file(file), .file(directory)])
            }
        }

        deinit { close() }

        /// `mkstemp` in `directory`, unlinked before it is used: -1 (with `errno`) on failure.
        static func unlinkedTemporary(in directory: String) -> Int32 {
            var template = Array("\(directory)/.avault-copy-XXXXXX".utf8CString)
            // mkostemp (atomic O_CLOEXEC) is not exported by the Glibc module; avault starts no
            // other programs while a copy is open.
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { return -1 }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            guard template.withUnsafeBufferPointer({ unlink($0.baseAddress!) }) == 0 else {
                let saved = errno
                Glibc.close(fd)
                errno = saved
                return -1
            }
            return fd
        }

        /// The error naming the folder that could not hold the copy, with `errno`'s text.
        private func failure(_ step: FileStep) -> EnvelopeError {
            EnvelopeError(.privateCopy, [.file(file), .file(directory), .text(errnoText())], step: step)
        }

        /// Appends bytes.
        ///
        /// - Throws: ``EnvelopeError`` `envelope.private-copy` (step `write`), e.g. the folder's file system is full.
        func append(_ bytes: UnsafeRawBufferPointer) throws {
            guard readBackVerdict == nil else { throw EnvelopeError(.copyChanged, [.file(file), .file(directory)]) }
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    if n == 0 { errno = ENOSPC }
                    throw failure(.write)
                }
                done += n
            }
            written.update(bytes: bytes)
            count += bytes.count
        }

        /// Appends an array.
        func append(contentsOf bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try append($0) }
        }

        /// Frees the space of the bytes before `offset` (an offset of the copied file), which the
        /// decrypting pass has read: the copy shrinks as the plaintext grows, and its pages are
        /// dropped before they are written back. A file system that cannot punch holes keeps
        /// them until ``close()``; nothing else changes.
        func discard(before offset: Int) {
            let end = min(offset - base, count)
            guard fd >= 0, end > discarded else { return }
            // FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE
            if PrivateCopy.fallocate?(fd, 0x02 | 0x01, off_t(discarded), off_t(end - discarded)) == 0 {
                discarded = end
            }
        }

        /// glibc's `fallocate` (Linux; not exported by the Glibc module), nil where absent.
        private static let fallocate: (@convention(c) (Int32, Int32, off_t, off_t) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fallocate") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32, off_t, off_t) -> Int32).self)
        }()

        /// Frees the copy (idempotent).
        func close() {
            if fd >= 0 {
                Glibc.close(fd)
                fd = -1
            }
        }
    }
}

extension FileIO.PrivateCopy: ByteSource {
    /// The bytes end where the copy ends (``base`` + ``count``).
    var size: Int { base + count }

    /// Nobody else can change the copy.
    var isPrivate: Bool { true }

    /// Reads the copy at `offset` (an offset of the copied file, at least ``base``).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let start = offset - base
        guard start >= 0, fd >= 0 else { throw EnvelopeError(.corrupt, [.file(file)]) }
        var done = 0
        while done < buffer.count, start + done < count {
            let n = pread(
                fd, buffer.baseAddress! + done, min(buffer.count - done, count - start - done), off_t(start + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { errno = EIO }
                throw EnvelopeError(
                    .privateCopy, [.file(file), .file(directory), .text(FileIO.errnoText())], step: .read)
            }
            done += n
        }
        if readBackVerdict != nil {
            // Read after the verdict: the check was not the last step; refuse from now on.
            readBackVerdict = false
        } else if start == readBackCount {
            readBack.update(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<done]))
            readBackCount += done
        } else {
            readInOrder = false
        }
        ReadProgress.observer?(file, offset + done, fileSize)
        return done
    }
}
