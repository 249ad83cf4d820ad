/// A sealed submission the inbox refuses (spec §6.2).
///
/// The codes of ``InboxError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum InboxErrorCode: String, MessageCode {
    case wrongRound = "inbox.wrong-round"
    case wrongRecipient = "inbox.wrong-recipient"
    case wrongRole = "inbox.wrong-role"
    case notMember = "inbox.not-member"
    case keyMismatch = "inbox.key-mismatch"
    case strayFile = "inbox.stray-file"
    case twoLive = "inbox.two-live"
    case duplicate = "inbox.duplicate"
    case stale = "inbox.stale"
    case roundMerged = "inbox.round-merged"
}
