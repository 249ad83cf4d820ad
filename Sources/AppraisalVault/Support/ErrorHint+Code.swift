extension ErrorHint {
    /// Which hint; the raw value is the catalog id of its text.
    public enum Code: String, MessageCode {
        case approvalAgain = "hint.approval-again"
        case approvalSameDecision = "hint.approval-same-decision"
        case tokenCombineAgain = "hint.token-combine-again"
        case unlistedEvidence = "hint.unlisted-evidence"
        case inboxWrongRound = "hint.inbox-wrong-round"
        case inboxStale = "hint.inbox-stale"
        case numberFormat = "hint.number-format"
        case groupsFile = "hint.groups-file"
        case releaseMoreHolders = "hint.release-more-holders"
        case releaseAskHolder = "hint.release-ask-holder"
        case releaseCheckRound = "hint.release-check-round"
        case demoRound = "hint.demo-round"
        case checkRound = "hint.check-round"
        case allowIncomplete = "hint.allow-incomplete"
        case whichFile = "hint.which-file"
        case askForNewCopy = "hint.ask-new-copy"
        case moveAway = "hint.move-away"
        case usePub = "hint.use-pub"
        case useKey = "hint.use-key"
        case chmod = "hint.chmod"
        case passphrase = "hint.passphrase"
        case fingerprintMismatch = "hint.fingerprint-mismatch"
        case roundLocked = "hint.round-locked"
        case roundMerged = "hint.round-merged"
    }
}
