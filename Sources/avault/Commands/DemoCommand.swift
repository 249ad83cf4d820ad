import AppraisalVault
import ArgumentParser

/// `avault demo`: the whole sample round end to end with the published demo keys.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: Terminal.localized(.demoAbstract))

    @Option(help: ArgumentHelp(Terminal.localized(.demoHelpDir), valueName: "dir"))
    var dir: String = "demo-round"

    @Option(help: ArgumentHelp(Terminal.localized(.demoHelpSamples), valueName: "dir"))
    var samples: String = "samples"

    @Option(help: ArgumentHelp(Terminal.localized(.demoHelpKeys), valueName: "dir"))
    var keys: String = "keys"

    func run() throws {
        let html = try DemoRound.run(directory: dir, samples: samples, keys: keys) { Terminal.out(Terminal.text($0)) }
        Terminal.say(.demoDone, [html])
    }
}
