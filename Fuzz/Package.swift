// swift-tools-version: 6.1
import PackageDescription

// The fuzzing harness (docs/fuzzing.md): its own package so that a plain `swift build` of the
// project never builds it. It depends on the root package by path and reaches the library's
// internals with `@testable import`, which needs the library compiled with testing enabled: a
// debug build (`swift test --package-path Fuzz`) is; scripts/fuzz.sh adds `-enable-testing` to
// its release sanitizer build.
//
// One libFuzzer executable per parser, each a 7-line file Targets/<Name>/<Name>.swift that calls
// one check in FuzzChecks. To add a target: add the check to FuzzChecks.all, the folder, and the
// name here.
let fuzzTargets = [
    "FuzzCanonicalJSON", "FuzzContainer", "FuzzPublicIdentity", "FuzzKeyFile", "FuzzEnvelope", "FuzzSubmission",
    "FuzzManifest", "FuzzResults", "FuzzJournal", "FuzzReleasePolicy", "FuzzCSV", "FuzzPoints", "FuzzFramework",
    "FuzzRoundInputs", "FuzzCeremony", "FuzzApproval", "FuzzReceipt", "FuzzCheckpoint", "FuzzSurvey",
    "FuzzXLSX", "FuzzNotice", "FuzzExplanation", "FuzzForwardedExplanation", "FuzzSecondAppraisal",
    "FuzzRoundDefinition", "FuzzSubmissionFast",
]

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "AppraisalVaultFuzz",
    dependencies: [.package(name: "AppraisalVault", path: "..")],
    targets: [
        .target(
            name: "FuzzChecks",
            dependencies: [.product(name: "AppraisalVault", package: "AppraisalVault")],
            path: "FuzzChecks",
            swiftSettings: strict
        ),
        // The committed corpora replayed through the very checks the fuzzer runs (without
        // sanitizers), the seed generator, and seeds that are valid artifacts.
        .testTarget(
            name: "FuzzChecksTests",
            dependencies: ["FuzzChecks", .product(name: "AppraisalVault", package: "AppraisalVault")],
            path: "Tests/FuzzChecksTests",
            swiftSettings: strict
        ),
    ]
        + fuzzTargets.map {
            .executableTarget(name: $0, dependencies: ["FuzzChecks"], path: "Targets/\($0)", swiftSettings: strict)
        }
)
