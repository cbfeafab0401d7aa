import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed, with the path and the system's reason, worded for a
/// person: `cannot write site/glossary/nps/index.html: no space left on device`, never
/// `NSCocoaErrorDomain error 512`.
package struct FileError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    package enum Operation: String, Sendable {
        case write, createFolder = "create the folder", rename = "move", read
    }

    package var operation: Operation
    package var path: String
    /// The POSIX error number (`ENOSPC`, `EACCES` …).
    package var code: Int32

    package init(_ operation: Operation, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The failure with the current `errno`.
    package static func current(_ operation: Operation, path: String) -> FileError {
        FileError(operation, path: path, code: errno)
    }

    package var description: String { "cannot \(operation.rawValue) \(path): \(FileError.reason(code))" }
    package var errorDescription: String? { description }

    /// The reason for an error number, lower-case as in the rest of the diagnostics;
    /// the ones a build meets by name, and the system's wording for the rest.
    package static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on device"
        case EDQUOT: return "disk quota exceeded"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "read-only file system"
        case ENOENT: return "no such file or folder"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder"
        case ENAMETOOLONG: return "the name is too long"
        case EMFILE, ENFILE: return "too many open files"
        case EIO: return "input/output error"
        case EXDEV: return "it is on another file system"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    /// Words any error a file operation threw: a `FileError` as it is, a `POSIXError`
    /// or a Foundation file error by its path and POSIX reason where it has them.
    package static func describe(_ error: Error) -> String {
        if let error = error as? FileError { return error.description }
        let nsError = error as NSError
        var path = nsError.userInfo[NSFilePathErrorKey] as? String
        var code: Int32?
        if let posix = error as? POSIXError {
            code = posix.code.rawValue
            path = path ?? posix.userInfo[NSFilePathErrorKey] as? String
        } else if nsError.domain == NSPOSIXErrorDomain {
            code = Int32(nsError.code)
        } else if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        } else if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteOutOfSpace: code = ENOSPC
            case .fileWriteNoPermission, .fileReadNoPermission: code = EACCES
            case .fileWriteVolumeReadOnly: code = EROFS
            case .fileNoSuchFile, .fileReadNoSuchFile: code = ENOENT
            default: break
            }
        }
        if let explicit = nsError.userInfo[NSLocalizedDescriptionKey] as? String { return explicit }
        if let code, let path { return "cannot write \(path): \(reason(code))" }
        if let code { return reason(code) }
        // Foundation's own wording of an unknown failure is "NSCocoaErrorDomain error 512".
        let said = nsError.localizedDescription.contains("NSCocoaErrorDomain") ? "the operation failed" : nsError.localizedDescription
        if let path { return "cannot write \(path): \(said)" }
        return said
    }
}
