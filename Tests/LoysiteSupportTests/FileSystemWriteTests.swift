import Foundation
import LoysiteSupport
import Testing

/// `FileSystem.write`'s three ways with the file's folder give the same files where
/// they succeed; only an `.existing` folder that is missing is an error.
@Suite struct FileSystemWriteTests {
    func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "loysite-write-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [FileSystem.Folders.createdWhenMissing, .createdFirst])
    func foldersAreMadeAsNeededAndKeptWhenThere(folders: FileSystem.Folders) throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileSystem.write(Data("top".utf8), to: root + "/index.html", folders: folders)
        try FileSystem.write(Data("new".utf8), to: root + "/glossary/nps/index.html", folders: folders)
        try FileSystem.write(Data("beside".utf8), to: root + "/glossary/index.html", folders: folders)
        try FileSystem.write(Data("again".utf8), to: root + "/glossary/nps/index.html", folders: folders)
        #expect(read(root + "/index.html") == "top")
        #expect(read(root + "/glossary/index.html") == "beside")
        #expect(read(root + "/glossary/nps/index.html") == "again", "a file written twice holds the second text only")
    }

    @Test func anExistingFolderIsRequiredByDefault() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: FileError(.write, path: root + "/missing/a.html", code: ENOENT)) {
            try FileSystem.write(Data("x".utf8), to: root + "/missing/a.html")
        }
    }

    @Test(arguments: [FileSystem.Folders.createdWhenMissing, .createdFirst])
    func aFileInTheWayOfAFolderIsAnError(folders: FileSystem.Folders) throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileSystem.write(Data("file".utf8), to: root + "/glossary", folders: folders)
        #expect(throws: FileError.self) { try FileSystem.write(Data("x".utf8), to: root + "/glossary/a.html", folders: folders) }
        #expect(read(root + "/glossary") == "file")
    }
}
