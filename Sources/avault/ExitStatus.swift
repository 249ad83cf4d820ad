import AppraisalVault

/// The exit statuses of avault, following BSD `sysexits.h` where one fits, and the one table that
/// maps every message to its status.
///
/// The library reports what went wrong (a code); only the CLI decides how the process ends. The
/// same list is printed in `avault --help` and in README.md.
enum ExitStatus: Int32, CaseIterable, Sendable {
    /// A verification found failures (`avault verify`, the demo's own verification).
    case verificationFailed = 1
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
    /// A passphrase was wrong, a key file too open, or the key is not allowed here (EX_NOPERM).
    case permission = 77

    /// What the status means, for `--help`.
    var meaning: MessageID {
        switch self {
        case .verificationFailed: .exitVerificationFailed
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
    static func of(_ message: MessageID, step: FileStep? = nil) -> ExitStatus {
        switch message {
        case .fileUnreadable:
            step == .open ? .noInput : .ioError
        case .fileCannotWrite:
            step == .create ? .cannotCreate : .ioError
        case .evidenceAfterMerge:
            step == .create ? .cannotCreate : .dataError
        case .demoVerifyFailed:
            .verificationFailed
        case .approvalBadDecision, .identityBadID, .identityBadName, .keygenBadKDF, .passphraseEmpty,
            .passphraseMismatch, .passphraseMissing, .passphraseTooLong, .releaseDuplicateEncryptionKey,
            .releaseDuplicateHolderID, .releaseDuplicateSigningKey, .releaseHolderCount, .releaseHolderRole,
            .releaseThresholdRange, .roundBadReference, .roundBadTitle, .roundBadYear, .roundDemoRefused,
            .roundFingerprintUnreadable, .roundLockBadWait, .roundSecretaryRole, .roundSharedKey,
            .worksheetUnknownMember:
            .usage
        case .fileNotFound, .fileNotRegular, .releaseNotMerged, .roundNoFolder:
            .noInput
        case .roundLocked:
            .locked
        case .approvalBadInput, .cryptoFailure, .releaseRoundIDLength:
            .software
        case .fileExists, .mergeAlreadyJournaled, .mergeAlreadyMerged, .roundOutNotEmpty:
            .cannotCreate
        case .approveNotHolder, .keyTooOpen, .keyWrongPassphrase, .mergeNotSecretary, .releaseNotAHolder:
            .permission
        default:
            .dataError
        }
    }

    /// The status for any error the commands throw.
    static func of(_ error: any Error) -> ExitStatus {
        if let error = error as? any AppraisalError { return of(MessageID(error.code), step: error.context.step) }
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
