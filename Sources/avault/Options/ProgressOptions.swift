import ArgumentParser

/// `--quiet`: no progress line (docs/cli.md "Progress").
struct ProgressOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(Terminal.localized(.helpQuiet)))
    var quiet = false

    /// Starts the progress line for this command (nothing when quiet or not on a terminal).
    func start() { ProgressLine.start(quiet: quiet) }
}
