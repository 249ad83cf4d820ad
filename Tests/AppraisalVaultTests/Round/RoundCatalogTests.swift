import Testing

@testable import AppraisalVault
@testable import avault

@Suite struct RoundCatalogTests {
    /// Every catalog entry has a unique id and the same placeholders in Vietnamese and English.
    @Test func bilingualAndUnique() {
        let all = MessageID.allCases
        #expect(Set(all.map(\.id)).count == all.count)
        for m in all {
            #expect(m.argumentCount.vietnamese == m.argumentCount.english, "\(m.id)")
            #expect(!m.vietnamese.isEmpty && !m.english.isEmpty, "\(m.id)")
        }
    }
}
