// Catalog entries for the round definition and the round commands.

extension Message {
    static let roundMessages: [Message] = []
}
