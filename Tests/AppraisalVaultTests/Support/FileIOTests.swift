import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("File I/O")
struct FileIOTests {
    /// A FIFO given as an input file fails at once instead of hanging.
    @Test func fifoIsRefusedNotWaitedOn() throws {
        let path = NSTemporaryDirectory() + "avault-fifo-\(UUID().uuidString)"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let error = #expect(throws: (any Error).self) { _ = try FileIO.read(path, maxBytes: 100) }
        #expect(error?.errorID == FormatError.Code.fileNotRegular.rawValue)
        #expect(throws: (any Error).self) { _ = try Passphrase(file: path) }
        #expect(throws: (any Error).self) { _ = try FileIO.StreamReader(path: path) }
    }
}
