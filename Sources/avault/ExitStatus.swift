import AppraisalVault

/// The exit statuses of avault, following BSD `sysexits.h` where one fits, and the one table that
/// maps every message to its status.
///
/// The library reports what went wrong (a code); only the CLI decides how the process ends. The
/// same list is printed in `avault --help` and in README.md.
enum ExitStatus: Int32, CaseIterable, Sendable {
    /// A verification found failures (`avault verify`, the demo's own verification).
    case verificationFailed = 1
    /// Every check passed but nothing anchored the folder: no `--fingerprint`, no pin (`avault verify`).
    case unanchored = 2
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// An input file was malformed, altered, or of the wrong kind (EX_DATAERR).
    case dataError = 65
    /// An input file could not be opened (EX_NOINPUT).
    case noInput = 66
    /// Internal error (EX_SOFTWARE).
    case software = 70
    /// An output could not be created, or already exists (EX_CANTCREAT).
    case cannotCreate = 73
    /// Reading or writing failed (EX_IOERR).
    case ioError = 74
    /// Another avault command holds the round folder's lock (EX_TEMPFAIL): try again later.
    case locked = 75
    /// A passphrase was wrong, a key or passphrase file too open, or the key is not allowed here (EX_NOPERM).
    case permission = 77

    /// What the status means, for `--help`.
    var meaning: MessageID {
        switch self {
        case .verificationFailed: .exitVerificationFailed
        case .unanchored: .exitUnanchored
        case .usage: .exitUsage
        case .dataError: .exitDataError
        case .noInput: .exitNoInput
        case .software: .exitSoftware
        case .cannotCreate: .exitCannotCreate
        case .ioError: .exitIOError
        case .locked: .exitLocked
        case .permission: .exitPermission
        }
    }

    /// The status of a message; a file error's status depends on the step that failed.
    ///
    /// This is the one table of exit statuses: every message not listed is a data error (65).
    /// Codes of different types share no id (the catalog tests check it), so matching by id is exact.
    static func of(_ code: any MessageCode, step: FileStep? = nil) -> ExitStatus {
        switch code {
        case FormatError.Code.fileUnreadable:
            step == .open ? .noInput : .ioError
        case FormatError.Code.fileCannotWrite:
            step == .create ? .cannotCreate : .ioError
        case EnvelopeError.Code.changedWhileReading:
            .ioError
        case EvidenceError.Code.afterMerge:
            step == .create ? .cannotCreate : .dataError
        case DemoError.Code.verifyFailed:
            .verificationFailed
        case JournalError.Code.pinAcceptMismatch:
            .usage
        case MessageID.keygenBadKDF, MessageID.passphraseMismatch, MessageID.passphraseMissing,
            FormatError.Code.identityBadID, FormatError.Code.identityBadName, FormatError.Code.passphraseEmpty,
            FormatError.Code.passphraseTooLong, InputError.Code.worksheetUnknownMember,
            ReleaseError.Code.approvalBadDecision, ReleaseError.Code.duplicateEncryptionKey,
            ReleaseError.Code.duplicateHolderID, ReleaseError.Code.duplicateSigningKey, ReleaseError.Code.holderCount,
            ReleaseError.Code.holderRole, ReleaseError.Code.singleHolder, ReleaseError.Code.thresholdRange,
            RoundError.Code.badReference, RoundError.Code.badDocument, RoundError.Code.badDeadline,
            RoundError.Code.tooManyRecipients,
            RoundError.Code.badTitle, RoundError.Code.badYear, RoundError.Code.demoRefused,
            RoundError.Code.fingerprintUnreadable, RoundError.Code.secretaryRole, RoundError.Code.sharedKey,
            MessageID.roundLockBadWait, MergeError.Code.surveyMissing, MergeError.Code.surveyNotUsed,
            MessageID.outputTerminalBinary, MessageID.outputTerminalDecrypted, MessageID.outputFolderNotStandardOutput:
            .usage
        case CeremonyError.Code.missing, FormatError.Code.fileNotFound, FormatError.Code.fileNotRegular,
            ReleaseError.Code.notMerged, RoundError.Code.noFolder:
            .noInput
        case RoundError.Code.locked, RoundError.Code.lockReplaced:
            .locked
        case CryptoError.Code.failure, ReleaseError.Code.approvalBadInput:
            .software
        case FormatError.Code.fileExists, MergeError.Code.alreadyJournaled, MergeError.Code.alreadyMerged,
            RoundError.Code.outNotEmpty, ReleaseError.Code.pdfNoChromium, ReleaseError.Code.pdfFailed:
            .cannotCreate
        case FormatError.Code.keyTooOpen, FormatError.Code.keyWrongPassphrase, MergeError.Code.notSecretary,
            ReleaseError.Code.approveNotHolder, ReleaseError.Code.notAHolder, FormatError.Code.passphraseTooOpen,
            CeremonyError.Code.excluded, CeremonyError.Code.notAHolder:
            .permission
        default:
            .dataError
        }
    }

    /// The status for any error the commands throw.
    static func of(_ error: any Error) -> ExitStatus {
        if let error = error as? any AppraisalError { return of(error.code, step: error.context.step) }
        if let error = error as? CLIError { return of(error.message) }
        return .software
    }

    /// The table as printed by `avault --help`: one line per status.
    static func table(in language: Language) -> String {
        allCases.map {
            let code = String($0.rawValue)
            return String(repeating: " ", count: 4 - code.count) + code + "  " + $0.meaning.render(in: language)
        }.joined(separator: "\n")
    }
}

/// Matches a message code against a case of any code type, by id (`case FormatError.Code.fileExists:`).
private func ~= (pattern: some MessageCode, value: any MessageCode) -> Bool {
    pattern.rawValue == value.rawValue
}
