/// A failure of the built-in demonstration round.
///
/// The codes of ``DemoError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum DemoErrorCode: String, MessageCode {
    case verifyFailed = "demo.verify-failed"
    case notDemoKey = "demo.not-demo-key"
}
