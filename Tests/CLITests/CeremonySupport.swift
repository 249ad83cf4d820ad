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

    /// The 2-of-3 folder, made on first use.
    static let folder = make(threshold: 2)
    /// A 1-of-3 folder (one holder alone opens: `round init` needs `--single-holder`).
    static let singleHolderFolder = make(threshold: 1)

    static func make(threshold: Int) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("avault-ceremony-\(UUID().uuidString)")
            .path
        try! CeremonyFolder.holdAll(
            at: dir, holders: holderIDs.map { secrets[$0]! }, threshold: threshold,
            secretary: secrets["thu-ky"]!.identity)
        return dir
    }

    /// Copies the 2-of-3 ceremony (or the 1-of-3 one) to `directory/name` and returns that path.
    @discardableResult
    static func copy(into directory: String, name: String = "ceremony", singleHolder: Bool = false) throws -> String {
        let target = directory + "/" + name
        try FileManager.default.copyItem(atPath: singleHolder ? singleHolderFolder : folder, toPath: target)
        return target
    }
}
