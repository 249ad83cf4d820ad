import AppraisalVault
import Foundation
import Testing

@testable import avault

/// The catalog lives in the CLI (spec §9.4 ids): one `MessageID`, one table per language.
@Suite("CLI: message catalog")
struct MessageCatalogTests {
    /// Every library code of every layer (errors, hints, notices, findings).
    static let libraryIDs: [String] =
        FormatError.Code.allCases.map(\.rawValue) + CryptoError.Code.allCases.map(\.rawValue)
        + EnvelopeError.Code.allCases.map(\.rawValue) + InputError.Code.allCases.map(\.rawValue)
        + RoundError.Code.allCases.map(\.rawValue) + DemoError.Code.allCases.map(\.rawValue)
        + InboxError.Code.allCases.map(\.rawValue) + SubmissionError.Code.allCases.map(\.rawValue)
        + MergeError.Code.allCases.map(\.rawValue) + ReleaseError.Code.allCases.map(\.rawValue)
        + JournalError.Code.allCases.map(\.rawValue) + EvidenceError.Code.allCases.map(\.rawValue)
        + ErrorHint.Code.allCases.map(\.rawValue) + Notice.Code.allCases.map(\.rawValue)
        + VerificationReport.Finding.allCases.map(\.rawValue) + CeremonyError.Code.allCases.map(\.rawValue)

    /// Rule: every id has a Vietnamese and an English text with the same placeholders.
    @Test func everyIDHasBothTexts() {
        for id in MessageID.allCases {
            #expect(!id.vietnamese.isEmpty && !id.english.isEmpty, "\(id.rawValue)")
            #expect(MessageID.placeholders(id.vietnamese) == MessageID.placeholders(id.english), "\(id.rawValue)")
        }
    }

    /// Rule: every library code's raw value is a catalog id, and no id is claimed by two codes.
    @Test func everyLibraryCodeIsAMessage() {
        for raw in Self.libraryIDs { #expect(MessageID(rawValue: raw) != nil, "\(raw) has no text") }
        #expect(Set(Self.libraryIDs).count == Self.libraryIDs.count)
    }

    /// Rule: no text is unused: every id is a library code or is named by the CLI's sources.
    @Test func noMessageIsUnused() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources/avault")
        var text = ""
        let files = try #require(FileManager.default.enumerator(atPath: sources.path))
        for case let file as String in files
        where file.hasSuffix(".swift") && file != "Messages/MessageID.swift" && !file.hasPrefix("Messages/Catalog+") {
            text += try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
        }
        let library = Set(Self.libraryIDs)
        for id in MessageID.allCases where !library.contains(id.rawValue) {
            let name = String(describing: id)
            #expect(text.contains("." + name), "\(id.rawValue) (\(name)) is used nowhere")
        }
    }

    /// Rule: an error's exit status comes from the CLI's one table (file errors by the failed step).
    @Test func exitStatusTable() {
        #expect(ExitStatus.of(FormatError(.fileNotFound)) == .noInput)
        #expect(ExitStatus.of(FormatError(.fileUnreadable, step: .open)) == .noInput)
        #expect(ExitStatus.of(FormatError(.fileUnreadable, step: .read)) == .ioError)
        #expect(ExitStatus.of(FormatError(.fileCannotWrite, step: .create)) == .cannotCreate)
        #expect(ExitStatus.of(FormatError(.keyWrongPassphrase)) == .permission)
        #expect(ExitStatus.of(InboxError(.wrongRound)) == .dataError)
        #expect(ExitStatus.of(CLIError(.passphraseMissing)) == .usage)
    }
}
