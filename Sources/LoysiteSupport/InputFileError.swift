#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `InputFile` refused a file. The wording is for the author of the site; the caller
/// puts the file's path in front.
package enum InputFileError: Error, Sendable, Equatable {
    /// `link` (relative to the root) resolves outside the site root; `target` is what it
    /// points to.
    case outsideRoot(link: String, target: String)
    /// `link` points to nothing.
    case brokenLink(link: String, target: String)
    case notRegular(kind: FileKind)
    case tooLarge(bytes: Int64, limit: InputFile.SizeLimit)
    case unreadable(errno: Int32)
}

extension InputFileError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .outsideRoot(let link, let target):
            return "\(link) is a symbolic link to \(target), outside the site root; data and settings are read only from inside the root (copy the file in instead of linking it)"
        case .brokenLink(let link, let target):
            return "\(link) is a symbolic link to \(target), which does not exist"
        case .notRegular(let kind):
            return kind == .other ? "not a regular file; only regular files are read" : "\(kind.rawValue), not a regular file; only regular files are read"
        case .tooLarge(let bytes, let limit):
            return "the file is \(Self.size(bytes)), more than \(limit.name)"
        case .unreadable(let code):
            return "cannot read file: \(String(cString: strerror(code)))"
        }
    }

    /// 5368709120 → "5368709120 bytes (5.0 GiB)".
    static func size(_ bytes: Int64) -> String {
        let units: [(Int64, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (unit, name) in units where bytes >= unit {
            let value = Double(bytes) / Double(unit)
            return "\(bytes) bytes (\((value * 10).rounded() / 10) \(name))"
        }
        return "\(bytes) bytes"
    }
}
