internal import Foundation

/// The PDF form of the official document: the HTML page printed by headless Chromium
/// (docs/report.md). Chromium is a run-time tool, not a build dependency; without it the
/// format is refused with the Debian package to install.
extension ResultsReport {
    /// Program names tried on `PATH`, in order.
    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome"]

    /// How long Chromium may take to print before it is stopped.
    static let chromiumTimeout: TimeInterval = 120

    /// The first of `names` that is an executable file in one of `path`'s folders.
    static func findProgram(_ names: [String], path: String) -> String? {
        for name in names {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The official document (``html()``) printed to PDF by headless Chromium found on `PATH`.
    ///
    /// The page is written to a private temporary folder (mode 700), printed there and removed.
    /// - Throws: ``ReleaseError`` `report.pdf-no-chromium` when no Chromium is on `PATH`,
    ///   `report.pdf-failed` when it fails, times out or prints something that is not a PDF.
    public func pdf() throws -> [UInt8] {
        let environment = ProcessInfo.processInfo.environment
        guard let chromium = ResultsReport.findProgram(ResultsReport.chromiumNames, path: environment["PATH"] ?? "")
        else {
            throw ReleaseError(
                .pdfNoChromium, [.text(ResultsReport.chromiumNames.joined(separator: ", "))],
                hint: ErrorHint(.installChromium, [.text("chromium")]))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avault-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let pdf = folder.appendingPathComponent("report.pdf")
        try Data(html().utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--no-pdf-header-footer", "--user-data-dir=" + folder.appendingPathComponent("profile").path,
            "--print-to-pdf=" + pdf.path, page.absoluteString,
        ]
        var env = environment
        env["HOME"] = folder.path
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw ReleaseError(.pdfFailed, [.file(chromium), .text("\(error)")]) }
        let deadline = Date().addingTimeInterval(ResultsReport.chromiumTimeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw ReleaseError(.pdfFailed, [.file(chromium), .text("timeout")])
        }
        let bytes = (try? Data(contentsOf: pdf)).map(Array.init) ?? []
        guard process.terminationStatus == 0, bytes.starts(with: Array("%PDF-".utf8)) else {
            throw ReleaseError(.pdfFailed, [.file(chromium), .text("exit \(process.terminationStatus)")])
        }
        return bytes
    }
}
