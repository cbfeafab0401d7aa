import Foundation
import LoysiteSupport
import Yams

/// A parsed YAML mapping whose keys are matched case-insensitively (`Title:` is `title:`,
/// as in Hugo) and whose every value knows its line and column in the file, so that each
/// complaint about a value points at that value.
package struct YAMLDocument {
    package struct Entry {
        /// The key as written.
        package var key: String
        package var value: Node
        package var keyLocation: SourceLocation
        package var valueLocation: SourceLocation
    }

    /// Entries in file order.
    package private(set) var entries: [Entry] = []
    /// Where the block (or, in a list, the item) starts, for problems with all of it.
    package var location: SourceLocation
    /// Where the YAML text starts: YAML marks count from here.
    private var origin: SourceLocation

    /// Parses `yaml`, which starts on line `firstLine` of `path`. An empty text is an
    /// empty mapping. A YAML syntax error, or a document that is not a mapping, is
    /// returned as a diagnostic at the offending line of the file.
    package static func parse(_ yaml: String, path: String, firstLine: Int, columnOffset: Int = 0) -> Result<YAMLDocument, Diagnostic> {
        let start = SourceLocation(file: path, line: firstLine, column: 1 + columnOffset)
        if yaml.contains("\t") {
            // libyaml's own message for a tab ("found character that cannot start any
            // token") puzzles people; say what is wrong, where.
            for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let indent = line.prefix { $0 == " " || $0 == "\t" }
                if let tab = indent.firstIndex(of: "\t") {
                    let column = line.distance(from: line.startIndex, to: tab) + 1
                    return .failure(.error("tab character in YAML indentation; indent with spaces", at: SourceLocation(file: path, line: firstLine + index, column: column + columnOffset)))
                }
            }
        }
        let node: Node?
        switch compose(yaml, path: path, firstLine: firstLine, columnOffset: columnOffset) {
        case .success(let value): node = value
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        var document = YAMLDocument(location: start)
        guard let node else { return .success(document) }
        if let tooLarge = checkExpansion(node, textBytes: yaml.utf8.count, location: start) { return .failure(tooLarge) }
        guard case .mapping(let mapping) = node else {
            return .failure(.error("expected a YAML mapping of `key: value` lines, found \(node.kindDescription)", at: document.locate(node)))
        }
        document.read(mapping)
        return .success(document)
    }

    /// Parses a block that holds one mapping or a list of mappings (several metric
    /// tiles in one block, say): one document per mapping.
    package static func parseList(_ yaml: String, path: String, firstLine: Int, columnOffset: Int = 0) -> Result<[YAMLDocument], Diagnostic> {
        guard yaml.trimmingWhitespace().hasPrefix("-") else {
            return parse(yaml, path: path, firstLine: firstLine, columnOffset: columnOffset).map { [$0] }
        }
        let start = SourceLocation(file: path, line: firstLine, column: 1 + columnOffset)
        let node: Node?
        switch compose(yaml, path: path, firstLine: firstLine, columnOffset: columnOffset) {
        case .success(let value): node = value
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let outer = YAMLDocument(location: start)
        guard case .sequence(let items)? = node else { return .success([]) }
        if let tooLarge = checkExpansion(.sequence(items), textBytes: yaml.utf8.count, location: start) { return .failure(tooLarge) }
        var documents: [YAMLDocument] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                return .failure(.error("expected each list item to be a mapping of `key: value` pairs, found \(item.kindDescription)", at: outer.locate(item)))
            }
            var document = YAMLDocument(location: start)
            document.read(mapping)
            document.location = outer.locate(item)
            documents.append(document)
        }
        return .success(documents)
    }

    /// Parses YAML text into a node tree, turning a syntax error into a diagnostic at
    /// its line in the file.
    private static func compose(_ yaml: String, path: String, firstLine: Int, columnOffset: Int) -> Result<Node?, Diagnostic> {
        do {
            return .success(try Yams.compose(yaml: yaml, .default, .default, .utf8))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, firstLine: firstLine, columnOffset: columnOffset, yaml: yaml))
        } catch {
            return .failure(.error("invalid YAML: \(error)", at: SourceLocation(file: path, line: firstLine, column: 1 + columnOffset)))
        }
    }

    private mutating func read(_ mapping: Node.Mapping) {
        for (key, value) in mapping {
            let name = key.string ?? ""
            entries.append(Entry(key: name, value: value, keyLocation: locateFromStart(key), valueLocation: locateFromStart(value)))
        }
        indexKeys()
    }

    private init(location: SourceLocation) {
        self.location = location
        self.origin = location
    }

    /// A document of values read from another format (TOML, JSON front matter), each
    /// entry with its own locations; nodes inside entries have no marks, so problems
    /// with them are reported at `location`.
    init(entries: [Entry], location: SourceLocation) {
        self.init(location: location)
        self.entries = entries
        indexKeys()
    }

    /// The entry for `key` (lower-case), compared case-insensitively; the last one wins
    /// if repeated.
    package subscript(key: String) -> Entry? {
        lastEntryByKey[key].map { entries[$0] }
    }

    /// Each lower-cased key's last entry: every page asks for each field it reads.
    private var lastEntryByKey: [String: Int] = [:]

    private mutating func indexKeys() {
        lastEntryByKey.removeAll(keepingCapacity: true)
        for (index, entry) in entries.enumerated() { lastEntryByKey[entry.key.lowercased()] = index }
    }

    /// The file location of a node of this document.
    package func locate(_ node: Node) -> SourceLocation {
        locateFromStart(node)
    }

    private func locateFromStart(_ node: Node) -> SourceLocation {
        guard let mark = node.mark, let line = origin.line else { return origin }
        return SourceLocation(file: origin.file, line: line + mark.line - 1, column: mark.column + (origin.column ?? 1) - 1)
    }

    static func diagnostic(for error: YamlError, path: String, firstLine: Int, columnOffset: Int, yaml: String) -> Diagnostic {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        // libyaml counts a text ending in a line break as having one more, empty line and
        // puts "end of stream" there; the file has no such line when its last line has no
        // line break, so such a mark goes to the end of the last real line.
        let lastLine = max(1, yaml.hasSuffix("\n") ? lines.count - 1 : lines.count)
        func at(_ mark: Mark) -> SourceLocation {
            var line = max(1, mark.line), column = max(1, mark.column)
            if line > lastLine {
                line = lastLine
                column = (lines.indices.contains(line - 1) ? lines[line - 1].count : 0) + 1
            }
            return SourceLocation(file: path, line: firstLine + line - 1, column: column + columnOffset)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return .error("invalid YAML: lists or mappings nested too deeply", at: at(mark))
            }
            // Something left open (a quote, a bracket) is reported by libyaml where the text
            // ends; the place to fix is where it was opened.
            if problem.contains("end of stream") || mark.line > lastLine, let context, context.mark.line >= 1 {
                return .error("invalid YAML: \(openedConstruct(context.text)) opened here is never closed", at: at(context.mark))
            }
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .error(message, at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, _):
            return .error("invalid YAML: duplicate keys \(duplicates.joined(separator: ", "))", at: SourceLocation(file: path, line: firstLine, column: 1))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: path, line: firstLine, column: 1))
        }
    }

    /// What libyaml's context ("while scanning a quoted scalar") says was left open.
    static func openedConstruct(_ context: String) -> String {
        if context.contains("quoted scalar") { return "quoted text" }
        if context.contains("flow sequence") { return "the list '['" }
        if context.contains("flow mapping") { return "the mapping '{'" }
        return context.replacingOccurrences(of: "while ", with: "")
    }

    /// The fewest values a document may always expand to. Aliases (`*a`) repeat what
    /// their anchor holds without copying it, so a few lines can stand for billions of
    /// values ("a billion laughs"); reading them all would hang the build or exhaust memory.
    static let expandedValueLimit = 100_000

    /// The most values a text of `textBytes` bytes may expand to: `expandedValueLimit`,
    /// or two per byte of a longer text. A document without aliases stays below two
    /// values per byte (a value takes at least one byte, and at most one empty value is
    /// implied beside it), so only aliases can pass this, while a long list written out
    /// in full (100,000 names of a term, one per line, once refused as "aliases expand")
    /// is read: its cost is linear in the text, which the YAML size limit bounds.
    static func expansionBudget(textBytes: Int) -> Int {
        max(expandedValueLimit, 2 * textBytes)
    }

    /// Rejects a document whose aliases expand past `expansionBudget` values.
    static func checkExpansion(_ node: Node, textBytes: Int, location: SourceLocation) -> Diagnostic? {
        let limit = expansionBudget(textBytes: textBytes)
        var budget = limit
        guard node.fitsExpansion(budget: &budget) else {
            return .error("invalid YAML: its aliases expand to more than \(limit) values", at: location)
        }
        return nil
    }
}

extension Node {
    /// Counts this value and everything inside it, aliases expanded, against `budget`;
    /// false as soon as it runs out (so counting itself stays cheap).
    func fitsExpansion(budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch self {
        case .scalar, .alias: return true
        case .sequence(let sequence):
            for item in sequence where !item.fitsExpansion(budget: &budget) { return false }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping where !key.fitsExpansion(budget: &budget) || !value.fitsExpansion(budget: &budget) { return false }
            return true
        }
    }

    /// "a list", "a mapping", "the text 'x'": for messages about wrong types.
    package var kindDescription: String {
        switch self {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The scalar's text, or nil for lists and mappings. A YAML null (`~`, empty) is nil.
    package var scalarText: String? {
        guard case .scalar(let scalar) = self else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }
}
