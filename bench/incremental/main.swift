// Incremental rebuild benchmark (bench/site-incremental.sh builds and runs it).
//
//   IncrementalBench ROOT [RUNS]
//
// ROOT is a throwaway copy of a site (its content is edited). A BuildSession builds it
// into ROOT/../served; then, RUNS times for each kind of edit of one term, the edit is
// made, the session rebuilds (told which file changed, as serve's watcher does) and the
// time is taken, and a fresh full build of the edited content goes to ROOT/../fresh and
// is timed too. The script compares served and fresh byte for byte after each edit.
import Foundation
import LoysiteBuild

/// Line-buffered output: the script reads each line as it comes.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: IncrementalBench ROOT [RUNS]\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let served = root.deletingLastPathComponent().appendingPathComponent("served")
let fresh = root.deletingLastPathComponent().appendingPathComponent("fresh")

func seconds(_ body: () -> BuildResult) -> (BuildResult, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

// The term in the middle of the glossary, by file name.
let glossary = root.appendingPathComponent("content/glossary")
let names = try FileManager.default.contentsOfDirectory(atPath: glossary.path).filter { $0.hasSuffix(".md") }.sorted()
let name = names[names.count / 2]
let relative = "content/glossary/" + name
let file = glossary.appendingPathComponent(name)
let original = try String(contentsOf: file, encoding: .utf8)
let other = names[names.count / 3].dropLast(3).split(separator: "-").joined(separator: " ")

/// Edits of one term: its body (a new sentence that mentions another term, so
/// backlinks change too), its summary, its title (the old one kept as an alias, as
/// writers do so that links to it keep working), its aliases, its related terms; then a
/// new term (mentioning another) added, and deleted again. Each returns the path it
/// changed, for the session's hint.
let oldTitle = original.split(separator: "\n").first { $0.hasPrefix("title: ") }.map { String($0.dropFirst(7)) } ?? ""
let otherSlug = String(names[names.count / 3].dropLast(3))
func rewrite(_ text: String) throws -> String {
    try text.write(to: file, atomically: true, encoding: .utf8)
    return relative
}
func withAliases(_ text: String, _ added: String) -> String {
    if text.contains("aliases: [") { return text.replacingOccurrences(of: "aliases: [", with: "aliases: [\(added), ") }
    return text.replacingOccurrences(of: "title: \(oldTitle)\n", with: "title: \(oldTitle)\naliases: [\(added)]\n")
}
let added = { (run: Int) in "content/glossary/zz-bench-added-\(run).md" }
func writeAdded(_ run: Int) throws -> String {
    try "---\ntitle: Bench added term \(run)\nsummary: Added by the benchmark.\n---\nIt mentions the \(other).\n"
        .write(to: root.appendingPathComponent(added(run)), atomically: true, encoding: .utf8)
    return added(run)
}
let edits: [(kind: String, apply: (Int) throws -> String, restore: (Int) throws -> String)] = [
    ("body", { run in try rewrite(original + "\nEdit \(run) mentions the \(other).\n") }, { _ in try rewrite(original) }),
    ("summary", { run in try rewrite(original.replacingOccurrences(of: "\ntitle: ", with: "\nsummary: Edited summary number \(run).\ntitle: ")) },
     { _ in try rewrite(original) }),
    ("title", { run in
        let renamed = "title: Renamed \(run) \(oldTitle)\n"
        var text = original.replacingOccurrences(of: "title: \(oldTitle)\n", with: renamed)
        if text.contains("aliases: [") {
            text = text.replacingOccurrences(of: "aliases: [", with: "aliases: [\(oldTitle), ")
        } else {
            text = text.replacingOccurrences(of: renamed, with: renamed + "aliases: [\(oldTitle)]\n")
        }
        return try rewrite(text)
    }, { _ in try rewrite(original) }),
    ("alias", { run in try rewrite(withAliases(original, "Bench alias \(run)")) }, { _ in try rewrite(original) }),
    ("related", { _ in
        let text = original.contains("related: [") ? original.replacingOccurrences(of: "related: [", with: "related: [\(otherSlug), ")
            : original.replacingOccurrences(of: "title: \(oldTitle)\n", with: "title: \(oldTitle)\nrelated: [\(otherSlug)]\n")
        return try rewrite(text)
    }, { _ in try rewrite(original) }),
    ("add", { run in try writeAdded(run) }, { run in added(run) }),
    // The terms the adds made, deleted (a term others link to by wikilink cannot go
    // without breaking the build).
    ("delete", { run in
        try FileManager.default.removeItem(at: root.appendingPathComponent(added(run)))
        return added(run)
    }, { run in added(run) }),
]

// For profiling one kind of rebuild: `EDITS=summary,title` runs only those, and
// `FULL=0` leaves out the full builds (nothing to compare then: the script is not used).
let onlyEdits = ProcessInfo.processInfo.environment["EDITS"].map { Set($0.split(separator: ",").map(String.init)) }
let withFullBuilds = ProcessInfo.processInfo.environment["FULL"] != "0"

// `PAUSE=0.5` waits that long before each rebuild, as an editor's saves come apart
// (back to back, a rebuild finds the last one's data still in the caches).
let pauseSeconds = ProcessInfo.processInfo.environment["PAUSE"].flatMap(Double.init)
// `BASE_URL=/` builds as `serve` does (its pages are made for the preview's root).
let baseURL = ProcessInfo.processInfo.environment["BASE_URL"]
let session = BuildSession(options: BuildOptions(root: root, output: served, baseURL: baseURL))
let (first, firstSeconds) = seconds { session.build() }
guard first.wrote else {
    FileHandle.standardError.write(Data("the first build failed\n".utf8))
    exit(1)
}
say("first build (full, in the session): \(String(format: "%.3f", firstSeconds)) s, \(first.pageCount) pages")
for edit in edits where onlyEdits?.contains(edit.kind) ?? true {
    for run in 1...runs {
        // Deleting needs the term the add made: run without the adds (`EDITS=delete`),
        // it is added first, untimed.
        if edit.kind == "delete", !FileManager.default.fileExists(atPath: root.appendingPathComponent(added(run)).path) {
            _ = session.build(changed: [try writeAdded(run)])
        }
        let path = try edit.apply(run)
        if let pause = pauseSeconds { Thread.sleep(forTimeInterval: pause) }
        let (result, incremental) = seconds { session.build(changed: [path]) }
        guard withFullBuilds else {
            let steps = result.timings.map { String(format: "%@ %.1f", $0.step, $0.seconds * 1000) }.joined(separator: ", ")
            say("edit \(edit.kind) \(run): incremental \(String(format: "%.4f", incremental)) s [\(steps) ms]")
            _ = session.build(changed: [try edit.restore(run)])
            continue
        }
        try? FileManager.default.removeItem(at: fresh)
        let (full, fullSeconds) = seconds { SiteBuilder.build(BuildOptions(root: root, output: fresh)) }
        let steps = result.timings.map { String(format: "%@ %.1f", $0.step, $0.seconds * 1000) }.joined(separator: ", ")
        let kind = result.renderedPageCount == nil ? "full rebuild" : "\(result.renderedPageCount!) pages rendered"
        say("edit \(edit.kind) \(run): incremental \(String(format: "%.4f", incremental)) s, full \(String(format: "%.3f", fullSeconds)) s, ratio \(String(format: "%.3f", incremental / fullSeconds)), wrote \(result.wrote && full.wrote), \(kind) [\(steps) ms]")
        // Wait for the script to compare served and fresh.
        _ = readLine()
        // Each run starts from the original content.
        _ = session.build(changed: [try edit.restore(run)])
    }
}
