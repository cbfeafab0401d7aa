#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Opens the files a build reads by name rather than by walking a folder — datasets,
/// their sidecars, `site.yml` — only when they are what they claim to be.
///
/// Why: such a file that was a FIFO hung the build forever, `/dev/zero` linked as a CSV
/// ate 8 GB, and a symbolic link to `/tmp/o.csv` published a file of the machine in the
/// site's charts (in CI, a pull request could publish a file of the runner). So a file
/// is opened only when it resolves to a place inside the site root (a link that stays
/// inside is fine) and is a regular file no larger than its limit; anything else is an
/// `InputFileError`, checked before the file is opened and again on the open descriptor.
package enum InputFile {
    /// The largest file of one kind, with its name in messages.
    package struct SizeLimit: Sendable, Equatable {
        package var bytes: Int64
        package var name: String

        package init(bytes: Int64, name: String) {
            self.bytes = bytes
            self.name = name
        }

        /// A CSV dataset: 4 GiB, far above the largest export we have met (47 MB). It is
        /// streamed, so memory stays small whatever its size.
        package static let dataset = SizeLimit(bytes: 4 << 30, name: "4 GiB, the limit for a CSV dataset")
        /// A JSON dataset: 1 GiB. It is read whole and every value kept as text, which
        /// takes a few times the file's size in memory.
        package static let jsonDataset = SizeLimit(bytes: 1 << 30, name: "1 GiB, the limit for a JSON dataset (a CSV may have 4 GiB)")
        /// A Markdown page read by name (`content/index.md`): 256 MiB.
        package static let page = SizeLimit(bytes: 256 << 20, name: "256 MiB, the limit for a page")
        /// A YAML file (site.yml, a sidecar): 16 MiB, far above any hand-written settings.
        package static let yaml = SizeLimit(bytes: 16 << 20, name: "16 MiB, the limit for a YAML file")
    }

    /// Opens `path` for reading after the checks above; the descriptor is the caller's
    /// to close. `root` is the site root the file must stay inside.
    package static func open(_ path: String, inside root: String, limit: SizeLimit) -> Result<Int32, InputFileError> {
        if let escape = linkLeaving(root: root, path: path) { return .failure(escape) }
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.unreadable(errno: errno)) }
        if let refusal = refusal(info, limit: limit) { return .failure(refusal) }
        // Non-blocking, so that a file swapped for a FIFO since `stat` cannot hang the open.
        let descriptor = systemOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(.unreadable(errno: errno)) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.unreadable(errno: code))
        }
        if let refusal = refusal(opened, limit: limit) {
            close(descriptor)
            return .failure(refusal)
        }
        return .success(descriptor)
    }

    /// The whole file, read after the same checks as `open`.
    package static func contents(of path: String, inside root: String, limit: SizeLimit) -> Result<Data, InputFileError> {
        let descriptor: Int32
        switch open(path, inside: root, limit: limit) {
        case .success(let value): descriptor = value
        case .failure(let error): return .failure(error)
        }
        defer { close(descriptor) }
        var info = stat()
        _ = fstat(descriptor, &info)
        var data = Data(count: Int(info.st_size))
        var filled = 0
        // A file that grows while it is read is read on, up to its limit.
        while true {
            if filled == data.count {
                guard Int64(filled) <= limit.bytes else { return .failure(.tooLarge(bytes: Int64(filled), limit: limit)) }
                // Full at the size `fstat` gave: the file has most likely ended. Ask for a
                // byte before doubling the buffer, which would hold twice a large file.
                var probe: UInt8 = 0
                let count = read(descriptor, &probe, 1)
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return .failure(.unreadable(errno: errno))
                }
                if count == 0 { break }
                data.count = max(4096, filled * 2)
                data[filled] = probe
                filled += 1
                continue
            }
            let count = data.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.unreadable(errno: errno))
            }
            if count == 0 { break }
            filled += count
        }
        if Int64(filled) > limit.bytes { return .failure(.tooLarge(bytes: Int64(filled), limit: limit)) }
        data.count = filled
        return .success(data)
    }

    private static func refusal(_ info: stat, limit: SizeLimit) -> InputFileError? {
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else { return .notRegular(kind: FileKind(type)) }
        guard Int64(info.st_size) <= limit.bytes else { return .tooLarge(bytes: Int64(info.st_size), limit: limit) }
        return nil
    }

    /// The first symbolic link on the way from `root` to `path` that leads outside
    /// `root` (or nowhere), or nil when `path` resolves inside it. Paths outside `root`
    /// as written are checked as a whole.
    static func linkLeaving(root: String, path: String) -> InputFileError? {
        guard let realRoot = realPath(root) else { return .unreadable(errno: errno) }
        let base = root.hasSuffix("/") ? root : root + "/"
        let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : nil
        var steps: [String] = []
        if let relative {
            var prefix = String(base.dropLast())
            for component in relative.split(separator: "/") {
                prefix += "/" + component
                steps.append(prefix)
            }
        } else {
            steps = [path]
        }
        for step in steps {
            var info = stat()
            guard lstat(step, &info) == 0 else { return nil }  // missing: `open` says so
            guard info.st_mode & S_IFMT == S_IFLNK else { continue }
            let shown = relative == nil ? step : String(step.dropFirst(base.count))
            let target = linkText(step) ?? "?"
            guard let resolved = realPath(step) else { return .brokenLink(link: shown, target: target) }
            if !isInside(resolved, realRoot) {
                return .outsideRoot(link: shown, target: target == resolved ? target : "\(target) (\(resolved))")
            }
        }
        if relative == nil, let resolved = realPath(path), !isInside(resolved, realRoot) {
            return .outsideRoot(link: path, target: resolved)
        }
        return nil
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.open(path, flags)
        #else
        return Darwin.open(path, flags)
        #endif
    }
}

/// What a file that is not a regular file is, for messages.
package enum FileKind: String, Sendable, Equatable {
    case folder = "a folder"
    case fifo = "a named pipe (FIFO)"
    case characterDevice = "a character device"
    case blockDevice = "a block device"
    case socket = "a socket"
    case other = "not a regular file"

    init(_ type: mode_t) {
        switch type {
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }
}
