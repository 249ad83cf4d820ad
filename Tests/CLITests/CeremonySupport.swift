import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The demo holders' key ceremony (chu-tich, pho-chu-tich, chanh-vp; t = 2; secretary thu-ky),
/// for CLI tests that need a round: made once with the library, copied into each test's folder.
enum DemoCeremony {
    static let holderIDs = ["chu-tich", "pho-chu-tich", "chanh-vp"]

    /// The demo identities of keys/, unlocked once.
    static let secrets: [String: SecretIdentity] = {
        var out = [String: SecretIdentity]()
        for id in ["thu-ky"] + holderIDs {
            let path = CLI.root.path + "/keys/\(id).key"
            let bytes = try! FileIO.read(path, maxBytes: 1 << 16)
            out[id] = try! KeyFile(parsing: bytes, file: path).unlock(
                passphrase: try! SecretBytes(copying: Array("demo-appraisal-2026".utf8)))
        }
        return out
    }()

    /// The folder, made on first use.
    static let folder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("avault-ceremony-\(UUID().uuidString)")
            .path
        try! CeremonyFolder.holdAll(
            at: dir, holders: holderIDs.map { secrets[$0]! }, threshold: 2, secretary: secrets["thu-ky"]!.identity)
        return dir
    }()

    /// Copies the ceremony to `directory/ceremony` and returns that path.
    @discardableResult
    static func copy(into directory: String) throws -> String {
        let target = directory + "/ceremony"
        try FileManager.default.copyItem(atPath: folder, toPath: target)
        return target
    }
}
