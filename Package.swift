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
            swiftSettings: strict
        ),
        // Developer benchmarks (docs/performance.md): its own executable, never part of `avault`.
        // It reaches library internals with `@testable import`; `make bench` builds it with
        // `-enable-testing` (debug builds have it by default).
        // Built by `make bench` (`swift build -c release --product avault-bench`); a plain
        // `swift build` or `--build-tests` compiles it too (SwiftPM builds every target), which
        // keeps it compiling as the library changes.
        .executableTarget(
            name: "avault-bench",
            dependencies: [
                "AppraisalVault",
                "VaultCrypto",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
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
        // The pure parts of `avault-bench table` (medians, ratios, goals, the table's text).
        .testTarget(
            name: "BenchTests",
            dependencies: ["avault-bench"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["AppraisalVault", "VaultCrypto", "avault"],
            swiftSettings: strict
        ),
    ]
)
