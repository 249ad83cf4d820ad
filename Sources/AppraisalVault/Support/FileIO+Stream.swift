internal import Glibc

extension FileIO {
    /// A file being written as a stream: bytes go to a temporary file in the destination's folder
    /// and appear at the destination only on ``commit(replacing:)`` (after `fsync`); ``abort()``
    /// (or dropping the writer uncommitted) deletes the temporary file, so a failure leaves nothing.
    public final class AtomicWriter {
        private var fd: Int32
        private let temporary: String
        /// The destination path.
        public let path: String
        private var buffer = [UInt8]()
        private var finished = false
        static let bufferSize = 1 << 20
        /// Bytes handed to the kernel so far, and how far write-back has been started.
        private var written = 0
        private var writebackStarted = 0
        /// Write-back is started every this many bytes, so `commit`'s `fsync` finds little left
        /// to do and the disk works while the caller computes.
        static let writebackStep = 8 << 20

        /// Creates the temporary file with permission `mode`.
        public init(path: String, mode: UInt32) throws {
            let (directory, base) = FileIO.split(path)
            var template = Array("\(directory)/.\(base).tmp-XXXXXX".utf8CString)
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .create)
            }
            temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            self.path = path
            guard fchmod(fd, mode_t(mode)) == 0 else {
                let error = FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
                abort()
                throw error
            }
            buffer.reserveCapacity(AtomicWriter.bufferSize)
        }

        deinit { if !finished { abort() } }

        /// Appends bytes.
        public func write(_ bytes: some Collection<UInt8>) throws {
            buffer.append(contentsOf: bytes)
            if buffer.count >= AtomicWriter.bufferSize { try flush() }
        }

        /// Appends bytes from raw memory; large writes bypass the buffer (no copy).
        public func write(bytes: UnsafeRawBufferPointer) throws {
            guard bytes.count > 0 else { return }
            if bytes.count < AtomicWriter.bufferSize / 2, buffer.count + bytes.count <= AtomicWriter.bufferSize {
                buffer.append(contentsOf: bytes)
                if buffer.count >= AtomicWriter.bufferSize { try flush() }
                return
            }
            try flush()
            try writeAll(bytes)
        }

        private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
                }
                done += n
            }
            wrote(bytes.count)
        }

        /// Starts asynchronous write-back of the last `writebackStep` bytes (no waiting).
        private func wrote(_ count: Int) {
            written += count
            if written - writebackStarted >= AtomicWriter.writebackStep {
                // 2 = SYNC_FILE_RANGE_WRITE
                _ = AtomicWriter.syncFileRange?(fd, off_t(writebackStarted), off_t(written - writebackStarted), 2)
                writebackStarted = written
            }
        }

        /// glibc's `sync_file_range` (Linux; not exported by the Glibc module), nil where absent.
        private static let syncFileRange: (@convention(c) (Int32, off_t, off_t, UInt32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int32, off_t, off_t, UInt32) -> Int32).self)
        }()

        private func flush() throws {
            var done = 0
            while done < buffer.count {
                let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
                }
                done += n
            }
            wrote(buffer.count)
            buffer.removeAll(keepingCapacity: true)
        }

        /// Syncs and moves the file into place (by `rename` when `replacing`, else by `link`, which
        /// refuses an existing destination).
        public func commit(replacing: Bool = false) throws {
            try flush()
            guard fsync(fd) == 0 else {
                throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
            }
            close(fd)
            fd = -1
            if replacing {
                guard rename(temporary, path) == 0 else {
                    throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
                }
            } else {
                guard link(temporary, path) == 0 else {
                    if errno == EEXIST {
                        throw FormatError(.fileExists, [.file(path)], hint: ErrorHint(.moveAway, [.file(path)]))
                    }
                    throw FormatError(.fileCannotWrite, [.file(path), .text(errnoText())], step: .write)
                }
                unlink(temporary)
            }
            finished = true
            syncDirectory(split(path).directory)
        }

        /// Deletes the temporary file; nothing appears at the destination.
        public func abort() {
            if fd >= 0 {
                close(fd)
                fd = -1
            }
            unlink(temporary)
            finished = true
        }
    }

    /// A regular file read as a stream, with its size known up front.
    public final class StreamReader {
        private let fd: Int32
        /// The path, for messages.
        public let path: String
        /// The file's size in bytes when opened.
        public let size: Int

        /// Opens a regular file for reading.
        public init(path: String) throws {
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // a FIFO must not hang the open
            guard fd >= 0 else { throw FileIO.openError(path) }
            var st = stat()
            guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                throw FormatError(.fileNotRegular, [.file(path)])
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            self.path = path
            self.size = Int(st.st_size)
        }

        deinit { close(fd) }

        /// Reads exactly `buffer.count` bytes at `offset` into raw memory (fewer only at the end of the file).
        public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            var done = 0
            while done < buffer.count {
                let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                guard n >= 0 else {
                    throw FormatError(.fileUnreadable, [.file(path), .text(FileIO.errnoText())], step: .read)
                }
                if n == 0 { break }
                done += n
            }
            ReadProgress.observer?(path, offset + done, size)
            return done
        }
    }
}
