import ArgumentParser

/// The scratch folder of a benchmark that writes files, and the peers it would like to have.
struct ScratchOptions: ParsableArguments {
    @Option(help: "Folder for the scratch files (on disk, not tmpfs); removed afterwards.")
    var dir = "/var/tmp"

    /// Notes which of `peers` are missing, then runs `body` in a new scratch folder under ``dir``
    /// and removes the folder afterwards.
    func run(peers: [String], _ body: (String) throws -> Void) throws {
        BenchSupport.note(missing: peers)
        let scratch = try BenchSupport.scratch(in: dir)
        defer { BenchSupport.removeTree(scratch) }
        try body(scratch)
    }
}
