/// An error of the command line itself (a wrong option, a passphrase that was not given, a
/// member who is not in the round): the CLI's own layer, keyed by catalog message like the
/// library's errors. Equal when the messages are equal.
struct CLIError: Error, Hashable, CustomStringConvertible {
    /// The message.
    let message: MessageID
    /// Its arguments, in order.
    let arguments: [String]
    /// The hint, if any.
    let hint: MessageID?
    /// The hint's arguments.
    let hintArguments: [String]

    /// Creates an error.
    init(_ message: MessageID, _ arguments: [String] = [], hint: MessageID? = nil, hintArguments: [String] = []) {
        self.message = message
        self.arguments = arguments
        self.hint = hint
        self.hintArguments = hintArguments
    }

    /// English rendering, for test failures.
    var description: String { message.render(arguments, in: .english) }

    static func == (a: CLIError, b: CLIError) -> Bool { a.message == b.message }
    func hash(into hasher: inout Hasher) { hasher.combine(message) }
}
