import Foundation

/// A `loysite` process left running (for `serve`), its output going to files that the
/// test can wait on. Always `stop()` it: a test must not leave a server behind.
public final class RunningLoysite {
    public let process: Process
    let folder: URL
    let outURL: URL
    let errURL: URL
    private let out: FileHandle
    private let err: FileHandle

    init(arguments: [String], directory: URL?) throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-running-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        outURL = folder.appendingPathComponent("out")
        errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        out = try FileHandle(forWritingTo: outURL)
        err = try FileHandle(forWritingTo: errURL)
        process = Process()
        process.executableURL = LoysiteBinary.url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    public var stdout: String { (FileManager.default.contents(atPath: outURL.path)).map { String(decoding: $0, as: UTF8.self) } ?? "" }
    public var stderr: String { (FileManager.default.contents(atPath: errURL.path)).map { String(decoding: $0, as: UTF8.self) } ?? "" }

    /// Waits until standard output (or error, with `inStandardError`) contains `text`,
    /// or the process ends, or the timeout passes; returns whether it was found.
    @discardableResult
    public func waitForOutput(_ text: String, inStandardError: Bool = false, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (inStandardError ? stderr : stdout).contains(text) { return true }
            if !process.isRunning { return (inStandardError ? stderr : stdout).contains(text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// The port `loysite serve` printed in `Serving … at http://127.0.0.1:PORT/`.
    public func servingPort(timeout: TimeInterval = 20) -> Int? {
        guard waitForOutput("Serving ", timeout: timeout) else { return nil }
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline {
            let text = stdout
            if let range = text.range(of: #"http://127\.0\.0\.1:([0-9]+)/"#, options: .regularExpression) {
                let match = text[range].dropFirst("http://127.0.0.1:".count).dropLast()
                return Int(match)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Sends `signal` (SIGINT, like Ctrl-C, by default) and waits up to `timeout` for the
    /// process to end; returns its exit status, or nil if it had to be killed.
    @discardableResult
    public func interrupt(_ signal: Int32 = SIGINT, timeout: TimeInterval = 10) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// Ends the process if it still runs (SIGTERM, then SIGKILL) and closes the files.
    public func stop() {
        if process.isRunning { interrupt(SIGTERM, timeout: 5) }
        try? out.close()
        try? err.close()
    }
}

extension LoysiteBinary {
    /// Starts `loysite arguments…` without waiting for it (for `serve`).
    public static func start(_ arguments: [String], in directory: URL? = nil) throws -> RunningLoysite {
        try RunningLoysite(arguments: arguments, directory: directory)
    }
}
