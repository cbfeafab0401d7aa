#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The few file-system calls a build makes thousands of times, straight on POSIX: with
/// Foundation each file cost URL objects, resource-value lookups and, for writes, a
/// temporary file and a rename, together a quarter of a 10,000-term build.
package enum FileSystem {
    /// Regular files below `folder` (not following symbolic links, not entering or
    /// listing hidden names), as paths relative to it (`a.md`, `sub/b.md`), unsorted;
    /// the same files `FileManager`'s enumerator with `.skipsHiddenFiles` and an
    /// `isRegularFile` check found.
    package static func regularFiles(under folder: String) -> [String] {
        var result: [String] = []
        walk(folder, relative: "", into: &result)
        return result
    }

    private static func walk(_ folder: String, relative: String, into result: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: type = UInt8(DT_REG)
                case S_IFDIR: type = UInt8(DT_DIR)
                default: continue
                }
            }
            if type == UInt8(DT_REG) {
                result.append(relativePath)
            } else if type == UInt8(DT_DIR) {
                walk(path, relative: relativePath, into: &result)
            }
        }
    }

    /// The whole file, or nil if it cannot be read.
    package static func contents(of path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return FileManager.default.contents(atPath: path)
        }
        var data = Data(count: Int(info.st_size))
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                if count == 0 { break }
                filled += count
            }
            return true
        }
        guard ok else { return nil }
        if filled < data.count { data.removeSubrange(filled...) }
        return data
    }

    /// What `write` does about the folder a file goes into.
    package enum Folders {
        /// It must exist.
        case existing
        /// Made (with every missing folder on the way, `mkdir -p`) when opening the file
        /// finds it missing.
        case createdWhenMissing
        /// Most likely new (a page's own folder in a staging site): made first, so that a
        /// new folder costs one `mkdir` rather than an `open` that fails and one more.
        case createdFirst
    }

    /// Creates (or replaces) a file with `data`; throws with the path on failure.
    package static func write(_ data: Data, to path: String, folders: Folders = .existing) throws {
        let parent = path.utf8.lastIndex(of: UInt8(ascii: "/")).flatMap { $0 > path.utf8.startIndex ? String(path[..<$0]) : nil }
        if folders == .createdFirst, let parent { try createFolder(parent) }
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == ENOENT, folders == .createdWhenMissing, let parent {
            try createFolder(parent)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw FileError.current(.write, path: path) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    /// Writes `data` over the file at `path` in place, keeping its inode and its pages,
    /// and cuts it to `data`'s length. On tmpfs this costs about half of creating a file
    /// and its folder (bench/file-writes.c). Returns false, having changed nothing, when
    /// there is no such file or it is not a plain file of its own: a symbolic link, a
    /// folder or other kind, or a file with more than one name (hard-linked into a copy
    /// elsewhere, whose content must not change with ours).
    package static func overwrite(_ data: Data, at path: String) throws -> Bool {
        // O_NONBLOCK: opening a FIFO put there meanwhile must not wait for a reader.
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ELOOP || errno == EISDIR || errno == ENXIO || errno == EACCES { return false }
            throw FileError.current(.write, path: path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else { return false }
        try writeAll(data, to: descriptor, path: path)
        guard ftruncate(descriptor, off_t(data.count)) == 0 else { throw FileError.current(.write, path: path) }
        return true
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        let failure = data.withUnsafeBytes { buffer -> Int32? in
            var written = 0
            while written < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue } else { return errno } }
                written += count
            }
            return nil
        }
        if let failure { throw FileError(.write, path: path, code: failure) }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
        #else
        return Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Deletes `path` and everything below it, not following symbolic links: files on
    /// every core, then folders from the deepest up. Best effort, like `rm -rf`.
    package static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        let tree = tree(under: path)
        let base = path + "/"
        Parallel.forEach(tree.files + tree.others) { _ = unlink(base + $0) }
        for level in tree.folderLevels.reversed() {
            Parallel.forEach(level) { _ = rmdir(base + $0) }
        }
        rmdir(path)
    }

    /// What is below a folder, by kind, as paths relative to it.
    package struct Tree: Sendable {
        package var files: [String] = []
        /// Folders by depth: `a` and `b` before `a/c`.
        package var folderLevels: [[String]] = []
        /// Symbolic links (not followed), FIFOs, sockets, devices.
        package var others: [String] = []
    }

    /// Everything below `folder`, hidden names included, not following symbolic links.
    /// The folders of one depth are listed on every core: a 10,000-page site has 10,000
    /// folders at one depth, and listing them one by one was a one-core pause.
    package static func tree(under folder: String) -> Tree {
        var tree = Tree()
        var level = [""]
        while !level.isEmpty {
            let listed = Parallel.map(level) { relative in listing(folder, relative: relative) }
            var next: [String] = []
            for part in listed {
                tree.files += part.files
                tree.others += part.others
                next += part.folderLevels.first ?? []
            }
            if !next.isEmpty { tree.folderLevels.append(next) }
            level = next
        }
        return tree
    }

    /// One folder's entries (its folders as the only level).
    private static func listing(_ root: String, relative: String) -> Tree {
        var part = Tree(folderLevels: [[]])
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(folder) else { return part }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                type = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
            }
            switch type {
            case UInt8(DT_DIR): part.folderLevels[0].append(child)
            case UInt8(DT_REG): part.files.append(child)
            default: part.others.append(child)
            }
        }
        return part
    }

    /// Creates a folder and any missing parents (`mkdir -p`).
    /// Safe to call for the same folders from several threads at once: a folder that
    /// another thread made meanwhile counts as made.
    package static func createFolder(_ path: String) throws {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash > path.utf8.startIndex else {
            throw FileError.current(.createFolder, path: path)
        }
        try createFolder(String(path[..<slash]))
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        throw FileError.current(.createFolder, path: path)
    }
}
