@testable internal import AppraisalVault

/// Every fuzz target's check, by target name; a target's file calls one of these.
///
/// Each check feeds arbitrary bytes to one parser. Throwing an `AppraisalError` (or returning nil
/// from a failable parser) is fine; trapping is a bug, and so is accepting an input that does
/// not survive its round trip. The checks are plain functions so the regression tests
/// (`Tests/AppraisalVaultTests/Fuzz`) run exactly what the fuzzer runs, without sanitizers.
public enum FuzzChecks {
    /// Target name → check. The corpus replay test walks `Fuzz/corpus/<name>/` with this table.
    public static let all: [String: FuzzCheck] = [
        "FuzzCanonicalJSON": canonicalJSON,
        "FuzzContainer": container,
        "FuzzPublicIdentity": publicIdentity,
        "FuzzKeyFile": keyFile,
        "FuzzEnvelope": envelope,
        "FuzzSubmission": submission,
        "FuzzSubmissionFast": submissionFast,
        "FuzzSurvey": survey,
        "FuzzNotice": notice,
        "FuzzExplanation": explanation,
        "FuzzForwardedExplanation": forwardedExplanation,
        "FuzzSecondAppraisal": secondAppraisal,
        "FuzzRoundDefinition": roundDefinition,
        "FuzzManifest": manifest,
        "FuzzResults": results,
        "FuzzJournal": journal,
        "FuzzReleasePolicy": releasePolicy,
        "FuzzCeremony": ceremony,
        "FuzzApproval": approval,
        "FuzzCSV": csv,
        "FuzzPoints": points,
        "FuzzFramework": framework,
        "FuzzRoundInputs": roundInputs,
        "FuzzReceipt": receipt,
        "FuzzCheckpoint": checkpoint,
        "FuzzXLSX": xlsx,
    ]

    /// The file name passed to parsers, for messages.
    static let file = "fuzz-input"
}
