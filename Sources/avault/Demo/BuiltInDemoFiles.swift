import AppraisalVault
import Glibc

/// The sample round and demo identities compiled into avault (``EmbeddedDemoFiles``), written to
/// a private temporary folder for one `avault demo` run and removed afterwards.
struct BuiltInDemoFiles {
    /// The temporary folder; `samples/` and `keys/` are in it (the sample members list names
    /// `../keys/…`).
    let folder: String

    /// `folder/samples`.
    var samples: String { FileIO.join(folder, "samples") }
    /// `folder/keys`.
    var keys: String { FileIO.join(folder, "keys") }

    /// Writes every embedded file into a new folder under `TMPDIR` (or `/tmp`), mode 700.
    ///
    /// - Throws: a file error.
    init() throws {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array(FileIO.join(base, "avault-demo-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw FormatError(.fileCannotWrite, [.file(base), .text(String(cString: strerror(errno)))], step: .create)
        }
        folder = String(cString: made)
        do {
            for sub in ["samples", "keys"] { try FileIO.makeDirectory(FileIO.join(folder, sub)) }
            for (path, hex) in EmbeddedDemoFiles.files {
                try FileIO.writeAtomically(Self.bytes(hex), to: FileIO.join(folder, path), mode: 0o600)
            }
        } catch {
            remove()
            throw error
        }
    }

    /// The bytes of an embedded file (its hex with the line breaks left out).
    static func bytes(_ hex: String) -> [UInt8] {
        Hex.decode(String(hex.filter { !$0.isWhitespace })) ?? []
    }

    /// Removes the folder and the files in it.
    func remove() {
        for (path, _) in EmbeddedDemoFiles.files { try? FileIO.remove(FileIO.join(folder, path)) }
        for sub in ["samples", "keys", ""] { rmdir(FileIO.join(folder, sub)) }
    }
}
