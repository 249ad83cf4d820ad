// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "AppraisalVault",
    products: [
        .executable(name: "avault", targets: ["avault"]),
        .library(name: "AppraisalVault", targets: ["AppraisalVault"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The one door to C: only VaultCrypto imports this module.
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(name: "VaultCrypto", dependencies: ["CSodium"], swiftSettings: strict),
        .target(name: "AppraisalVault", dependencies: ["VaultCrypto"], swiftSettings: strict),
        .executableTarget(
            name: "avault",
            dependencies: [
                "AppraisalVault",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The benchmarks need VaultCrypto and the library's internals; they leave this target (§5).
            exclude: ["Commands/Bench.swift", "Commands/BenchStream.swift"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "VaultCryptoTests",
            dependencies: [
                "VaultCrypto",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AppraisalVaultTests",
            dependencies: [
                "AppraisalVault",
                "VaultCrypto",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["AppraisalVault", "VaultCrypto"],
            swiftSettings: strict
        ),
    ]
)

// MARK: - Fuzzing (issue 6 §3, docs/fuzzing.md). Keep every fuzz edit inside this block.
// One libFuzzer executable per parser, each a 7-line file Fuzz/Targets/<Name>/<Name>.swift that calls
// one check in FuzzChecks. To add a target: add the check to FuzzChecks.all, the folder, and the name here.
let fuzzTargets = [
    "FuzzCanonicalJSON", "FuzzContainer", "FuzzPublicIdentity", "FuzzKeyFile", "FuzzEnvelope", "FuzzSubmission",
    "FuzzManifest", "FuzzResults", "FuzzJournal", "FuzzReleasePolicy", "FuzzCSV", "FuzzPoints", "FuzzFramework",
    "FuzzRoundInputs",
]
package.targets.append(
    .target(name: "FuzzChecks", dependencies: ["AppraisalVault", "VaultCrypto"], path: "Fuzz/FuzzChecks", swiftSettings: strict))
package.targets += fuzzTargets.map {
    .executableTarget(name: $0, dependencies: ["FuzzChecks"], path: "Fuzz/Targets/\($0)", swiftSettings: strict)
}
// The regression tests run the very checks the fuzzer runs (without sanitizers).
package.targets.first { $0.name == "AppraisalVaultTests" }?.dependencies.append("FuzzChecks")
