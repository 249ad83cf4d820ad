import AppraisalVault

/// The texts of the progress line: sizes in binary units with one decimal ("1,0 GiB" in
/// Vietnamese, "1.0 GiB" in English), durations, and the whole line.
enum ProgressText {
    /// `bytes` in B, KiB, MiB, GiB or TiB: whole bytes below 1 KiB, else one decimal, rounded.
    static func size(_ bytes: Int, in language: Language) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(max(bytes, 0)) B" }
        var unit = 1024
        var index = 0
        while index < units.count - 1, bytes >= unit * 1024 - unit / 20 { (unit, index) = (unit * 1024, index + 1) }
        let tenths = (bytes * 10 + unit / 2) / unit
        return Terminal.decimal("\(tenths / 10).\(tenths % 10)", in: language) + " " + units[index]
    }

    /// `seconds` as "6 s", "2 min 05 s" or "1 h 02 min".
    static func duration(_ seconds: Int, in language: Language) -> String {
        let s = max(seconds, 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(two(s % 60)) s" }
        return "\(s / 3600) h \(two(s / 60 % 60)) min"
    }

    /// "NAME: 42 % · 430.1 MiB / 1.0 GiB · 95.3 MiB/s · 6 s left"; the rate and time left once
    /// half a second has passed.
    static func line(name: String, done: Int, total: Int, elapsed: Double, in language: Language) -> String {
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        var rate = "…"
        var left = "…"
        if elapsed >= 0.5, done > 0 {
            let perSecond = Double(done) / elapsed
            rate = size(Int(perSecond), in: language)
            left = duration(Int((Double(max(total - done, 0)) / perSecond).rounded(.up)), in: language)
        }
        return MessageID.progressLine.render(
            [name, String(percent), size(done, in: language), size(total, in: language), rate, left], in: language)
    }
}
