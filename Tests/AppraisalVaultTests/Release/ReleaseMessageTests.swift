import Testing

@testable import AppraisalVault
@testable import avault

@Suite("Release: messages")
struct ReleaseMessageTests {
    /// Rule: every release message has both languages, the same placeholders in each, a unique
    /// `release.`/`hint.release-` id, and is listed in `MessageID.allCases`.
    @Test func catalogEntriesComplete() {
        let all = Set(MessageID.allCases.map(\.id))
        var ids = Set<String>()
        for m in MessageID.releaseMessages {
            #expect(!m.vietnamese.isEmpty && !m.english.isEmpty, "\(m.id)")
            #expect(m.vietnamese != m.english, "\(m.id) is not translated")
            #expect(m.argumentCount.vietnamese == m.argumentCount.english, "\(m.id)")
            #expect(m.id.hasPrefix("release.") || m.id.hasPrefix("hint.release-"), "\(m.id)")
            #expect(ids.insert(m.id).inserted, "\(m.id) twice")
            #expect(all.contains(m.id), "\(m.id) missing from MessageID.allCases")
        }
        #expect(ids.count == 27)  // release.* and hint.release-* of the whole catalog
    }
}
