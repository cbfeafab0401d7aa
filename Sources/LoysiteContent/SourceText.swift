import Foundation
import LoysiteSupport

/// The text of one content file, decoded and normalised the way every reader of it
/// expects: valid UTF-8, no byte-order mark, `\n` line endings. Line numbers are those
/// of the file on disk (CRLF → LF keeps them), so diagnostics point at the right place.
package struct SourceText: Sendable {
    /// Path relative to the site root, as printed in diagnostics.
    package var path: String
    package var text: String

    package init(path: String, text: String) {
        self.path = path
        self.text = SourceText.normalise(text)
    }

    /// Reads a file; returns a diagnostic if it cannot be read or is not UTF-8 text.
    package static func read(_ url: URL, relativePath: String) -> Result<SourceText, Diagnostic> {
        read(path: url.path, relativePath: relativePath)
    }

    /// Reads the file at an absolute `path`.
    package static func read(path: String, relativePath: String) -> Result<SourceText, Diagnostic> {
        guard let data = FileSystem.contents(of: path) else {
            return .failure(.error("cannot read file", at: SourceLocation(file: relativePath)))
        }
        return decode(data, relativePath: relativePath)
    }

    /// Reads a file the build opens by name (site.yml, a sidecar) through `InputFile`:
    /// a regular file inside `root`, at most `limit` long.
    package static func read(_ url: URL, relativePath: String, inside root: URL, limit: InputFile.SizeLimit = .yaml) -> Result<SourceText, Diagnostic> {
        switch InputFile.contents(of: url.path, inside: root.path, limit: limit) {
        case .success(let data): return decode(data, relativePath: relativePath)
        case .failure(let error): return .failure(.error(error.description, at: SourceLocation(file: relativePath)))
        }
    }

    /// Decodes bytes as UTF-8 text, pointing at the first invalid or NUL byte otherwise.
    package static func decode(_ data: Data, relativePath: String) -> Result<SourceText, Diagnostic> {
        // The usual case, valid text: validated in one pass by the standard library.
        // Only a problem needs the scalar-by-scalar walk that finds its line and column.
        if !data.withUnsafeBytes({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }), let text = String(validating: data, as: UTF8.self) {
            return .success(SourceText(path: relativePath, text: text))
        }
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(data.count)
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    return .failure(.error("file contains a NUL byte: not a text file", at: SourceLocation(file: relativePath, line: line, column: column)))
                }
                scalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                return .failure(.error("file is not valid UTF-8 text", at: SourceLocation(file: relativePath, line: line, column: column)))
            }
        }
        return .success(SourceText(path: relativePath, text: String(scalars)))
    }

    static func normalise(_ text: String) -> String {
        var text = text
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]), text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.containsByte(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }
}
