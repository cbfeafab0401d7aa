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
/// writers do so that links to it keep working).
let oldTitle = original.split(separator: "\n").first { $0.hasPrefix("title: ") }.map { String($0.dropFirst(7)) } ?? ""
let edits: [(kind: String, apply: (Int) -> String)] = [
    ("body", { run in original + "\nEdit \(run) mentions the \(other).\n" }),
    ("summary", { run in original.replacingOccurrences(of: "\ntitle: ", with: "\nsummary: Edited summary number \(run).\ntitle: ") }),
    ("title", { run in
        let renamed = "title: Renamed \(run) \(oldTitle)\n"
        var text = original.replacingOccurrences(of: "title: \(oldTitle)\n", with: renamed)
        if text.contains("aliases: [") {
            text = text.replacingOccurrences(of: "aliases: [", with: "aliases: [\(oldTitle), ")
        } else {
            text = text.replacingOccurrences(of: renamed, with: renamed + "aliases: [\(oldTitle)]\n")
        }
        return text
    }),
]

let session = BuildSession(options: BuildOptions(root: root, output: served))
let (first, firstSeconds) = seconds { session.build() }
guard first.wrote else {
    FileHandle.standardError.write(Data("the first build failed\n".utf8))
    exit(1)
}
say("first build (full, in the session): \(String(format: "%.3f", firstSeconds)) s, \(first.pageCount) pages")
for edit in edits {
    for run in 1...runs {
        try edit.apply(run).write(to: file, atomically: true, encoding: .utf8)
        let (result, incremental) = seconds { session.build(changed: [relative]) }
        try? FileManager.default.removeItem(at: fresh)
        let (full, fullSeconds) = seconds { SiteBuilder.build(BuildOptions(root: root, output: fresh)) }
        let steps = result.timings.map { String(format: "%@ %.1f", $0.step, $0.seconds * 1000) }.joined(separator: ", ")
        say("edit \(edit.kind) \(run): incremental \(String(format: "%.4f", incremental)) s, full \(String(format: "%.3f", fullSeconds)) s, ratio \(String(format: "%.3f", incremental / fullSeconds)), wrote \(result.wrote && full.wrote) [\(steps) ms]")
        // Wait for the script to compare served and fresh.
        _ = readLine()
    }
    try original.write(to: file, atomically: true, encoding: .utf8)
    _ = session.build(changed: [relative])
}
