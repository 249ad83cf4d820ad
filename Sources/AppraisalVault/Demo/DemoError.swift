/// A failure of the built-in demonstration round.
///
/// A ``LayerError`` over this layer's codes: a code, typed facts, an optional hint, no text.
public typealias DemoError = LayerError<DemoErrorCode>

/// The rules behind ``DemoError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum DemoErrorCode: String, MessageCode {
    case verifyFailed = "demo.verify-failed"
    case notDemoKey = "demo.not-demo-key"
}
