/// The kinds of file AppraisalVault writes. The raw value is the kind byte at offset 8 (spec §1.1).
public enum ArtifactKind: UInt8, Sendable, CaseIterable {
    /// A passphrase-protected secret key (`.key`).
    case secretKey = 1
    /// A self-signed public identity (`.pub`).
    case publicIdentity = 2
    /// A round definition signed by the secretary.
    case roundDefinition = 3
    /// A member's sealed submission.
    case submission = 4
    /// The secretary's signed merge manifest.
    case manifest = 5
    /// Results encrypted to the round's release key.
    case lockedResults = 6
    /// A release holder's signed approval.
    case approval = 7
    /// The release token built from t approvals.
    case releaseToken = 8
    /// The round journal: hash-chained entries under one secretary signature.
    case journalHead = 9
    /// A sealed evidence attachment.
    case evidence = 10
    /// The secretary's signed receipt for one accepted file (spec §11.3).
    case receipt = 11
    /// A release holder's signed checkpoint of the journal head (spec §11.4).
    case checkpoint = 12
    /// The secretary's plan of a key ceremony: holders, threshold, round id (spec §4.2).
    case ceremonyPlan = 16
    /// A holder's dealing in a key ceremony: commitments, proof, sealed shares (spec §4.3).
    case ceremonyDealing = 17
    /// A holder's acknowledgement or complaints in a key ceremony (spec §4.4).
    case ceremonyAck = 18
    /// The survey scores the secretary imported into the round, sealed to the secretary (spec §6.6).
    case survey = 19
    /// A unit's notice of its preliminary result, signed by the secretary, sealed to the unit (spec §12.3).
    case notice = 20
    /// A unit's answer to its notice, signed by the unit, sealed to the secretary (spec §12.4).
    case explanation = 21
    /// A unit's explanation of one member's cells, re-sealed by the secretary to that member (spec §12.5).
    case forwardedExplanation = 22
    /// A member's second-round revision of the explained cells, sealed to the secretary (spec §12.6).
    case secondAppraisal = 23

    /// The kind's name in the spec, used in domain-separation strings, e.g. `public-identity`.
    public var name: String {
        switch self {
        case .secretKey: "secret-key"
        case .publicIdentity: "public-identity"
        case .roundDefinition: "round-definition"
        case .submission: "submission"
        case .manifest: "manifest"
        case .lockedResults: "locked-results"
        case .approval: "approval"
        case .releaseToken: "release-token"
        case .journalHead: "journal"
        case .evidence: "evidence"
        case .receipt: "receipt"
        case .checkpoint: "checkpoint"
        case .ceremonyPlan: "ceremony-plan"
        case .ceremonyDealing: "ceremony-dealing"
        case .ceremonyAck: "ceremony-ack"
        case .survey: "survey"
        case .notice: "notice"
        case .explanation: "explanation"
        case .forwardedExplanation: "forwarded-explanation"
        case .secondAppraisal: "second-appraisal"
        }
    }

    /// The human name of the kind, for messages.
    public var displayName: Notice { Notice(Notice.Code.kindName, [.text(name)]) }

    /// True for the kind whose inner signature covers the content's ciphertext and whose file hash
    /// is derived from the parts already hashed (spec §5.4, §10.1): evidence, which may be GiBs.
    /// Submissions and locked results keep the plaintext hash in the inner signature (§6.4).
    var signsCiphertext: Bool { self == .evidence }

    /// The domain-separation prefix for a signature or hash of `purpose` over this kind:
    /// `"AppraisalVault/v1/" + name + "/" + purpose + "\0"` (spec §1.4).
    public func domain(_ purpose: String) -> [UInt8] {
        Array("AppraisalVault/v1/\(name)/\(purpose)".utf8) + [0]
    }
}
