/// Progress of file reads, for a caller that shows it (the CLI draws a line on a terminal): every
/// large document or evidence file is read through ``FileIO/StreamReader``, which reports here
/// after each read. The library itself never prints.
public enum ReadProgress {
    /// Called after each read with the file's path, the offset the read ended at, and the file's
    /// size; possibly from several threads, and once per pass over the file (a file checked and
    /// then copied is read twice).
    public typealias Observer = @Sendable (_ path: String, _ done: Int, _ total: Int) -> Void

    /// Set once, before any work starts, by ``install(_:)``.
    nonisolated(unsafe) private(set) static var observer: Observer?

    /// Installs `observer` for the rest of the process; call it before starting any work.
    public static func install(_ observer: Observer?) { self.observer = observer }
}
