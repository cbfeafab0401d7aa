import Foundation

/// A site root in a fresh temporary folder, filled with the given files, removed on
/// `remove()`. Paths are relative to the root: `"content/glossary/nps.md"`.
public struct TemporarySite {
    public let root: URL

    public init(_ files: [String: String] = [:]) throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-test-\(UUID().uuidString)")
        root = base
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, data: Data(text.utf8))
    }

    public func write(_ path: String, data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Every file below `folder`, relative to it, sorted.
    public func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder).standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A minimal glossary term file.
    public static func term(_ title: String, _ extra: String = "", body: String = "A definition.") -> String {
        "---\ntitle: \(title)\n\(extra)---\n\(body)\n"
    }
}

/// Where the repository and the shared data beside it are, for tests on real content.
public enum Repository {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    /// `../shared/data/<path>` beside the repository (real data nobody on the team wrote).
    public static func sharedData(_ path: String) -> URL {
        root.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(path)
    }
}
