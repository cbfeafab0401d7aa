import Foundation
import LoysiteTesting
import Testing
import Yams

/// docs/examples/github-actions.yml is valid YAML of the shape GitHub Actions runs, and
/// every `loysite` command in it works, run here against a real site in the order the
/// workflow runs them.
@Suite struct CIRecipeTests {
    static let workflowURL = Repository.root.appendingPathComponent("docs/examples/github-actions.yml")

    struct Step {
        var name: String?
        var uses: String?
        var run: String?
    }

    /// The workflow's jobs (name → steps), read with a YAML parser.
    func jobs() throws -> (top: [String: Node], jobs: [String: [Step]]) {
        let text = try String(contentsOf: Self.workflowURL, encoding: .utf8)
        let root = try #require(try Yams.compose(yaml: text))
        let top = try #require(Self.strings(root))
        let jobsNode = try #require(top["jobs"].flatMap(Self.strings))
        var jobs: [String: [Step]] = [:]
        for (name, job) in jobsNode {
            let fields = try #require(Self.strings(job), "job \(name) is not a mapping")
            #expect(fields["runs-on"]?.string != nil, "job \(name) has no runs-on")
            let steps = try #require(fields["steps"]?.sequence, "job \(name) has no steps")
            jobs[name] = try steps.map { node in
                let step = try #require(Self.strings(node), "a step of \(name) is not a mapping")
                #expect((step["uses"] == nil) != (step["run"] == nil), "each step has either uses or run")
                return Step(name: step["name"]?.string, uses: step["uses"]?.string, run: step["run"]?.string)
            }
        }
        return (top, jobs)
    }

    /// A mapping's entries by key text (so `on`, which YAML 1.1 reads as true, keeps its name).
    static func strings(_ node: Node) -> [String: Node]? {
        guard let mapping = node.mapping else { return nil }
        var result: [String: Node] = [:]
        for (key, value) in mapping { if let text = key.scalar?.string { result[text] = value } }
        return result
    }

    /// The `loysite …` command lines of a `run:` script, split into words as a shell
    /// would (double quotes grouped), GitHub expressions replaced by a sample value.
    static func loysiteCommands(in script: String) -> [[String]] {
        var commands: [[String]] = []
        for line in script.split(separator: "\n") {
            let words = shellWords(String(line))
            var index = 0
            while index < words.count {
                // A command starts a line or follows a separator (so `--product loysite` is no command).
                let startsCommand = index == 0 || ["&&", "||", ";", "|"].contains(words[index - 1])
                if startsCommand, words[index] == "loysite" || words[index].hasSuffix("/loysite") {
                    var arguments: [String] = []
                    index += 1
                    while index < words.count, !["&&", "||", ";", "|"].contains(words[index]) {
                        arguments.append(words[index].contains("${{") ? "https://example.github.io/loyalty/" : words[index])
                        index += 1
                    }
                    commands.append(arguments)
                }
                index += 1
            }
        }
        return commands
    }

    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var inWord = false
        for character in line {
            if character == "\"" { quoted.toggle(); inWord = true; continue }
            if character == " " && !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
                continue
            }
            current.append(character)
            inWord = true
        }
        if inWord { words.append(current) }
        return words
    }

    @Test func isAWorkflowGitHubCanRun() throws {
        let (top, jobs) = try jobs()
        let triggers = try #require(top["on"].flatMap(Self.strings))
        #expect(Set(triggers.keys).isSuperset(of: ["push", "pull_request", "schedule"]))
        #expect(Set(jobs.keys) == ["check", "dashboard"])
        let dashboard = try #require(jobs["dashboard"])
        let uses = dashboard.compactMap(\.uses)
        #expect(uses.contains { $0.hasPrefix("actions/checkout@") })
        #expect(uses.contains { $0.hasPrefix("actions/upload-pages-artifact@") })
        #expect(uses.contains { $0.hasPrefix("actions/deploy-pages@") })
        // The product it builds is the one Package.swift declares.
        let manifest = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".executable(name: \"loysite\""))
        #expect(dashboard.contains { $0.run == "swift build -c release --product loysite" })
        // Build before upload, upload before publish, alerts last: the dashboard is
        // published even when an alert fires, and the run still fails.
        let names = dashboard.map { $0.name ?? $0.uses ?? "" }
        let order = ["Build the dashboard", "Upload site/", "Publish", "Fail on fired alerts"].map { names.firstIndex(of: $0) }
        #expect(order.allSatisfy { $0 != nil }, "\(names)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        let docs = try String(contentsOf: Repository.root.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        #expect(docs.contains("examples/github-actions.yml"))
    }

    @Test func everyLoysiteCommandInItRunsOnARealSite() throws {
        let (_, jobs) = try jobs()
        let commands = jobs.keys.sorted().flatMap { name in jobs[name]!.compactMap(\.run).flatMap(Self.loysiteCommands) }
        #expect(commands.map { $0.first } == ["check", "build", "check"], "\(commands)")
        let site = try TemporarySite([
            "content/site.yml": "title: Loyalty\nalerts:\n  - {data: nps-responses, value: nps, period: last, below: 0}\n",
            "content/data/nps-responses.yml": "kind: responses\n",
            "content/data/nps-responses.csv": "date,score\n2026-01-03,10\n2026-01-04,9\n2026-02-01,10\n2026-02-02,3\n",
            "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score"),
        ])
        defer { site.remove() }
        for arguments in commands {
            let run = try LoysiteBinary.run(arguments, in: site.root)
            #expect(run.status == 0, "loysite \(arguments.joined(separator: " ")): \(run.stderr)")
        }
        #expect(site.read("site/index.html")?.contains("https://example.github.io/loyalty/") == true)
        // With an alert that fires, the build still publishes and the last step fails.
        try site.write("content/site.yml", "title: Loyalty\nalerts:\n  - {data: nps-responses, value: nps, period: last, below: 50}\n")
        let results = try commands.map { try LoysiteBinary.run($0, in: site.root).status }
        #expect(results == [1, 0, 1])
        #expect(site.read("site/index.html")?.contains("nps of nps-responses (2026-02, partial: 2 of 28 days) is 0, below 50") == true)
    }

    @Test func shellWordsGroupQuotes() {
        #expect(Self.shellWords(#".build/release/loysite build --base-url "${{ x }}" && echo"#) == [".build/release/loysite", "build", "--base-url", "${{ x }}", "&&", "echo"])
        #expect(Self.loysiteCommands(in: "cd x && ./loysite check --strict\nloysite build") == [["check", "--strict"], ["build"]])
        #expect(Self.loysiteCommands(in: "swift build --product loysite") == [])
    }
}
