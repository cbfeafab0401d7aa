import Foundation

/// The folders a build writes beside the output before swapping it in:
/// `.<output>.loysite-new-<pid>` (the new site being written) and
/// `.<output>.loysite-old-<pid>` (the old site set aside, only where the swap needs two
/// renames). Naming them by process lets the next build tell a folder left by a build
/// that was killed from one that another build is still writing. The site a swap
/// replaced is kept as `.<output>.loysite-spare` for the next build to write over
/// (`RecycledSite`); it belongs to no process.
struct StagingFolders {
    let output: URL
    let pid: Int32

    init(output: URL, pid: Int32 = getpid()) {
        self.output = output
        self.pid = pid
    }

    var parent: URL { output.deletingLastPathComponent() }
    var newSite: URL { parent.appendingPathComponent(".\(output.lastPathComponent).loysite-new-\(pid)") }
    var oldSite: URL { parent.appendingPathComponent(".\(output.lastPathComponent).loysite-old-\(pid)") }
    var spareSite: URL { parent.appendingPathComponent(".\(output.lastPathComponent).loysite-spare") }

    /// Staging folders of `output` left by processes that no longer run, by kind.
    func leftovers() -> [(url: URL, isOldSite: Bool, pid: Int32)] {
        let prefix = ".\(output.lastPathComponent).loysite-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var result: [(URL, Bool, Int32)] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let isOld = rest.hasPrefix("old-")
            guard isOld || rest.hasPrefix("new-"), let owner = Int32(rest.dropFirst(4)), owner != pid, !StagingFolders.isRunning(owner) else { continue }
            result.append((parent.appendingPathComponent(name), isOld, owner))
        }
        return result
    }

    /// Cleans up after builds that were killed: a set-aside old site whose swap never
    /// finished goes back in place if the output is missing (the only moment a two-rename
    /// swap can leave no site); every other leftover folder is deleted.
    func recover() {
        let manager = FileManager.default
        for leftover in leftovers() {
            if leftover.isOldSite, !StagingFolders.exists(output) {
                if (try? DirectorySwap.rename(leftover.url, to: output)) != nil { continue }
            }
            try? manager.removeItem(at: leftover.url)
        }
    }

    /// Whether a process with this id exists (a live process we may not signal counts).
    /// A zombie does not: a build killed by its parent stays one until the parent
    /// collects it, and a build started meanwhile must still recover its site.
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        return !isZombie(pid)
    }

    /// Linux: the state letter in /proc/PID/stat, after the parenthesised command name.
    static func isZombie(_ pid: Int32) -> Bool {
        #if os(Linux)
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
              let close = data.lastIndex(of: UInt8(ascii: ")")), close + 2 < data.endIndex else { return false }
        let state = data[close + 2]
        return state == UInt8(ascii: "Z") || state == UInt8(ascii: "X")
        #else
        return false
        #endif
    }

    /// Whether anything (a folder, a file, a dangling link) is at `url`.
    static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }
}
