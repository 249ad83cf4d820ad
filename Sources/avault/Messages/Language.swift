/// The language user-facing text is shown in.
enum Language: String, Sendable, CaseIterable {
    /// Tiếng Việt.
    case vietnamese = "vi"
    /// English.
    case english = "en"

    /// The language the environment asks for: Vietnamese when the first set of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` starts with `vi`, English otherwise.
    static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("vi") ? .vietnamese : .english
            }
        }
        return .english
    }
}
