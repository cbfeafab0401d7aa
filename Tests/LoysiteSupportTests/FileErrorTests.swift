import Foundation
import LoysiteSupport
import Testing

@Suite struct FileErrorTests {
    #if os(Linux)
    @Test func aFullDeviceIsNamedWithItsReason() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        do {
            try FileSystem.write(Data("x".utf8), to: "/dev/full")
            Issue.record("the write to /dev/full succeeded")
        } catch {
            #expect(error as? FileError == FileError(.write, path: "/dev/full", code: ENOSPC))
            #expect(FileError.describe(error) == "cannot write /dev/full: no space left on device")
            #expect(error.localizedDescription == "cannot write /dev/full: no space left on device")
        }
    }
    #endif

    @Test func foundationAndPOSIXErrorsAreWordedByTheirReason() {
        #expect(FileError.describe(CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "site/a.html"])) == "cannot write site/a.html: no space left on device")
        #expect(FileError.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES), userInfo: [NSFilePathErrorKey: "site"])) == "cannot write site: permission denied")
        #expect(FileError.describe(FileError(.createFolder, path: "site/x", code: EROFS)) == "cannot create the folder site/x: read-only file system")
        #expect(!FileError.describe(CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: "p"])).contains("NSCocoaErrorDomain"))
    }

    @Test func aFolderThatCannotBeMadeNamesItself() throws {
        // The first folder that cannot be made is named: here the parent, in /proc.
        #expect(throws: FileError(.createFolder, path: "/proc/loysite-no", code: ENOENT)) {
            try FileSystem.createFolder("/proc/loysite-no/such")
        }
    }
}
