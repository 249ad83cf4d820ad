import AppraisalVault
import ArgumentParser

/// `avault demo`: the whole sample round end to end with the published demo keys.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: Terminal.localized(.demoAbstract))

    @Option(help: ArgumentHelp(Terminal.localized(.demoHelpDir), valueName: "dir"))
    var dir: String = "demo-round"

    @Option(help: ArgumentHelp(Terminal.localized(.demoHelpSamples), valueName: "dir"))
    var samples: String?

    @Option(help: ArgumentHelp(Terminal.localized(.demoHelpKeys), valueName: "dir"))
    var keys: String?

    func run() throws {
        // The copies built into avault for a folder not given: the demo runs from any folder.
        let builtIn = samples != nil && keys != nil ? nil : try BuiltInDemoFiles()
        defer { builtIn?.remove() }
        let html = try DemoRound.run(
            directory: dir, samples: samples ?? builtIn!.samples, keys: keys ?? builtIn!.keys
        ) { Terminal.out(Terminal.text($0)) }
        Terminal.say(.demoDone, [html])
    }
}
