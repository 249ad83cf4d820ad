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
        /// The receipts written into `ROUND/receipts/` (spec §11.3), one per accepted or recovered file.
        public let receipts: [String]
        /// Why the receipts could not all be written, if so (the files stay accepted: the journal
        /// is the record).
        public let receiptError: (any Error)?

        /// The number of files accepted.
        public var accepted: Int { items.filter { if case .success = $0.result { true } else { false } }.count }
        /// The number of files rejected.
        public var rejected: Int { items.count - accepted }
    }

    /// Receives `files` into the round folder as its secretary, then writes a receipt for every
    /// file accepted or recovered (spec §11.3), holding the round's lock (``RoundLock``) from the
    /// first check to the last receipt.
    ///
    /// - Parameters:
    ///   - files: sealed submissions (`.avs`) and evidence (`.ave`), in any order.
    ///   - secretary: the unlocked secretary identity; any other identity is refused.
    ///   - receiptsOut: a folder that also gets a copy of each receipt of the files in `files`
    ///     (the member's stick), or nil.
    /// - Returns: what was recovered, what became of each file, and the receipts written.
    /// - Throws: ``MergeError`` `merge.not-secretary`, ``RoundError`` `round.locked`,
    ///   ``InboxError`` `inbox.round-merged` (nothing is received or journaled then), or an error
    ///   of the round folder itself (an altered or rolled-back journal); a bad file is a rejected
    ///   item, not a throw.
    public func receive(_ files: [String], secretary: SecretIdentity, receiptsOut: String? = nil) throws -> Batch {
        try RoundLock.exclusive(roundDirectory, command: "receive") {
            try requireSecretary(secretary)
            try requireOpen(explanationsOnly: files.allSatisfy(Inbox.isExplanationPhaseFile))
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
            let accepted = items.compactMap { try? $0.result.get() }
            var receipts = [String]()
            var receiptError: (any Error)?
            do {
                receipts = try writeReceipts(recovered, secretary: secretary, out: nil)
                receipts += try writeReceipts(accepted, secretary: secretary, out: receiptsOut)
            } catch {
                receiptError = error
            }
            return Batch(recovered: recovered, items: items, receipts: receipts, receiptError: receiptError)
        }
    }
}
