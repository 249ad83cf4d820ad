// TEMPORARY until the kind-22/23 branches land: their names, per the shared contract.
extension JournalEvent {
    static let receiveSecond = JournalEvent.merge
}
extension RoundLayout {
    var second: String { path("second") }
    static func secondFileName(member: String, revision: Int) -> String { "\(member).r\(revision).av2" }
}
extension RoundMerge {
    static func openLiveSecond(
        roundDirectory: String, round: RoundDefinition, journal: [RoundJournal.Entry], secretary: SecretIdentity
    ) throws -> [OpenedSecond] { [] }
}
extension RoundVerification {
    func secondRows(_ s: Results.SignedFile) -> [RoundMerge.SecondRow]? { nil }
}
