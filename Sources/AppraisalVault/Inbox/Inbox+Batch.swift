/// `receive` over several files (spec §6.2): complete an interrupted receive first, then each
/// file on its own, so one bad file does not stop the others.
extension Inbox {
    /// What one `receive` run did.
    public struct Batch: Sendable {
        /// One file given to `receive` and what became of it.
        public struct Item: Sendable {
            /// The file as given.
            public let file: String
            /// Accepted (how), or rejected (the rule it broke; the rejection is journaled).
            public let result: Result<Outcome, any Error>
        }

        /// Receives an earlier run had left unfinished and this run completed.
        public let recovered: [Outcome]
        /// Every file, in the order taken (see ``Inbox/receiveOrder(_:)``).
        public let items: [Item]

        /// The number of files accepted.
        public var accepted: Int { items.filter { if case .success = $0.result { true } else { false } }.count }
        /// The number of files rejected.
        public var rejected: Int { items.count - accepted }
    }

    /// Receives `files` into the round folder as its secretary, holding the round's lock
    /// (``RoundLock``) from the first check to the last journal entry.
    ///
    /// - Parameters:
    ///   - files: sealed submissions (`.avs`) and evidence (`.ave`), in any order.
    ///   - secretary: the unlocked secretary identity; any other identity is refused.
    /// - Returns: what was recovered and what became of each file.
    /// - Throws: ``MergeError`` `merge.not-secretary`, ``RoundError`` `round.locked`,
    ///   ``InboxError`` `inbox.round-merged` (nothing is received or journaled then), or an error
    ///   of the round folder itself (an altered journal); a bad file is a rejected item, not a throw.
    public func receive(_ files: [String], secretary: SecretIdentity) throws -> Batch {
        try RoundLock.exclusive(roundDirectory, command: "receive") {
            try requireSecretary(secretary)
            try requireOpen()
            let recovered = try recoverInterrupted(secretary: secretary)
            var items = [Batch.Item]()
            for file in Inbox.receiveOrder(files) {
                do {
                    items.append(
                        Batch.Item(
                            file: file, result: .success(try receive(file, secretary: secretary, recovered: recovered)))
                    )
                } catch {
                    items.append(Batch.Item(file: file, result: .failure(error)))
                }
            }
            return Batch(recovered: recovered, items: items)
        }
    }
}
