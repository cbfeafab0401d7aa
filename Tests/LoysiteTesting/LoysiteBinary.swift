import Foundation

/// Runs the real `loysite` executable built next to the test bundle.
public enum LoysiteBinary {
    public struct Run {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Standard error split into lines, empty lines dropped.
        public var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The products folder: where the test runner and `loysite` are built.
    public static var url: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        let candidates = [folder, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for candidate in candidates {
            let binary = candidate.appendingPathComponent("loysite")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return folder.appendingPathComponent("loysite")
    }

    /// Runs `loysite arguments…` in `directory`, waiting for it to finish.
    /// `environment` adds to (or replaces) variables of the test's own environment.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Output goes to files, not pipes: a full pipe can never block the child.
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = FileManager.default.contents(atPath: outURL.path) ?? Data()
        let errData = FileManager.default.contents(atPath: errURL.path) ?? Data()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
