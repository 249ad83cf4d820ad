/// Every code type of the library, so a catalog can check that it has a text for each code.
///
/// A new layer's code enum is added here; the CLI's catalog tests then require its texts.
public enum MessageCodes {
    /// The code types: errors of every layer, hints, notices and verification findings.
    public static let types: [any MessageCode.Type] = [
        FormatErrorCode.self, CryptoError.Code.self, EnvelopeErrorCode.self, InputErrorCode.self,
        RoundErrorCode.self, DemoErrorCode.self, InboxErrorCode.self, SubmissionErrorCode.self,
        MergeErrorCode.self, ReleaseErrorCode.self, CeremonyErrorCode.self, JournalErrorCode.self,
        EvidenceErrorCode.self, ExplanationErrorCode.self, ForwardErrorCode.self, SecondAppraisalErrorCode.self,
        HintCode.self, NoticeCode.self, FindingCode.self,
    ]

    /// The message ids of every code, in the order of ``types``.
    public static var allIDs: [String] { types.flatMap { $0.allIDs } }
}

extension MessageCode {
    /// The message ids of every case.
    public static var allIDs: [String] { allCases.map(\.rawValue) }
}
