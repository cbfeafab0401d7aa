import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport
import Testing

/// A throwaway site root with files under `content/data/`, removed when released.
final class DatasetsFixture {
    let root: URL

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("loysite-datasets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var dataDirectory: URL { root.appendingPathComponent("content/data") }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: dataDirectory.appendingPathComponent(name))
    }

    func writeBytes(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: dataDirectory.appendingPathComponent(name))
    }

    func link(_ name: String, to target: URL) throws {
        try FileManager.default.createSymbolicLink(at: dataDirectory.appendingPathComponent(name), withDestinationURL: target)
    }

    /// A copy of a file from outside the root (a link to it would be refused).
    func copy(_ name: String, from source: URL) throws {
        try FileManager.default.copyItem(at: source, to: dataDirectory.appendingPathComponent(name))
    }

    func load(period: Period = .month) -> (datasets: [Dataset], diagnostics: [Diagnostic]) {
        DatasetLoader.loadAll(root: root, dataDirectory: dataDirectory, defaultPeriod: period)
    }

    /// The one dataset, and the diagnostics as printed.
    func loadOne(period: Period = .month) throws -> (dataset: Dataset, messages: [String]) {
        let result = load(period: period)
        let dataset = try #require(result.datasets.first)
        return (dataset, Diagnostics(result.diagnostics).sorted.map(\.description))
    }
}

/// The package root (…/Tests/LoysiteContentTests/this file → …).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
