import Testing

@testable import AppraisalVault

@Suite("Release: messages")
struct ReleaseMessageTests {
    /// Rule: every release message has both languages, the same placeholders in each, a unique
    /// `release.`/`hint.release-` id, and is listed in `Message.all`.
    @Test func catalogEntriesComplete() {
        let all = Set(Message.all.map(\.id))
        var ids = Set<String>()
        for m in Message.releaseMessages {
            #expect(!m.vietnamese.isEmpty && !m.english.isEmpty, "\(m.id)")
            #expect(m.vietnamese != m.english, "\(m.id) is not translated")
            #expect(m.argumentCount.vietnamese == m.argumentCount.english, "\(m.id)")
            #expect(m.id.hasPrefix("release.") || m.id.hasPrefix("hint.release-"), "\(m.id)")
            #expect(ids.insert(m.id).inserted, "\(m.id) twice")
            #expect(all.contains(m.id), "\(m.id) missing from Message.all")
        }
        #expect(ids.count == 23)
    }
}
