import AppraisalVault
import Glibc
import Synchronization

/// The progress line on standard error (docs/cli.md "Progress"): drawn only when standard error
/// is a terminal and `--quiet` is not given, for files of at least ``minimumSize``, at most a few
/// times a second, and erased when the file is done or before any other output.
final class ProgressLine: Sendable {
    /// Files smaller than this show no progress.
    static let minimumSize = 16 << 20

    /// The line in use, once ``start(quiet:)`` installed one.
    static let shared = ProgressLine()

    private struct State {
        var path = ""
        var done = 0
        var started = 0.0
        var drawn = 0.0
        var visible = false
    }

    private let state = Mutex(State())

    /// Shows progress for the rest of the command, unless `quiet` or standard error is no terminal.
    static func start(quiet: Bool) {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return }
        ReadProgress.install { shared.update(path: $0, done: $1, total: $2) }
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    private func update(path: String, done: Int, total: Int) {
        guard total >= Self.minimumSize else { return }
        let now = Self.now()
        let text: String? = state.withLock { s in
            if s.path != path || done < s.done { (s.path, s.started, s.drawn) = (path, now, 0) }
            s.done = done
            if done >= total {
                defer { s.visible = false }
                return s.visible ? "\r\u{1B}[K" : nil
            }
            guard now - s.drawn >= 0.25 else { return nil }
            s.drawn = now
            s.visible = true
            let name = FileIO.split(path).base
            return "\r\u{1B}[K"
                + ProgressText.line(
                    name: name, done: done, total: total, elapsed: now - s.started, in: Terminal.language)
        }
        if let text { Terminal.writeRaw(STDERR_FILENO, text) }
    }

    /// Erases the line if it is showing (before other output, and at the end).
    func clear() {
        let shown = state.withLock { s in
            defer { s.visible = false }
            return s.visible
        }
        if shown { Terminal.writeRaw(STDERR_FILENO, "\r\u{1B}[K") }
    }
}
